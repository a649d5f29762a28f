// The one way the web app talks to the server: JSON, same-origin cookies, the CSRF token on every
// non-GET request, the UI language in Accept-Language, and errors turned into ApiError.
import { ApiError, type FieldProblem } from './errors.ts';

export type Query = Record<string, string | number | boolean | null | undefined>;

let csrfToken: string | null = null;
let languageOf: () => string = () => 'zh-CN';

/** Set from /api/auth/me and the sign-in responses; cleared on sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The i18n module tells the client which language the UI is in. */
export function setLanguageSource(fn: () => string): void {
  languageOf = fn;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

function headersFor(method: Method, body: unknown): Headers {
  const h = new Headers({ Accept: 'application/json', 'Accept-Language': languageOf() });
  if (body !== undefined && !(body instanceof FormData)) h.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) h.set('x-csrf-token', csrfToken);
  return h;
}

async function send(method: Method, path: string, opts: RequestOptions = {}, accept?: string): Promise<Response> {
  const headers = headersFor(method, opts.body);
  if (accept) headers.set('Accept', accept);
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      signal: opts.signal,
      body: opts.body === undefined ? undefined : opts.body instanceof FormData ? opts.body : JSON.stringify(opts.body),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '', []);
  }
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (a proxy error page, say)
  }
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: { fields?: unknown } } } | null)?.error;
  const fields = Array.isArray(err?.details?.fields) ? (err.details.fields as FieldProblem[]) : [];
  const code = typeof err?.code === 'string' ? err.code : res.status >= 500 ? 'internal' : 'http';
  const message = typeof err?.message === 'string' ? err.message : '';
  return new ApiError(res.status, code, message, fields, err?.details as Record<string, unknown> | undefined);
}

async function json<T>(method: Method, path: string, opts?: RequestOptions): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body: body ?? {} }),
  delete: <T>(path: string) => json<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => json<T>('POST', path, { body: form }),
};

/** Fetches a file (e.g. an Excel export) and hands it to the browser as a download. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const res = await send(
    'GET',
    path,
    { query },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,*/*',
  );
  const blob = await res.blob();
  const name = fileNameFrom(res.headers.get('Content-Disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function fileNameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}
