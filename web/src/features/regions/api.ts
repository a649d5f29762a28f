// Typed fetchers of /api/regions: the tree an office may see and its communities' figures.
import { useQuery } from '@tanstack/react-query';
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
