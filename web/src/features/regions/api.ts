// Typed fetchers of /api/regions: the tree an office may see and its communities' figures.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export type NodeKind = 'city' | 'district' | 'street' | 'community' | 'grid';
export interface ViewNode {
  id: string;
  kind: NodeKind;
  name: string;
  children: ViewNode[];
}
export interface Counts {
  households: number;
  residents: number;
  volunteers: number;
}
export interface CommunityFigures extends Counts {
  id: string;
  name: string;
  street: string | null;
  grids: number;
}
export interface GridFigures extends Counts {
  id: string;
  name: string;
}

export const useRegionTree = () =>
  useQuery({
    queryKey: ['regions', 'tree'],
    queryFn: ({ signal }) => api.get<ViewNode>('/api/regions/tree', {}, signal),
  });

export const useCommunityFigures = (node: string | null) =>
  useQuery({
    queryKey: ['regions', 'communities', node],
    queryFn: ({ signal }) =>
      api.get<{ node: { id: string; kind: NodeKind; name: string }; communities: CommunityFigures[] }>(
        '/api/regions/communities',
        node ? { node } : {},
        signal,
      ),
  });

export const useGridFigures = (communityId: string | null) =>
  useQuery({
    enabled: !!communityId,
    queryKey: ['regions', 'grids', communityId],
    queryFn: ({ signal }) =>
      api.get<{ community: { id: string; name: string }; grids: GridFigures[] }>(
        `/api/regions/communities/${encodeURIComponent(communityId!)}/grids`,
        {},
        signal,
      ),
  });

export type OfficeRole = 'street_admin' | 'district_admin' | 'city_admin';
export interface OfficeRegion {
  id: string;
  kind: 'city' | 'district' | 'street';
  name: string;
}
export interface OfficeAccount {
  id: string;
  name: string;
  phone: string | null;
  role: OfficeRole;
  title: string | null;
  region: OfficeRegion;
  createdAt: string;
  self: boolean;
}
export interface OfficeAccountInput {
  regionId: string;
  phone: string;
  name: string;
  title: string | null;
}

export const useOfficeAccounts = () =>
  useQuery({
    queryKey: ['regions', 'accounts'],
    queryFn: ({ signal }) =>
      api.get<{ regions: OfficeRegion[]; accounts: OfficeAccount[] }>('/api/regions/accounts', {}, signal),
  });

export function useAddOfficeAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: OfficeAccountInput) => api.post<{ id: string; created: boolean }>('/api/regions/accounts', b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions', 'accounts'] }),
  });
}

export function useRemoveOfficeAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/regions/accounts/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['regions', 'accounts'] }),
  });
}
