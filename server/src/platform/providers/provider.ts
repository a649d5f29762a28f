// What every delivery channel's adapter implements, and how it reports failure: a permanent error (bad
// number, template rejected) fails the message at once; a transient one (throttled, 5xx, timeout) is retried.
import http from 'node:http';
import https from 'node:https';

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

// Keep-alive connections to each provider: a new TLS connection per message would cost more than the message.
// (Node's http client here, not fetch: on a loaded server fetch was twenty times slower per local request.)
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

export interface ProviderRequest {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/** One HTTP call with a timeout; network failures, timeouts and 5xx answers are transient. */
export function postOrGet(
  url: string,
  init: ProviderRequest,
  timeoutMs: number,
): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  const client = u.protocol === 'https:' ? https : http;
  const headers = { ...init.headers };
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  return new Promise((resolve, reject) => {
    const req = client.request(
      u,
      { method: init.method, headers, agent: agents[u.protocol as 'http:' | 'https:'], timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new ProviderError('network', e.message, false)));
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 500) reject(new ProviderError(`http_${status}`, body.slice(0, 200), false));
          else resolve({ status, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new ProviderError('timeout', `no answer in ${timeoutMs} ms`, false)));
    req.on('error', (e) => reject(e instanceof ProviderError ? e : new ProviderError('network', e.message, false)));
    req.end(init.body);
  });
}

export function parseJson(body: string): any {
  try {
    return JSON.parse(body);
  } catch {
    throw new ProviderError('bad_response', body.slice(0, 200), false);
  }
}
