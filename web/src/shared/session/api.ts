// Typed fetchers of /api/auth.
import { api, setCsrfToken } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import type { Lang } from '../../i18n/langs.ts';
import type { CodeSent, Me, SessionResponse } from './types.ts';

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

export async function signInWithPassword(phone: string, password: string): Promise<Me> {
  return keep(await api.post<SessionResponse>('/api/auth/sign-in', { phone, password }));
}

export async function signInWithCode(phone: string, code: string): Promise<Me> {
  return keep(await api.post<SessionResponse>('/api/auth/sign-in-code', { phone, code }));
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
