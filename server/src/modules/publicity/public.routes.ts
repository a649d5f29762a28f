// The public channels, no sign-in: /p/{communityId} (the site), /p/{communityId}/n/{id} (an announcement),
// /screen/{communityId} (the LED screen), /s/{code} (short links), and their data: /api/public/{communityId}/
// activities, /screen and /screen.txt. Pages are rendered on the server and kept ready (raw and gzip, with an
// ETag) for a short while per community and language; a write in this process drops them at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../../domain/shared/schemas.ts';
import { publicActivities, screenFeed } from '../../../../domain/publicity/publicity.ts';
import { localeOf, publicOrigin } from '../../platform/http.ts';
import type { Locale } from '../../platform/i18n.ts';
import { AppError, ERROR_STATUS } from '../../platform/errors.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import { encodeGbk } from '../../platform/gbk.ts';
import type { PublicityService } from './publicity.service.ts';
import { acceptsGzip, notModified, PUBLIC_CACHE, readyPage, type ReadyPage } from './public-html.ts';
import { announcementPage, notFoundPage, SITE_CSP, sitePage } from './public.page.ts';
import { publicSections, type SectionSources } from './public-sections.ts';
import { SCREEN_CSP, screenPage, screenText } from './screen.page.ts';

/** How long a rendered page is reused: activities change in another module, which does not tell this cache. */
export const PAGE_TTL_MS = 30_000;
const CACHE_MAX = 2000;

const headersOf = (csp: string, cache: string) => ({
  'content-type': 'text/html; charset=utf-8',
  'cache-control': cache,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': csp,
  vary: 'accept-encoding, accept-language',
});

