// Typed fetchers and react-query hooks of /api/points: my points, a volunteer's, the love supermarket.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { ItemView, PointsAccountView, RedemptionView, ShelfView } from '../../../../domain/records/supermarket.ts';

export type { ItemView, PointsAccountView, RedemptionView, ShelfView };
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface CardSummary {
  id: string;
  name: string;
  status: string;
  age: number;
  unitName: string | null;
}
const enc = encodeURIComponent;

export const pointsApi = {
  mine: (signal?: AbortSignal) => api.get<PointsAccountView>('/api/points/mine', undefined, signal),
  ofVolunteer: (id: string, signal?: AbortSignal) =>
    api.get<PointsAccountView>(`/api/points/volunteers/${enc(id)}`, undefined, signal),
  items: (signal?: AbortSignal) => api.get<ItemView[]>('/api/points/items', undefined, signal),
  createItem: (b: { name: string; pricePoints: number; stock: number; active: boolean }) =>
    api.post<ItemView>('/api/points/items', b),
  updateItem: (id: string, b: { name?: string; pricePoints?: number; active?: boolean }) =>
    api.patch<ItemView>(`/api/points/items/${enc(id)}`, b),
  restock: (id: string, b: { quantity: number; note?: string }) =>
    api.post<ItemView>(`/api/points/items/${enc(id)}/restock`, b),
  redeem: (b: { volunteerId: string; lines: { itemId: string; quantity: number }[] }) =>
    api.post<RedemptionView>('/api/points/redemptions', b),
  redemptions: (page: number, signal?: AbortSignal, volunteerId?: string) =>
    api.get<Page<RedemptionView>>('/api/points/redemptions', { page, pageSize: 20, volunteerId }, signal),
  /** The scanned (or typed) volunteer card, through the volunteers API. */
  card: (token: string) => api.get<CardSummary>(`/api/volunteers/card/${enc(token)}`),
};

export const useMyPoints = () =>
  useQuery({ queryKey: ['me', 'points'], queryFn: ({ signal }) => pointsApi.mine(signal), retry: false });
/** The love supermarket's shelf for me (refreshed with my points). */
export const useMyShelf = () =>
  useQuery({
    queryKey: ['me', 'points', 'shelf'],
    // A community's shelf is tens of items: one page of 200 holds it.
    queryFn: ({ signal }) => api.get<ShelfView>('/api/points/shelf', { pageSize: 200 }, signal),
    retry: false,
  });
export const useVolunteerPoints = (id: string | null) =>
  useQuery({
    queryKey: ['points', 'volunteer', id],
    queryFn: ({ signal }) => pointsApi.ofVolunteer(id!, signal),
    enabled: !!id,
  });
export const useItems = () =>
  useQuery({ queryKey: ['points', 'items'], queryFn: ({ signal }) => pointsApi.items(signal) });
export const useRedemptions = (page: number, volunteerId?: string) =>
  useQuery({
    queryKey: ['points', 'redemptions', page, volunteerId],
    queryFn: ({ signal }) => pointsApi.redemptions(page, signal, volunteerId),
  });

/** The supermarket's saves: every one refreshes the items, balances and redemption history. */
function useRefreshPoints() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['points'] });
}

export function useRedeem() {
  const refresh = useRefreshPoints();
  return useMutation({ mutationFn: pointsApi.redeem, onSuccess: refresh });
}

export function useCreateItem() {
  const refresh = useRefreshPoints();
  return useMutation({ mutationFn: pointsApi.createItem, onSuccess: refresh });
}

export function useUpdateItem() {
  const refresh = useRefreshPoints();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { name?: string; pricePoints?: number; active?: boolean } }) =>
      pointsApi.updateItem(id, body),
    onSuccess: refresh,
  });
}

export function useRestock() {
  const refresh = useRefreshPoints();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { quantity: number; note?: string } }) =>
      pointsApi.restock(id, body),
    onSuccess: refresh,
  });
}
