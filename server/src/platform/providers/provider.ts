// What every delivery channel's adapter implements, and how it reports failure: a permanent error (bad
// number, template rejected) fails the message at once; a transient one (throttled, 5xx, timeout) is retried.

export interface OutgoingMessage {
  /** The outbox row id: the idempotency key passed to providers that accept one. */
  id: string;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
}

export interface Provider {
  readonly name: string;
  send(m: OutgoingMessage): Promise<{ messageId: string | null }>;
}

export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly permanent: boolean,
  ) {
    super(`${code}: ${message}`);
  }
}

/** A provider's own template for one of ours, and which payload fields fill it, in order. */
export interface TemplateMapping {
  id: string;
  params: string[];
  /** WeChat only: a template message (default) or a subscribe message (bizsend). */
  kind?: 'template' | 'subscribe';
  /** WeChat only: the page the message opens. */
  url?: string;
}
export type TemplateMap = Readonly<Record<string, TemplateMapping>>;

export function mappingFor(map: TemplateMap, template: string): TemplateMapping {
  const m = map[template];
  if (!m) throw new ProviderError('template_not_configured', `no provider template for ${template}`, true);
  return m;
}

export function paramValue(payload: Record<string, unknown>, key: string): string {
  const v = payload[key];
  return v === undefined || v === null ? '' : String(v);
}

/** fetch with a timeout; network failures and timeouts are transient. */
export async function postOrGet(
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const e = err as Error;
    throw new ProviderError(e.name === 'TimeoutError' ? 'timeout' : 'network', e.message, false);
  }
  const body = await res.text();
  if (res.status >= 500) throw new ProviderError(`http_${res.status}`, body.slice(0, 200), false);
  return { status: res.status, body };
}

export function parseJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    throw new ProviderError('bad_response', body.slice(0, 200), false);
  }
}
