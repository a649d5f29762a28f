// The phone home's "next up" (GET /api/me/home): am I a volunteer, and what is next for me.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { HomeSummary } from '../../../../domain/me/home.ts';

export type { HomeSummary };

export function useHome() {
  return useQuery({
    queryKey: ['me', 'home'],
    queryFn: ({ signal }) => api.get<HomeSummary>('/api/me/home', undefined, signal),
    staleTime: 30_000,
  });
}
