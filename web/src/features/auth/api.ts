// Sign-in mutations: on success the session cache holds the user, so every guard sees it at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestCode, signInSecondStep, signInWithCode, signInWithPassword } from '../../shared/session/api.ts';
import { ME_KEY } from '../../shared/session/useSession.ts';
import type { Me, SignInResult } from '../../shared/session/types.ts';

export function usePasswordSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { phone: string; password: string }) => signInWithPassword(v.phone, v.password),
    onSuccess: (r: SignInResult) => 'me' in r && qc.setQueryData(ME_KEY, r.me),
  });
}

export function useCodeSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { phone: string; code: string }) => signInWithCode(v.phone, v.code),
    onSuccess: (r: SignInResult) => 'me' in r && qc.setQueryData(ME_KEY, r.me),
  });
}

export function useSecondStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { challenge: string; code: string }) => signInSecondStep(v.challenge, v.code),
    onSuccess: (me: Me) => qc.setQueryData(ME_KEY, me),
  });
}

export function useRequestCode() {
  return useMutation({ mutationFn: (phone: string) => requestCode(phone) });
}
