// What every server-rendered public page of publicity shares: escaping, the CSP of an inline style (and an
// optional inline script) by hash, and the cache headers. No framework, no external files: a slow phone gets
// one small response.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const cspHash = (s: string) => `'sha256-${crypto.createHash('sha256').update(s).digest('base64')}'`;

/** Only the page's own inline style (and script) run; nothing loads from anywhere; the page is not framed. */
export function pageCsp(style: string, script?: string, connect = false): string {
  return (
    `default-src 'none'; style-src ${cspHash(style)}; ` +
    (script ? `script-src ${cspHash(script)}; ` : '') +
    (connect ? "connect-src 'self'; " : '') +
    "img-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
  );
}

/** A rendered page, ready to send: raw and gzip bytes and a strong ETag of its content. */
export interface ReadyPage {
  status: number;
  raw: Buffer;
  gzip: Buffer;
  etag: string;
}

export function readyPage(status: number, html: string): ReadyPage {
  const raw = Buffer.from(html, 'utf8');
  return {
    status,
    raw,
    gzip: zlib.gzipSync(raw, { level: 6 }),
    etag: `"${crypto.createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`,
  };
}

// gzip as a whole item of Accept-Encoding, not refused with q=0.
const GZIP_RE = /(?:^|,)\s*gzip\s*(?:;\s*q=(?!0(?:\.0{0,3})?\s*(?:,|$))[0-9.]+\s*)?(?:,|$)/i;
export const acceptsGzip = (h: string | string[] | undefined) => typeof h === 'string' && GZIP_RE.test(h);

/** Whether If-None-Match names this ETag (or is *). */
export function notModified(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (typeof ifNoneMatch !== 'string') return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** A short cache: the page changes when staff publish; with the ETag a reload costs a 304. */
export const PUBLIC_CACHE = 'public, max-age=60';
