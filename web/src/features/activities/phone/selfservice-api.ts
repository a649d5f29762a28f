// Typed fetchers and react-query hooks of the volunteer's self-service on their sign-ups: 还来吗？ answers, no-shows,
// and swaps (offer my place, list and take others' offers). Every change refreshes the activities queries.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';
import type { Answer, MyStateView, SwapOfferView, TakenView } from '../../../../../domain/selfservice/schemas.ts';

const enc = encodeURIComponent;
export type MyState = MyStateView;
export type SwapOffer = SwapOfferView;

export const selfServiceApi = {
  state: (signal?: AbortSignal) => api.get<MyState>('/api/activities/mine/state', undefined, signal),
  answer: (signupId: string, answer: Answer) =>
    api.post<{ answer: Answer; promoted: string | null }>(`/api/activities/mine/${enc(signupId)}/answer`, { answer }),
  offer: (signupId: string) => api.post<{ id: string }>(`/api/activities/mine/${enc(signupId)}/offer`, {}),
  offers: (signal?: AbortSignal) => api.get<SwapOffer[]>('/api/activities/swaps', undefined, signal),
  take: (swapId: string) => api.post<TakenView>(`/api/activities/swaps/${enc(swapId)}/take`, {}),
  withdraw: (swapId: string) => api.post<void>(`/api/activities/swaps/${enc(swapId)}/withdraw`, {}),
};

export const useMyState = () =>
  useQuery({ queryKey: ['activities', 'mine-state'], queryFn: ({ signal }) => selfServiceApi.state(signal) });
export const useSwapOffers = () =>
  useQuery({ queryKey: ['activities', 'swaps'], queryFn: ({ signal }) => selfServiceApi.offers(signal) });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['activities'] });
}

export function useAnswer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ signupId, answer }: { signupId: string; answer: Answer }) => selfServiceApi.answer(signupId, answer),
    onSuccess: refresh,
  });
}
export function useOfferSwap() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: selfServiceApi.offer, onSuccess: refresh });
}
export function useTakeSwap() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: selfServiceApi.take, onSuccess: refresh });
}
export function useWithdrawSwap() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: selfServiceApi.withdraw, onSuccess: refresh });
}
