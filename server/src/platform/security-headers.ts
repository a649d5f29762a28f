// Headers every response carries (issue 16, safe by default). Set on the raw response before routing, so pages a
// route writes straight to the socket (the badge page, the public site) get them too; a route's own header of the
// same name wins (Node gives writeHead's headers precedence), so those pages keep their stricter policy and
// routes that are deliberately cacheable keep their Cache-Control.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * The console and phone pages (the built web app): scripts only from this site, no inline script, no eval.
 * style-src allows inline styles because antd's CSS-in-JS writes its styles into <style> elements at run time, and
 * the loading text in index.html has a style attribute; scripts stay strict, which is what stops injected code.
 * img-src: data: for the favicon and antd's inline images, blob: for pictures made in the page. The camera scanner
 * shows its stream through video.srcObject, which no CSP source governs. Nothing may frame the pages.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year; no includeSubDomains: other sites of the same domain (a street office's) are not ours to decide. */
export const HSTS = 'max-age=31536000';

/**
 * nosniff, no framing and no referrer on every response: tokens ride in page addresses (badges, cards, account set-up
 * links in the app), so no page tells another site where it came from. `no-store` by default on /api: nearly every
 * answer there is personal; routes that may be kept (public feeds, published lists) say so themselves.
 */
export function setSecurityHeaders(res: ServerResponse, url: string, hsts: boolean): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('content-security-policy', APP_CSP);
  if (hsts) res.setHeader('strict-transport-security', HSTS);
  if (url.startsWith('/api/')) res.setHeader('cache-control', 'no-store');
}

export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  // A callback hook, not an async one: no promise on the badge page's hot path.
  app.addHook('onRequest', (req, reply, done) => {
    setSecurityHeaders(reply.raw, req.url, opts.hsts);
    done();
  });
}
