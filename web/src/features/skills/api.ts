// Typed fetchers and react-query hooks of the skills pool and the skills catalogue.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Query } from '../../shared/api/client.ts';
import type { poolPage } from '../../../../domain/volunteers/pool.ts';

export type PoolPage = z.infer<typeof poolPage>;
export interface PoolFilters {
  category?: string;
  skill?: string;
  level?: string;
  licenceValid?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
}

export const skillsApi = {
  pool: (f: PoolFilters, signal?: AbortSignal) => api.get<PoolPage>('/api/skills-pool', f as Query, signal),
};

export const useSkillsPool = (f: PoolFilters) =>
  useQuery({
    queryKey: ['skills-pool', f],
    queryFn: ({ signal }) => skillsApi.pool(f, signal),
    placeholderData: (prev) => prev,
  });
export { useCatalogue, type Catalogue } from '../../shared/api/skills-catalogue.ts';
