// Typed fetchers and react-query hooks of /api/volunteers and the public registration.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, type Query } from '../../shared/api/client.ts';
import type {
  CardSummary,
  GuardianChild,
  MyVolunteer,
  VolunteerDetail,
  VolunteerListItem,
  VolunteerPatch,
} from '../../../../domain/volunteers/schemas.ts';
import type { SkillInput, SkillPatch } from '../../../../domain/volunteers/pool.ts';

export type { GuardianChild };
export type { CardSummary, MyVolunteer, VolunteerDetail, VolunteerListItem, VolunteerPatch, SkillInput, SkillPatch };
/** POST /api/volunteers/import answers with how many rows went in, and as which status. */
export interface VolunteerImportResult {
  rows: number;
  status: 'approved' | 'pending';
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface VolunteerFilters {
  q?: string;
  status?: string;
  socialWorkerId?: string;
  page?: number;
  pageSize?: number;
}
export interface Indicators {
  volunteers: number;
  approved: number;
  pending: number;
  householdsWithVolunteer: number;
  households: number;
  share: number;
  householdsServed: number;
  servedShare: number;
}

const enc = encodeURIComponent;

export const volunteersApi = {
  communities: () => api.get<Array<{ id: string; name: string }>>('/api/public/communities'),
  sendCode: (phone: string) =>
    api.post<{ sent: boolean; resendAfterSeconds: number }>('/api/public/volunteer-registrations/code', { phone }),
  register: (body: Record<string, unknown>) =>
    api.post<{ id: string; status: string }>('/api/public/volunteer-registrations', body),
  list: (f: VolunteerFilters, signal?: AbortSignal) =>
    api.get<Paged<VolunteerListItem>>('/api/volunteers', f as Query, signal),
  one: (id: string, signal?: AbortSignal) => api.get<VolunteerDetail>(`/api/volunteers/${enc(id)}`, undefined, signal),
  sensitive: (id: string) => api.get<{ idNumber: string }>(`/api/volunteers/${enc(id)}/sensitive`),
  approve: (id: string, note?: string) => api.post<void>(`/api/volunteers/${enc(id)}/approve`, { note: note || null }),
  reject: (id: string, note?: string) => api.post<void>(`/api/volunteers/${enc(id)}/reject`, { note: note || null }),
  indicators: (signal?: AbortSignal) => api.get<Indicators>('/api/volunteers/indicators', undefined, signal),
  me: (signal?: AbortSignal) => api.get<MyVolunteer>('/api/volunteers/me', undefined, signal),
  card: (token: string, signal?: AbortSignal) =>
    api.get<CardSummary>(`/api/volunteers/card/${enc(token)}`, undefined, signal),
  exportList: (f: VolunteerFilters, fallbackName: string) =>
    download('/api/volunteers/export', f as Query, fallbackName),
  create: (body: Record<string, unknown>) => api.post<{ id: string }>('/api/volunteers', body),
  update: (id: string, patch: VolunteerPatch) => api.patch<void>(`/api/volunteers/${enc(id)}`, patch),
  addSkill: (id: string, skill: SkillInput) => api.post<void>(`/api/volunteers/${enc(id)}/skills`, skill),
  updateSkill: (id: string, code: string, patch: SkillPatch) =>
    api.patch<void>(`/api/volunteers/${enc(id)}/skills/${enc(code)}`, patch),
  removeSkill: (id: string, code: string) => api.delete<void>(`/api/volunteers/${enc(id)}/skills/${enc(code)}`),
  importTemplate: (fallbackName: string) => download('/api/volunteers/import/template', undefined, fallbackName),
  importFile: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<VolunteerImportResult>('/api/volunteers/import', form);
  },
  // The guardian's consent: staff actions, and the guardian's public page.
  resendGuardianCode: (id: string) =>
    api.post<{ sent: boolean; resendAfterSeconds: number }>(`/api/volunteers/${enc(id)}/guardian-consent/code`, {}),
  recordPaperConsent: (id: string, p: { signedOn: string; note?: string; file: File }) => {
    const form = new FormData();
    form.append('signedOn', p.signedOn);
    if (p.note) form.append('note', p.note);
    form.append('file', p.file, p.file.name);
    return api.upload<void>(`/api/volunteers/${enc(id)}/guardian-consent/paper`, form);
  },
  recordWithdrawal: (id: string, note?: string) =>
    api.post<void>(`/api/volunteers/${enc(id)}/guardian-consent/withdrawal`, { note: note || null }),
  consentScanUrl: (id: string, scanId: string) => `/api/volunteers/${enc(id)}/guardian-consent/scans/${enc(scanId)}`,
  guardianCode: (phone: string) =>
    api.post<{ sent: boolean; resendAfterSeconds: number }>('/api/public/guardian-consent/code', { phone }),
  guardianChildren: (phone: string, code: string) =>
    api.post<GuardianChild[]>('/api/public/guardian-consent/children', { phone, code }),
  guardianDecide: (b: { phone: string; code: string; volunteerId: string; decision: 'confirm' | 'withdraw' }) =>
    api.post<GuardianChild>('/api/public/guardian-consent/decision', b),
};

