// Typed fetchers and react-query hooks of /api/hours: my hours, a volunteer's, the verification queue, rules.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { DisputeView, EntryView, HoursSummary } from '../../../../domain/hours/schemas.ts';

export type { DisputeView, EntryView, HoursSummary };
const enc = encodeURIComponent;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface Profile {
  summary: HoursSummary;
  entries: Page<EntryView>;
}
export interface Settings {
  rounding: { unit: 15 | 30 | 60; mode: 'down' | 'nearest' | 'up' } | null;
  starThresholds: number[];
  pointsPerHour: number;
  pointsDailyCap: number | null;
  pointsTotalCap: number | null;
  updatedAt: string | null;
}
export interface QueueFilter {
  source?: string;
  volunteerId?: string;
  reviewOnly?: boolean;
  /** 我带的志愿者: only the volunteers the caller leads. */
  mine?: boolean;
  page: number;
  pageSize: number;
}

export const hoursApi = {
  mine: (page: number, signal?: AbortSignal) => api.get<Profile>('/api/hours/mine', { page, pageSize: 20 }, signal),
  queue: (q: QueueFilter, signal?: AbortSignal) => api.get<Page<EntryView>>('/api/hours/queue', { ...q }, signal),
  verify: (ids: string[]) => api.post<{ verified: string[]; skipped: string[] }>('/api/hours/verify', { ids }),
  correct: (id: string, b: { minutes: number; reason: string }) =>
    api.post<{ id: string }>(`/api/hours/entries/${enc(id)}/correct`, b),
  honour: (b: { volunteerId: string; serviceDate: string; minutes: number; reason: string }) =>
    api.post<{ id: string }>('/api/hours/honour', b),
  myDisputes: (signal?: AbortSignal) => api.get<DisputeView[]>('/api/hours/mine/disputes', undefined, signal),
  dispute: (b: { entryId?: string; serviceDate?: string; reason: string }) =>
    api.post<{ id: string }>('/api/hours/mine/disputes', b),
  disputes: (status: 'open' | 'resolved' | undefined, f: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<{ items: DisputeView[]; total: number; page: number; pageSize: number }>(
      '/api/hours/disputes',
      { status, ...f },
      signal,
    ),
  resolve: (id: string, resolution: string) => api.post<void>(`/api/hours/disputes/${enc(id)}/resolve`, { resolution }),
  settings: (signal?: AbortSignal) => api.get<Settings>('/api/hours/settings', undefined, signal),
  saveSettings: (b: Omit<Settings, 'updatedAt'>) => api.put<void>('/api/hours/settings', b),
};

export const useMyHours = (page: number) =>
  useQuery({ queryKey: ['me', 'hours', page], queryFn: ({ signal }) => hoursApi.mine(page, signal), retry: false });
export const useHoursQueue = (q: QueueFilter) =>
  useQuery({ queryKey: ['hours', 'queue', q], queryFn: ({ signal }) => hoursApi.queue(q, signal) });
export const useMyDisputes = () =>
  useQuery({
    queryKey: ['me', 'hours', 'disputes'],
    queryFn: ({ signal }) => hoursApi.myDisputes(signal),
    retry: false,
  });
export const useDisputes = (status: 'open' | 'resolved' | undefined, f: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['hours', 'disputes', status, f],
    queryFn: ({ signal }) => hoursApi.disputes(status, f, signal),
    placeholderData: (previous) => previous,
  });
export const useHoursSettings = () =>
  useQuery({ queryKey: ['hours', 'settings'], queryFn: ({ signal }) => hoursApi.settings(signal) });

export { hoursText } from '../../shared/api/hours.ts';

export function useDispute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: hoursApi.dispute,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'hours', 'disputes'] }),
  });
}

/** Staff's saves: every one refreshes what the hours tabs show (queue, disputes, rules). */
function useRefreshHours() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['hours'] });
}

export function useVerifyHours() {
  const refresh = useRefreshHours();
  return useMutation({ mutationFn: hoursApi.verify, onSuccess: refresh });
}

export function useCorrectEntry() {
  const refresh = useRefreshHours();
  return useMutation({
    mutationFn: ({ id, minutes, reason }: { id: string; minutes: number; reason: string }) =>
      hoursApi.correct(id, { minutes, reason }),
    onSuccess: refresh,
  });
}

export function useResolveDispute() {
  const refresh = useRefreshHours();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: string }) => hoursApi.resolve(id, resolution),
    onSuccess: refresh,
  });
}

/** Honour hours are a new ledger entry, so the hours lists are refreshed too. */
export function useHonourHours() {
  const refresh = useRefreshHours();
  return useMutation({ mutationFn: hoursApi.honour, onSuccess: refresh });
}

export function useSaveHoursSettings() {
  const refresh = useRefreshHours();
  return useMutation({ mutationFn: hoursApi.saveSettings, onSuccess: refresh });
}
