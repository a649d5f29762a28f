// Love QR badges. /api/badges: staff (badges.manage) issue, edit, reissue, revoke and print badges and keep the
// settings; /api/badges/family: the family (resident.self) see scans and keep the call list. /b/:token: the
// public page a finder opens by scanning the card (server-rendered HTML, no sign-in, no JavaScript needed).
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging, uuid } from '../../../../domain/shared/schemas.ts';
import {
  badgeQuery,
  badgeView,
  candidateQuery,
  candidateView,
  familyBadgeView,
  issueInput,
  revokeInput,
  scanView,
  settingsInput,
  settingsView,
  updateInput,
} from '../../../../domain/badges/badges.ts';
import { actorOf, localeOf, publicOrigin, requestContext } from '../../platform/http.ts';
import { AppError, ERROR_STATUS } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n.ts';
import { PAGE_HEADERS, acceptsGzip, brokenPage, tooManyPage } from './badge.page.ts';
import type { BadgesService, PageResult } from './badges.service.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';

const GZIP_HEADERS = { ...PAGE_HEADERS, 'content-encoding': 'gzip' };

export function badgesRoutes(svc: BadgesService, rateLimits = true) {
  return async (app: FastifyInstance) => {
    // Scans still in their batch are written before the database closes (app.close() runs before it).
    app.addHook('onClose', () => svc.scans.drain());
    svc.onLogFailure = (err) => app.log.error({ err }, 'badge scan not logged');
    await app.register(badgesApi(svc));
    await app.register(badgePage(svc, rateLimits));
  };
}