export function publicRoutes(svc: PublicityService, sources: SectionSources = {}) {
  const sections = publicSections(sources);
  const cache = new Map<string, { value: unknown; at: number }>();
  svc.onChange = (communityId) => {
    for (const k of cache.keys()) if (k.startsWith(communityId)) cache.delete(k);
  };

  /**
   * What is kept under `key` (a ready page, or a feed's data), made by `make` when missing or stale; a null (an
   * unknown community) is not kept. The public channels under load read memory, not the database.
   */
  async function cached<T>(key: string, make: () => Promise<T | null>): Promise<T | null> {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < PAGE_TTL_MS) return hit.value as T;
    const value = await make();
    if (value !== null) {
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(key, { value, at: Date.now() });
    }
    return value;
  }
  const screenFeedOf = (communityId: string) => cached(`${communityId}|feed`, () => svc.screenItems(communityId));

  const send = (req: FastifyRequest, reply: FastifyReply, page: ReadyPage, csp: string, cacheControl: string) => {
    const headers: Record<string, string | number> = { ...headersOf(csp, cacheControl), etag: page.etag };
    // Ready bytes go straight to the socket, as the badge page does: the app has no global onSend hook.
    reply.hijack();
    if (page.status === 200 && notModified(req.headers['if-none-match'], page.etag)) {
      reply.raw.writeHead(304, headers);
      reply.raw.end();
      return reply;
    }
    const gz = acceptsGzip(req.headers['accept-encoding']);
    const body = gz ? page.gzip : page.raw;
    if (gz) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    reply.raw.writeHead(page.status, headers);
    reply.raw.end(body);
    return reply;
  };
  const notFound = (req: FastifyRequest, reply: FastifyReply, locale: Locale) =>
    send(req, reply, readyPage(404, notFoundPage(locale)), SITE_CSP, 'no-store');

  return async (app: FastifyInstance) => {
    await app.register(async (pages) => {
      pages.setErrorHandler((err: any, req, reply) => {
        // The platform's own refusals (a NUL character in the address) are AppErrors with no statusCode.
        const code = err instanceof AppError ? ERROR_STATUS[err.code] : err?.statusCode;
        const status = typeof code === 'number' && code < 500 ? code : 500;
        if (status >= 500) req.log.error({ err }, 'public page failed');
        return send(req, reply, readyPage(status, notFoundPage(localeOf(req))), SITE_CSP, 'no-store');
      });
      const open = { config: { access: { public: true as const } }, schema: { hide: true } };

      pages.get<{ Params: { communityId: string } }>('/p/:communityId', open, async (req, reply) => {
        const locale = localeOf(req);
        const page = await cached(`${req.params.communityId}|site|${locale}`, async () => {
          const site = await svc.publicSite(req.params.communityId);
          return site ? readyPage(200, await sitePage(sections, { site, locale, now: new Date() })) : null;
        });
        return page ? send(req, reply, page, SITE_CSP, PUBLIC_CACHE) : notFound(req, reply, locale);
      });
      pages.get<{ Params: { communityId: string; id: string } }>('/p/:communityId/n/:id', open, async (req, reply) => {
        const locale = localeOf(req);
        const found = await svc.publicAnnouncement(req.params.communityId, req.params.id);
        return found
          ? send(
              req,
              reply,
              readyPage(200, announcementPage(locale, found.community, found.announcement)),
              SITE_CSP,
              PUBLIC_CACHE,
            )
          : notFound(req, reply, locale);
      });
      pages.get<{ Params: { communityId: string } }>('/screen/:communityId', open, async (req, reply) => {
        const locale = localeOf(req);
        const page = await cached(`${req.params.communityId}|screen|${locale}`, async () => {
          const feed = await screenFeedOf(req.params.communityId);
          return feed ? readyPage(200, screenPage(locale, req.params.communityId, feed.community, feed.items)) : null;
        });
        return page ? send(req, reply, page, SCREEN_CSP, PUBLIC_CACHE) : notFound(req, reply, locale);
      });
      pages.get<{ Params: { code: string } }>('/s/:code', open, async (req, reply) => {
        const target = await svc.resolveShort(req.params.code);
        if (!target) return notFound(req, reply, localeOf(req));
        return reply.header('cache-control', 'no-store').redirect(target, 302);
      });
    });

    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['publicity'];
    const open = { access: { public: true as const } };
    const params = z.object({ communityId: uuid });
    r.get(
      '/api/public/:communityId/activities',
      {
        config: open,
        schema: {
          tags,
          summary: "A community's upcoming published activities with their sign-up links (no sign-in)",
          params,
          response: { 200: publicActivities },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', PUBLIC_CACHE);
        const origin = publicOrigin(req);
        const list = await cached(`${req.params.communityId}|api|${origin}`, () =>
          svc.publicActivities(req.params.communityId, origin),
        );
        if (!list) throw new AppError('not_found', { entity: 'community' });
        return list;
      },
    );
    r.get(
      '/api/public/:communityId/screen',
      {
        config: open,
        schema: {
          tags,
          summary: 'What the LED screen rolls through today (no sign-in)',
          params,
          response: { 200: screenFeed },
        },
      },
      async (req, reply) => {
        const feed = await screenFeedOf(req.params.communityId);
        if (!feed) throw new AppError('not_found', { entity: 'community' });
        reply.header('cache-control', 'no-cache');
        return feed;
      },
    );
    r.get(
      '/api/public/:communityId/screen.txt',
      {
        config: open,
        schema: {
          tags,
          summary:
            "Today's screen items as plain text, one per line, for text-only scrolling screens " +
            '(UTF-8; ?charset=gbk for controllers that read only GBK)',
          params,
          querystring: z.object({ charset: z.enum(['utf-8', 'gbk']).default('utf-8') }),
          response: { 200: fileResponse('One item per line', MIME.text) },
        },
      },
      async (req, reply) => {
        const feed = await screenFeedOf(req.params.communityId);
        if (!feed) throw new AppError('not_found', { entity: 'community' });
        const text = screenText(feed.community, feed.items);
        const gbk = req.query.charset === 'gbk';
        return reply
          .type(`text/plain; charset=${gbk ? 'gbk' : 'utf-8'}`)
          .header('cache-control', 'no-cache')
          .send(gbk ? encodeGbk(text) : text);
      },
    );
  };
}
