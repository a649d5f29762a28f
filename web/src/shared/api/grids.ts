// The community's grids as pickers in other features list them.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface GridOption {
  id: string;
  code: string;
  name: string;
}

export const useGridOptions = () =>
  useQuery({
    queryKey: ['registry', 'grids', 'options'],
    queryFn: ({ signal }) => api.get<GridOption[]>('/api/grids', undefined, signal),
    staleTime: 60_000,
  });
