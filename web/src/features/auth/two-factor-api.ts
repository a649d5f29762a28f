// Typed fetchers and hooks of two-step verification (/api/auth/two-factor/…): my own enrolment, and the admin's side.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';
import { ME_KEY } from '../../shared/session/useSession.ts';

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  required: boolean;
}
export interface Enrolment {
  secret: string;
  uri: string;
  qrDataUrl: string;
}
export interface TwoFactorPolicy {
  admins: boolean;
  staff: boolean;
  people: Array<{ accountId: string; name: string; role: string; enabled: boolean; required: boolean }>;
}

const enc = encodeURIComponent;
const KEY = ['auth', 'two-factor'] as const;

export const useTwoFactorStatus = () =>
  useQuery({
    queryKey: [...KEY, 'status'],
    queryFn: ({ signal }) => api.get<TwoFactorStatus>('/api/auth/two-factor/status', undefined, signal),
  });

export const useTwoFactorPolicy = (enabled: boolean) =>
  useQuery({
    queryKey: [...KEY, 'policy'],
    queryFn: ({ signal }) => api.get<TwoFactorPolicy>('/api/auth/two-factor/policy', undefined, signal),
    enabled,
  });

export function useTwoFactorMutations() {
  const qc = useQueryClient();
  // Enrolling can lift a session's restriction, so who I am is read again too.
  const done = () => {
    void qc.invalidateQueries({ queryKey: KEY });
    void qc.invalidateQueries({ queryKey: ME_KEY });
  };
  return {
    start: useMutation({ mutationFn: () => api.post<Enrolment>('/api/auth/two-factor/start') }),
    confirm: useMutation({
      mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>('/api/auth/two-factor/confirm', { code }),
      onSuccess: done,
    }),
    disable: useMutation({
      mutationFn: (code: string) => api.post<void>('/api/auth/two-factor/disable', { code }),
      onSuccess: done,
    }),
    setPolicy: useMutation({
      mutationFn: (v: { admins: boolean; staff: boolean }) => api.put<void>('/api/auth/two-factor/policy', v),
      onSuccess: done,
    }),
    reset: useMutation({
      mutationFn: (accountId: string) => api.post<void>(`/api/auth/two-factor/reset/${enc(accountId)}`),
      onSuccess: done,
    }),
  };
}