function badgesApi(svc: BadgesService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['badges'];
    const manage = { access: { permission: 'badges.manage' as const } };
    const family = { access: { permission: 'resident.self' as const } };

    r.get(
      '/api/badges',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Love badges, working ones first',
          querystring: badgeQuery,
          response: { 200: pageOf(badgeView) },
        },
      },
      (req) => svc.list(actorOf(req), req.query, publicOrigin(req)),
    );
    r.get(
      '/api/badges/candidates',
      {
        config: manage,
        schema: {
          tags,
          summary:
            'Residents to issue for: every elder of 60 or over with no badge (consent on file first, then ' +
            'dementia or chronic illness), or a name search',
          querystring: candidateQuery,
          response: { 200: pageOf(candidateView) },
        },
      },
      (req) => svc.candidates(actorOf(req), req.query.q || undefined, req.query.page, req.query.pageSize),
    );
    r.post(
      '/api/badges',
      {
        config: manage,
        schema: {
          tags,
          summary: "Issue a badge for a resident (the call list defaults to the resident's family contacts)",
          body: issueInput,
          response: { 201: badgeView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.issue(actorOf(req), req.body, publicOrigin(req), requestContext(req))),
    );
    r.get(
      '/api/badges/settings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The community hotline, the duty phone and who on duty is told of scans',
          response: { 200: settingsView },
        },
      },
      (req) => svc.settings(actorOf(req)),
    );
    r.put(
      '/api/badges/settings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Set the hotline, the duty phone and the duty notification phones',
          body: settingsInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.saveSettings(actorOf(req), req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/badges/family',
      {
        config: family,
        schema: {
          tags,
          summary: "My elder's badges (I am a family contact) with their scans",
          response: { 200: z.array(familyBadgeView) },
        },
      },
      (req) => svc.family(actorOf(req)),
    );
    r.put(
      '/api/badges/family/:id',
      {
        config: family,
        schema: {
          tags,
          summary: "Keep the call list, nickname and cautions of my elder's badge current",
          params: idParam,
          body: updateInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.familyUpdate(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    const scanParams = z.object({ id: uuid, scanId: uuid });
    r.post(
      '/api/badges/family/:id/scans/:scanId/returned',
      {
        config: family,
        schema: {
          tags,
          summary: 'My elder is back after this scan (found and returned): recorded in the record of service',
          params: scanParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.confirmReturned(actorOf(req), req.params.id, req.params.scanId, false, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/badges/:id/scans/:scanId/returned',
      {
        config: manage,
        schema: {
          tags,
          summary: "The family phoned: the elder is back after this scan (recorded as the family's confirmation)",
          params: scanParams,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.confirmReturned(actorOf(req), req.params.id, req.params.scanId, true, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/badges/:id',
      { config: manage, schema: { tags, summary: 'One badge', params: idParam, response: { 200: badgeView } } },
      (req) => svc.get(actorOf(req), req.params.id, publicOrigin(req)),
    );
    r.put(
      '/api/badges/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change the nickname, cautions and call list',
          params: idParam,
          body: updateInput,
          response: { 200: badgeView },
        },
      },
      (req) => svc.update(actorOf(req), req.params.id, req.body, publicOrigin(req), requestContext(req)),
    );
    r.post(
      '/api/badges/:id/reissue',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A new card with a new code; the old code stops working',
          params: idParam,
          response: { 201: badgeView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.reissue(actorOf(req), req.params.id, publicOrigin(req), requestContext(req))),
    );
    r.post(
      '/api/badges/:id/revoke',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Stop a badge, with the reason (its page then gives the hotline only)',
          params: idParam,
          body: revokeInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.revoke(actorOf(req), req.params.id, req.body.reason, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/badges/:id/scans',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The scans of a badge, newest first, a page at a time (audited)',
          params: idParam,
          querystring: z.object(paging(20)),
          response: { 200: pageOf(scanView) },
        },
      },
      (req) => svc.scansOf(actorOf(req), req.params.id, requestContext(req), req.query),
    );
    r.get(
      '/api/badges/:id/preview',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The page a finder would see, for staff: not logged as a scan, tells nobody (audited)',
          params: idParam,
          response: { 200: fileResponse('The badge page as a finder sees it, marked as a preview', MIME.html) },
        },
      },
      async (req, reply) =>
        reply
          .headers(PAGE_HEADERS)
          .send(await svc.preview(actorOf(req), req.params.id, localeOf(req), requestContext(req))),
    );
    r.get(
      '/api/badges/:id/card.pdf',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The printable card (A4 with cut lines)',
          params: idParam,
          response: { 200: fileResponse('The printable card', MIME.pdf) },
        },
      },
      async (req, reply) =>
        reply
          .type(MIME.pdf)
          .header('content-disposition', 'inline; filename="badge.pdf"')
          .header('cache-control', 'no-store')
          .send(await svc.card(actorOf(req), req.params.id, publicOrigin(req), requestContext(req))),
    );
  };
}

/**
 * The logger of every public badge request: one child, made once, at warn or above. At the app's usual info
 * level Fastify would log each request's path and address — the badge's secret token (/b/<token>: whoever
 * reads the log could open the family's page and post to it) and the finder's IP, which the scan log keeps
 * only as a keyed hash. Errors are still logged. One shared child also spares a logger per scan.
 */
export function badgePageLogger(parent: FastifyBaseLogger): FastifyBaseLogger {
  const below = ['trace', 'debug', 'info'].includes(parent.level);
  return parent.child({ area: 'badge-page' }, below ? { level: 'warn' } : {});
}

/** The public page: its own error handler (HTML, never JSON), logger and form parser, scoped to this plugin. */
function badgePage(svc: BadgesService, rateLimits: boolean) {
  return async (app: FastifyInstance) => {
    const quiet = badgePageLogger(app.log);
    app.setChildLoggerFactory(() => quiet);
    const send = (reply: FastifyReply, p: PageResult) => {
      if (typeof p.html === 'string') return reply.status(p.status).headers(PAGE_HEADERS).send(p.html);
      // A cached page (ready bytes) goes straight to the socket: the scan is the hot path, and Fastify's send
      // pipeline (onSend hooks, serialisation checks) cost as much as the rest of the request. What that skips
      // was checked: the app has no global onSend hook; the common security headers are set on the raw response
      // before routing (platform/security-headers.ts) and this page's own win; rate limiting runs before the
      // handler, request logging is wired before it (onResponse still fires), and Node itself drops the body of a
      // HEAD answer and keeps the connection alive (content-length is set).
      const gz = acceptsGzip(reply.request.headers['accept-encoding']);
      // The latin1 string of the bytes, not the Buffer: sent in one write with the head (see Ready).
      const body = gz ? p.html.gzipLatin1 : p.html.rawLatin1;
      reply.hijack();
      reply.raw.writeHead(
        p.status,
        gz ? { ...GZIP_HEADERS, 'content-length': body.length } : { ...PAGE_HEADERS, 'content-length': body.length },
      );
      reply.raw.end(body, 'latin1');
      return reply;
    };
    const locale = (req: FastifyRequest): Locale => localeOf(req);

    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 8 * 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    app.setErrorHandler((err: any, req, reply) => {
      if (err?.statusCode === 429) return send(reply, { status: 429, html: tooManyPage(locale(req)) });
      // The platform's own refusals (a NUL character in the address or the form) are AppErrors with no statusCode.
      const status = err instanceof AppError ? ERROR_STATUS[err.code] : err?.statusCode;
      if (typeof status === 'number' && status >= 400 && status < 500)
        return send(reply, { status, html: brokenPage(locale(req)) });
      req.log.error({ err }, 'badge page failed');
      return send(reply, { status: 500, html: brokenPage(locale(req)) });
    });

    // A finder reloads a few times; a guesser is stopped long before any token could be found.
    const limited = (max: number) => ({
      access: { public: true as const },
      ...(rateLimits ? { rateLimit: { max, timeWindow: '1 minute' } } : {}),
    });
    app.get<{ Params: { token: string } }>(
      '/b/:token',
      { config: limited(30), schema: { hide: true } },
      // Not an async handler: a cached page is sent at once (see BadgesService.scan).
      (req, reply) => {
        const page = svc.scan(req.params.token, req.ip, locale(req), req.method === 'HEAD');
        if (page instanceof Promise) return page.then((p) => send(reply, p));
        send(reply, page);
      },
    );
    app.post<{ Params: { token: string } }>(
      '/b/:token/message',
      { config: limited(10), schema: { hide: true } },
      async (req, reply) => {
        const form = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
        return send(reply, await svc.message(req.params.token, form, req.ip, locale(req)));
      },
    );
  };
}
