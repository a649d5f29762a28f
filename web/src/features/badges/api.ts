// Typed fetchers and react-query hooks of /api/badges: staff's list, issue, edit, reissue, revoke, scans and
// settings; the family's view of their elder's badge. The card PDF is a plain link.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type {
  BadgeView,
  ContactInput,
  FamilyBadgeView,
  ScanView,
  SettingsInput,
  SettingsView,
  UpdateInput,
} from '../../../../domain/badges/badges.ts';

export type { BadgeView, ContactInput, FamilyBadgeView, ScanView, SettingsView };
export interface Candidate {
  residentId: string;
  name: string;
  birthDate: string;
  address: string;
  groups: string[];
  consent: BadgeView['consent'];
}
export interface BadgeFilter {
  status?: 'active' | 'revoked' | 'replaced';
  q?: string;
  page?: number;
  pageSize?: number;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
const enc = encodeURIComponent;

export const badgesApi = {
  list: (f: BadgeFilter, signal?: AbortSignal) => api.get<Page<BadgeView>>('/api/badges', { ...f }, signal),
  /** The first 50 candidates (a name search finds the others). */
  candidates: (q: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Candidate>>('/api/badges/candidates', { ...(q ? { q } : {}), pageSize: 50 }, signal),
  issue: (b: {
    residentId: string;
    nickname: string;
    cautions?: string;
    consent?: { givenByName: string; givenByRelation: string };
  }) => api.post<BadgeView>('/api/badges', b),
  update: (id: string, b: UpdateInput) => api.put<BadgeView>(`/api/badges/${enc(id)}`, b),
  reissue: (id: string) => api.post<BadgeView>(`/api/badges/${enc(id)}/reissue`),
  revoke: (id: string, reason: string) => api.post<void>(`/api/badges/${enc(id)}/revoke`, { reason }),
  scans: (id: string, f: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Page<ScanView>>(`/api/badges/${enc(id)}/scans`, { ...f }, signal),
  settings: (signal?: AbortSignal) => api.get<SettingsView>('/api/badges/settings', undefined, signal),
  saveSettings: (b: SettingsInput) => api.put<void>('/api/badges/settings', b),
  family: (signal?: AbortSignal) => api.get<FamilyBadgeView[]>('/api/badges/family', undefined, signal),
  familyUpdate: (id: string, b: UpdateInput) => api.put<void>(`/api/badges/family/${enc(id)}`, b),
  /** The family: my elder was found and is home after this scan (a contact in the record of service). */
  familyReturned: (id: string, scanId: string) =>
    api.post<void>(`/api/badges/family/${enc(id)}/scans/${enc(scanId)}/returned`),
  /** Staff, when the family phoned to say so. */
  returned: (id: string, scanId: string) => api.post<void>(`/api/badges/${enc(id)}/scans/${enc(scanId)}/returned`),
};

export const cardHref = (id: string) => `/api/badges/${enc(id)}/card.pdf`;
/** Staff preview of the finder's page: not a scan, tells nobody (opening the badge's own address would). */
export const previewHref = (id: string) => `/api/badges/${enc(id)}/preview`;

export const useBadges = (f: BadgeFilter) =>
  useQuery({ queryKey: ['badges', 'list', f], queryFn: ({ signal }) => badgesApi.list(f, signal) });
export const useCandidates = (q: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['badges', 'candidates', q ?? ''],
    queryFn: ({ signal }) => badgesApi.candidates(q, signal),
    enabled,
  });
export const useBadgeSettings = () =>
  useQuery({ queryKey: ['badges', 'settings'], queryFn: ({ signal }) => badgesApi.settings(signal) });
export const useBadgeScans = (id: string | null, f: { page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['badges', 'scans', id, f],
    queryFn: ({ signal }) => badgesApi.scans(id!, f, signal),
    enabled: !!id,
  });
export const useFamilyBadges = () =>
  useQuery({ queryKey: ['me', 'badges'], queryFn: ({ signal }) => badgesApi.family(signal) });

/** A map link for a finder's shared location (opened only if someone taps it). */
export const mapHref = (lat: number, lng: number) => `https://uri.amap.com/marker?position=${lng},${lat}`;

/** Staff's saves: every one refreshes the badge list, the candidates and the settings. */
function useRefreshBadges() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['badges'] });
}

export function useIssueBadge() {
  const refresh = useRefreshBadges();
  return useMutation({ mutationFn: badgesApi.issue, onSuccess: refresh });
}

export function useUpdateBadge() {
  const refresh = useRefreshBadges();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateInput }) => badgesApi.update(id, body),
    onSuccess: refresh,
  });
}

export function useReissueBadge() {
  const refresh = useRefreshBadges();
  return useMutation({ mutationFn: badgesApi.reissue, onSuccess: refresh });
}

export function useRevokeBadge() {
  const refresh = useRefreshBadges();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => badgesApi.revoke(id, reason),
    onSuccess: refresh,
  });
}

export function useSaveBadgeSettings() {
  const refresh = useRefreshBadges();
  return useMutation({ mutationFn: badgesApi.saveSettings, onSuccess: refresh });
}

/** The family keeps their elder's badge current: their list is refreshed. */
export function useFamilyUpdateBadge(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateInput) => badgesApi.familyUpdate(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'badges'] }),
  });
}

/** The family confirm their elder is home after a scan: the scan shows as returned. */
export function useFamilyReturned(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (scanId: string) => badgesApi.familyReturned(id, scanId),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'badges'] }),
  });
}

/** Staff record the family's word that the elder is home after a scan: the scans are refreshed. */
export function useMarkReturned() {
  const refresh = useRefreshBadges();
  return useMutation({
    mutationFn: ({ id, scanId }: { id: string; scanId: string }) => badgesApi.returned(id, scanId),
    onSuccess: refresh,
  });
}
