// Typed fetchers of /api/auth.
import { api, setCsrfToken } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { CodeSent, Me, SecondStep, SessionResponse, SignInResult } from './types.ts';

function keep(res: SessionResponse): Me {
  setCsrfToken(res.csrfToken);
  return res.user;
}

/** The signed-in user, or null when nobody is signed in. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return keep(await api.get<SessionResponse>('/api/auth/me', undefined, signal));
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

function firstStep(res: SessionResponse | SecondStep): SignInResult {
  return 'twoFactor' in res ? { challenge: res.twoFactor.challenge } : { me: keep(res) };
}

export async function signInWithPassword(phone: string, password: string): Promise<SignInResult> {
  return firstStep(await api.post<SessionResponse | SecondStep>('/api/auth/sign-in', { phone, password }));
}

export async function signInWithCode(phone: string, code: string): Promise<SignInResult> {
  return firstStep(await api.post<SessionResponse | SecondStep>('/api/auth/sign-in-code', { phone, code }));
}

/** The second step: the code from the authenticator app, or a recovery code. */
export async function signInSecondStep(challenge: string, code: string): Promise<Me> {
  return keep(await api.post<SessionResponse>('/api/auth/two-factor', { challenge, code }));
}

export function requestCode(phone: string): Promise<CodeSent> {
  return api.post<CodeSent>('/api/auth/code', { phone });
}

export async function signOut(): Promise<void> {
  try {
    await api.post<void>('/api/auth/sign-out');
  } finally {
    setCsrfToken(null);
  }
}

export function saveLocale(locale: Lang): Promise<void> {
  return api.put<void>('/api/auth/locale', { locale });
}
