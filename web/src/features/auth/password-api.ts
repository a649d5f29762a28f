// Fetchers of passwords and first setup: change my own, set a new one with a reset code, send a member a code (staff),
// and create the first community through the one-time link.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

export function useChangePassword() {
  return useMutation({
    mutationFn: (v: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', v),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (v: { phone: string; code: string; newPassword: string }) =>
      api.post<void>('/api/auth/password-reset', v),
  });
}

export function useSendResetCode() {
  return useMutation({
    mutationFn: (phone: string) =>
      api.post<{ sent: boolean; expiresInMinutes: number }>('/api/accounts/password-reset', { phone }),
  });
}

export interface SetupBody {
  token: string;
  communityName: string;
  city: string;
  district: string;
  street: string;
  adminName: string;
  adminPhone: string;
  password: string;
}

export function useSetup() {
  return useMutation({
    mutationFn: (v: SetupBody) => api.post<{ communityId: string; adminPhone: string }>('/api/setup', v),
  });
}
