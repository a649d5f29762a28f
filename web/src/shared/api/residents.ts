// The registry's residents search (name, pinyin or phone tail), for pickers in other features.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { ResidentListItem } from '../../../../domain/registry/schemas.ts';

export interface ResidentPage {
  items: ResidentListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const useResidentSearch = (q: string, pageSize = 20) =>
  useQuery({
    queryKey: ['residents', 'pick', q],
    enabled: q.trim().length > 0,
    queryFn: ({ signal }) => api.get<ResidentPage>('/api/residents', { q: q.trim(), page: 1, pageSize }, signal),
  });
