// Typed fetchers and react-query hooks of /api/certificates: my certificates, staff's list, issue, revoke,
// the issuer settings, and the public verify page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import type { CertificateSettingsInput, CertificateView, VerifyView } from '../../../../domain/records/certificates.ts';

export type { CertificateView, VerifyView };
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export type IssuerSettings = CertificateSettingsInput & { configured: boolean };
export interface CertificateFilter {
  status?: 'valid' | 'revoked';
  q?: string;
  page: number;
  pageSize: number;
}
const enc = encodeURIComponent;

export const certificatesApi = {
  mine: (signal?: AbortSignal) => api.get<CertificateView[]>('/api/certificates/mine', undefined, signal),
  request: (b: { from?: string; to?: string }) => api.post<CertificateView>('/api/certificates/mine', b),
  list: (f: CertificateFilter, signal?: AbortSignal) =>
    api.get<Page<CertificateView>>('/api/certificates', { ...f }, signal),
  issue: (b: { volunteerId: string; from?: string; to?: string }) => api.post<CertificateView>('/api/certificates', b),
  revoke: (id: string, reason: string) => api.post<void>(`/api/certificates/${enc(id)}/revoke`, { reason }),
  settings: (signal?: AbortSignal) => api.get<IssuerSettings>('/api/certificates/settings', undefined, signal),
  saveSettings: (b: CertificateSettingsInput) => api.put<void>('/api/certificates/settings', b),
  verify: (communityId: string, token: string, signal?: AbortSignal) =>
    api.get<VerifyView>(`/api/certificates/verify/${enc(communityId)}/${enc(token)}`, undefined, signal),
};

/** Plain links (GET with the session cookie): a phone, WeChat's browser included, opens or saves the PDF itself. */
export const myPdfHref = (id: string) => `/api/certificates/mine/${enc(id)}/pdf`;
export const staffPdfHref = (id: string) => `/api/certificates/${enc(id)}/pdf`;

export const useMyCertificates = () =>
  useQuery({ queryKey: ['me', 'certificates'], queryFn: ({ signal }) => certificatesApi.mine(signal), retry: false });
export const useCertificates = (f: CertificateFilter) =>
  useQuery({ queryKey: ['certificates', 'list', f], queryFn: ({ signal }) => certificatesApi.list(f, signal) });
export const useIssuerSettings = () =>
  useQuery({ queryKey: ['certificates', 'settings'], queryFn: ({ signal }) => certificatesApi.settings(signal) });
export const useVerify = (communityId: string, token: string) =>
  useQuery({
    queryKey: ['verify', communityId, token],
    queryFn: ({ signal }) => certificatesApi.verify(communityId, token, signal),
    retry: false,
  });

/** Staff's saves: every one refreshes the certificate list and the issuer settings. */
function useRefreshCertificates() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['certificates'] });
}

export function useIssueCertificate() {
  const refresh = useRefreshCertificates();
  return useMutation({ mutationFn: certificatesApi.issue, onSuccess: refresh });
}

export function useRevokeCertificate() {
  const refresh = useRefreshCertificates();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => certificatesApi.revoke(id, reason),
    onSuccess: refresh,
  });
}

export function useSaveIssuerSettings() {
  const refresh = useRefreshCertificates();
  return useMutation({ mutationFn: certificatesApi.saveSettings, onSuccess: refresh });
}

/** The volunteer asks for one of their own: their list is refreshed. */
export function useRequestCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: certificatesApi.request,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['me', 'certificates'] }),
  });
}
