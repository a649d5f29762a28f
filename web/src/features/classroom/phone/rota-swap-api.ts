// Typed fetchers and react-query hooks of 4:30 rota-day swaps: my rota days and offers, offer my day, list and take
// others' offers, take my offer back. Every change refreshes the classroom queries (today's board reads the rota).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { MyRotaView, RotaSwapOfferView, RotaTakenView } from '../../../../../domain/classroom/rota-swap.ts';

const enc = encodeURIComponent;
export type MyRota = MyRotaView;
export type RotaSwapOffer = RotaSwapOfferView;

export const rotaSwapApi = {
  mine: (signal?: AbortSignal) => api.get<MyRota>('/api/classroom/rota/mine', undefined, signal),
  offer: (sessionId: string) => api.post<{ id: string }>(`/api/classroom/rota/${enc(sessionId)}/offer`, {}),
  offers: (signal?: AbortSignal) => api.get<RotaSwapOffer[]>('/api/classroom/rota-swaps', undefined, signal),
  take: (swapId: string) => api.post<RotaTakenView>(`/api/classroom/rota-swaps/${enc(swapId)}/take`, {}),
  withdraw: (swapId: string) => api.post<void>(`/api/classroom/rota-swaps/${enc(swapId)}/withdraw`, {}),
};

export const useMyRota = () =>
  useQuery({ queryKey: ['classroom', 'rota-mine'], queryFn: ({ signal }) => rotaSwapApi.mine(signal) });
export const useRotaOffers = () =>
  useQuery({ queryKey: ['classroom', 'rota-swaps'], queryFn: ({ signal }) => rotaSwapApi.offers(signal) });

function useChange<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['classroom'] }) });
}
export const useOfferRotaDay = () => useChange(rotaSwapApi.offer);
export const useTakeRotaDay = () => useChange(rotaSwapApi.take);
export const useWithdrawRotaDay = () => useChange(rotaSwapApi.withdraw);
