// Typed fetchers and hooks of /api/selections (staff) and /api/me/selections (residents on the phone).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { PhoneSelection, SelectionDetail, SelectionItem } from '../../../../domain/selections/schemas.ts';

export type { PhoneSelection, SelectionDetail, SelectionItem };
const enc = encodeURIComponent;

export const useSelections = () =>
  useQuery({
    queryKey: ['selections'],
    queryFn: ({ signal }) => api.get<SelectionItem[]>('/api/selections', undefined, signal),
  });
export const useSelection = (id: string | null) =>
  useQuery({
    queryKey: ['selections', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<SelectionDetail>(`/api/selections/${enc(id!)}`, undefined, signal),
  });
export const useMySelections = () =>
  useQuery({
    queryKey: ['me', 'selections'],
    queryFn: ({ signal }) => api.get<PhoneSelection[]>('/api/me/selections', undefined, signal),
  });

export function useSelectionMutations() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['selections'] });
  const useM = <V>(fn: (v: V) => Promise<unknown>) => useMutation({ mutationFn: fn, onSuccess: done });
  return {
    create: useM((body: Record<string, unknown>) => api.post<{ id: string }>('/api/selections', body)),
    nominate: useM((v: { id: string; body: Record<string, unknown> }) =>
      api.post<{ id: string }>(`/api/selections/${enc(v.id)}/nominees`, v.body),
    ),
    decide: useM((v: { id: string; nomineeId: string; accept: boolean }) =>
      api.post<void>(`/api/selections/${enc(v.id)}/nominees/${enc(v.nomineeId)}/decision`, { accept: v.accept }),
    ),
    consent: useM((v: { id: string; nomineeId: string; guardianName: string; signedOn: string }) =>
      api.post<void>(`/api/selections/${enc(v.id)}/nominees/${enc(v.nomineeId)}/guardian-consent`, {
        guardianName: v.guardianName,
        signedOn: v.signedOn,
      }),
    ),
    close: useM((id: string) => api.post<SelectionDetail>(`/api/selections/${enc(id)}/close`)),
    publish: useM((id: string) => api.post<void>(`/api/selections/${enc(id)}/publish`)),
  };
}

export function useVote() {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: ['me', 'selections'] });
  return {
    vote: useMutation({
      mutationFn: (v: { id: string; nomineeId: string }) =>
        api.post<void>(`/api/me/selections/${enc(v.id)}/vote`, { nomineeId: v.nomineeId }),
      onSuccess: done,
    }),
    nominate: useMutation({
      mutationFn: (v: { id: string; name: string; reason: string }) =>
        api.post<{ id: string }>(`/api/me/selections/${enc(v.id)}/nominations`, { name: v.name, reason: v.reason }),
      onSuccess: done,
    }),
  };
}
