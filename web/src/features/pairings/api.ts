// Typed fetchers and react-query hooks of /api/pairings and /api/my/pairings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { PairingItem } from '../../../../domain/pairings/schemas.ts';

const enc = encodeURIComponent;

export interface Pairing {
  id: string;
  volunteerId: string;
  volunteerName: string;
  residentId: string;
  residentName: string;
  residentAddress: string;
  gridId: string;
  item: PairingItem;
  itemNote: string | null;
  place: string;
  rrule: string;
  startsOn: string;
  endsOn: string | null;
  serviceTypeId: string | null;
  serviceTypeName: string | null;
  note: string | null;
  status: 'active' | 'ended';
  endedOn: string | null;
  endReason: string | null;
  visitCount: number;
  lastVisitOn: string | null;
  createdAt: string;
}
export interface Visit {
  id: string;
  pairingId: string;
  visitedOn: string;
  minutes: number;
  notes: string | null;
  loggedByName: string;
  loggedAt: string;
}
export interface Scheduled extends Pairing {
  visits: Visit[];
  missed: string[];
  due: string[];
  next: string[];
}
export interface Missed extends Pairing {
  date: string;
  missedInWindow: number;
}
export interface PairingFilter {
  volunteerId?: string;
  residentId?: string;
  status?: 'active' | 'ended';
  page: number;
  pageSize: number;
}

export const pairingsApi = {
  list: (q: PairingFilter, signal?: AbortSignal) =>
    api.get<{ items: Pairing[]; total: number; page: number; pageSize: number }>('/api/pairings', { ...q }, signal),
  detail: (id: string, signal?: AbortSignal) => api.get<Scheduled>(`/api/pairings/${enc(id)}`, undefined, signal),
  create: (b: Record<string, unknown>) => api.post<{ id: string }>('/api/pairings', b),
  update: (id: string, b: Record<string, unknown>) => api.patch<void>(`/api/pairings/${enc(id)}`, b),
  logFor: (id: string, b: { visitedOn: string; minutes: number; notes?: string | null }) =>
    api.post<{ id: string }>(`/api/pairings/${enc(id)}/visits`, b),
  end: (id: string, b: { reason: string; endedOn?: string }) => api.post<void>(`/api/pairings/${enc(id)}/end`, b),
  missed: (f: MissedFilter, signal?: AbortSignal) =>
    api.get<{ items: Missed[]; total: number; page: number; pageSize: number }>(
      '/api/pairings/missed',
      { ...f },
      signal,
    ),
  mine: (signal?: AbortSignal) => api.get<Scheduled[]>('/api/my/pairings', undefined, signal),
  logMine: (id: string, b: { visitedOn: string; minutes: number; notes?: string | null }) =>
    api.post<{ id: string }>(`/api/my/pairings/${enc(id)}/visits`, b),
};

export const usePairings = (q: PairingFilter) =>
  useQuery({ queryKey: ['pairings', 'list', q], queryFn: ({ signal }) => pairingsApi.list(q, signal) });
export const usePairing = (id: string | null) =>
  useQuery({
    queryKey: ['pairings', 'detail', id],
    queryFn: ({ signal }) => pairingsApi.detail(id!, signal),
    enabled: !!id,
  });
/** Missed visits of the last `days`, a page at a time; `q` finds a resident or a volunteer by name. */
export interface MissedFilter {
  days: number;
  q?: string;
  page: number;
  pageSize: number;
}
export const useMissed = (f: MissedFilter) =>
  useQuery({
    queryKey: ['pairings', 'missed', f],
    queryFn: ({ signal }) => pairingsApi.missed(f, signal),
    placeholderData: (previous) => previous,
  });
export const useMyPairings = () =>
  useQuery({ queryKey: ['me', 'pairings'], queryFn: ({ signal }) => pairingsApi.mine(signal), retry: false });

export function useLogMyVisit(pairingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { visitedOn: string; minutes: number; notes?: string | null }) => pairingsApi.logMine(pairingId, b),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'pairings'] }),
  });
}

/** Staff's writes on pairings: each refreshes the pairings lists, a pairing's detail and the missed visits. */
function useRefreshPairings() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['pairings'] });
}

export function useCreatePairing() {
  const refresh = useRefreshPairings();
  return useMutation({ mutationFn: pairingsApi.create, onSuccess: refresh });
}

export function useUpdatePairing(id: string | undefined) {
  const refresh = useRefreshPairings();
  return useMutation({ mutationFn: (b: Record<string, unknown>) => pairingsApi.update(id!, b), onSuccess: refresh });
}

export function useEndPairing(id: string | undefined) {
  const refresh = useRefreshPairings();
  return useMutation({
    mutationFn: (b: { reason: string; endedOn?: string }) => pairingsApi.end(id!, b),
    onSuccess: refresh,
  });
}

/** A visit staff record for the volunteer (reported by phone). */
export function useLogVisitFor(id: string | undefined) {
  const refresh = useRefreshPairings();
  return useMutation({
    mutationFn: (b: { visitedOn: string; minutes: number; notes?: string | null }) => pairingsApi.logFor(id!, b),
    onSuccess: refresh,
  });
}