export const useVolunteers = (f: VolunteerFilters) =>
  useQuery({ queryKey: ['volunteers', f], queryFn: ({ signal }) => volunteersApi.list(f, signal) });
/** 社工带志愿者: give the chosen volunteers to a social worker (null: to no one), all or none. */
export function useAssignSocialWorker() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: { volunteerIds: string[]; socialWorkerId: string | null }) =>
      api.post<{ assigned: number }>('/api/volunteers/social-worker', b),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: ['volunteer'] });
      void qc.invalidateQueries({ queryKey: ['org'] });
    },
  });
}
export const useVolunteer = (id: string) =>
  useQuery({ queryKey: ['volunteer', id], queryFn: ({ signal }) => volunteersApi.one(id, signal) });
export const useIndicators = (enabled: boolean) =>
  useQuery({
    queryKey: ['volunteers', 'indicators'],
    queryFn: ({ signal }) => volunteersApi.indicators(signal),
    enabled,
  });
export const useMyVolunteer = () =>
  useQuery({ queryKey: ['volunteer', 'me'], queryFn: ({ signal }) => volunteersApi.me(signal), retry: false });
export const useCard = (token: string) =>
  useQuery({ queryKey: ['volunteer', 'card', token], queryFn: ({ signal }) => volunteersApi.card(token, signal) });

export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note?: string }) =>
      approve ? volunteersApi.approve(id, note) : volunteersApi.reject(id, note),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['volunteers'] });
      void qc.invalidateQueries({ queryKey: ['volunteer'] });
    },
  });
}

/** After any edit: the detail, the lists and the skills pool may all show the change. */
function useRefreshVolunteer(id?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: id ? ['volunteer', id] : ['volunteer'] });
    void qc.invalidateQueries({ queryKey: ['volunteers'] });
    void qc.invalidateQueries({ queryKey: ['skills-pool'] });
  };
}

export function useUpdateVolunteer(id: string) {
  const onSuccess = useRefreshVolunteer(id);
  return useMutation({ mutationFn: (patch: VolunteerPatch) => volunteersApi.update(id, patch), onSuccess });
}

export function useSkillEdits(id: string) {
  const onSuccess = useRefreshVolunteer(id);
  return {
    add: useMutation({ mutationFn: (skill: SkillInput) => volunteersApi.addSkill(id, skill), onSuccess }),
    update: useMutation({
      mutationFn: ({ code, patch }: { code: string; patch: SkillPatch }) => volunteersApi.updateSkill(id, code, patch),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (code: string) => volunteersApi.removeSkill(id, code), onSuccess }),
  };
}

/** 代为登记: staff register a volunteer; the lists and the indicators then count them. */
export function useCreateVolunteer() {
  const onSuccess = useRefreshVolunteer();
  return useMutation({ mutationFn: (body: Record<string, unknown>) => volunteersApi.create(body), onSuccess });
}

/** Public registration: nothing signed in is cached yet, so there is nothing to refresh. */
export function useSendRegistrationCode() {
  return useMutation({ mutationFn: (phone: string) => volunteersApi.sendCode(phone) });
}

export function useRegisterVolunteer() {
  return useMutation({ mutationFn: (body: Record<string, unknown>) => volunteersApi.register(body) });
}

export function useImportVolunteers() {
  const onSuccess = useRefreshVolunteer();
  return useMutation({ mutationFn: (file: File) => volunteersApi.importFile(file), onSuccess });
}

/** Staff actions on a minor's guardian consent; each refreshes the record. */
export function useGuardianConsentActions(id: string) {
  const onSuccess = useRefreshVolunteer(id);
  return {
    resend: useMutation({ mutationFn: () => volunteersApi.resendGuardianCode(id), onSuccess }),
    paper: useMutation({
      mutationFn: (p: { signedOn: string; note?: string; file: File }) => volunteersApi.recordPaperConsent(id, p),
      onSuccess,
    }),
    withdraw: useMutation({ mutationFn: (note?: string) => volunteersApi.recordWithdrawal(id, note), onSuccess }),
  };
}

/** The guardian's public page: nothing signed in is cached, so nothing to refresh. */
export function useGuardianConsentPage() {
  return {
    code: useMutation({ mutationFn: (phone: string) => volunteersApi.guardianCode(phone) }),
    children: useMutation({
      mutationFn: ({ phone, code }: { phone: string; code: string }) => volunteersApi.guardianChildren(phone, code),
    }),
    decide: useMutation({ mutationFn: volunteersApi.guardianDecide }),
  };
}
