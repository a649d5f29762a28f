import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mobile } from '../../../../domain/registry/schemas.ts';
import { actorOf, localeOf, requestContext, SESSION_COOKIE } from '../../platform/http.ts';
import type { AuthService, SecondStep, SignedIn } from './auth.service.ts';
import { noContent } from '../../platform/responses.ts';

const me = z.object({
  accountId: z.string(),
  name: z.string(),
  phone: z.string(),
  role: z.string(),
  title: z.string().nullable(),
  community: z.object({ id: z.string(), name: z.string() }),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  locale: z.enum(['zh-CN', 'en']),
  permissions: z.array(z.string()),
  region: z.object({ id: z.string(), name: z.string() }).nullable(),
  places: z.array(
    z.object({
      kind: z.enum(['community', 'street', 'district', 'city']),
      id: z.string(),
      name: z.string(),
      role: z.string(),
      active: z.boolean(),
    }),
  ),
  twoFactorEnrolmentRequired: z.boolean(),
});
const signedIn = z.object({ user: me, csrfToken: z.string() });
/** The first factor was right; the session opens at POST /api/auth/two-factor with the challenge and a code. */
export const secondStep = z.object({ twoFactor: z.object({ challenge: z.string(), expiresInSeconds: z.number() }) });

export function authRoutes(
  auth: AuthService,
  opts: { secureCookies: boolean; sessionHours: number; rateLimits: boolean },
) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const cookie = { path: '/', httpOnly: true, sameSite: 'lax' as const, maxAge: opts.sessionHours * 3600 };
    // Per-IP limits on bursts; SignInThrottle (in the database) slows guessing per number and per address.
    const limit = (max: number) => (opts.rateLimits ? { rateLimit: { max, timeWindow: '1 minute' } } : {});
    const opened = async (result: SignedIn, req: FastifyRequest, reply: FastifyReply) => {
      // Secure when told to (LINLI_SECURE_COOKIES), and whenever the request came over HTTPS: directly, or through a
      // trusted proxy's X-Forwarded-Proto (Fastify believes it only from LINLI_TRUST_PROXY), so a proxy with TLS in
      // front never gets a cookie a plain-HTTP page could send.
      reply.setCookie(SESSION_COOKIE, result.token, {
        ...cookie,
        secure: opts.secureCookies || req.protocol === 'https',
      });
      return { user: await auth.me(result.actor, localeOf(req)), csrfToken: result.actor.csrfToken };
    };
    const answer = (result: SignedIn | SecondStep, req: FastifyRequest, reply: FastifyReply) =>
      'challenge' in result ? { twoFactor: result } : opened(result, req, reply);

    r.post(
      '/api/auth/sign-in',
      {
        config: { access: { public: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with phone and password',
          body: z.object({ phone: mobile, password: z.string().min(1, 'invalid.required').max(200) }),
          response: { 200: z.union([signedIn, secondStep]) },
        },
      },
      async (req, reply) =>
        answer(await auth.signInWithPassword(req.body.phone, req.body.password, requestContext(req)), req, reply),
    );

    r.post(
      '/api/auth/two-factor',
      {
        config: { access: { public: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Second sign-in step: an authenticator code or a recovery code',
          body: z.object({
            challenge: z.string().min(1).max(100),
            code: z.string().trim().min(6, 'invalid.value').max(20, 'invalid.value'),
          }),
          response: { 200: signedIn },
        },
      },
      async (req, reply) =>
        opened(await auth.signInSecondStep(req.body.challenge, req.body.code, requestContext(req)), req, reply),
    );

    r.post(
      '/api/auth/code',
      {
        config: { access: { public: true }, ...limit(5) },
        schema: {
          tags: ['auth'],
          summary: 'Send a one-time sign-in code',
          body: z.object({ phone: mobile }),
          response: {
            202: z.object({ sent: z.boolean(), expiresInSeconds: z.number(), resendAfterSeconds: z.number() }),
          },
        },
      },
      async (req, reply) => {
        const r2 = await auth.requestCode(req.body.phone);
        return reply.status(202).send({ sent: true, ...r2 });
      },
    );

    r.post(
      '/api/auth/sign-in-code',
      {
        config: { access: { public: true }, ...limit(10) },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with a one-time code',
          body: z.object({ phone: mobile, code: z.string().regex(/^\d{6}$/, 'invalid.value') }),
          response: { 200: z.union([signedIn, secondStep]) },
        },
      },
      async (req, reply) =>
        answer(await auth.signInWithCode(req.body.phone, req.body.code, requestContext(req)), req, reply),
    );

    r.post(
      '/api/auth/sign-out',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['auth'], summary: 'Sign out', response: { 204: noContent } },
      },
      async (req, reply) => {
        await auth.signOut(actorOf(req), requestContext(req));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/auth/me',
      {
        config: { access: { signedIn: true } },
        schema: { tags: ['auth'], summary: 'Who am I', response: { 200: signedIn } },
      },
      async (req) => {
        const actor = actorOf(req);
        return { user: await auth.me(actor, localeOf(req)), csrfToken: actor.csrfToken };
      },
    );

    r.post(
      '/api/auth/switch',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['auth'],
          summary: 'Work in another of my communities or offices (街道, 区)',
          body: z.union([
            z.object({ communityId: z.string().min(1).max(64) }).strict(),
            z.object({ regionId: z.string().min(1).max(64) }).strict(),
          ]),
          response: { 200: signedIn },
        },
      },
      async (req) => {
        const actor = await auth.switchTo(actorOf(req), req.body, requestContext(req));
        return { user: await auth.me(actor, localeOf(req)), csrfToken: actor.csrfToken };
      },
    );

    r.put(
      '/api/auth/locale',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['auth'],
          summary: 'Set my language',
          body: z.object({ locale: z.enum(['zh-CN', 'en']) }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await auth.setLocale(actorOf(req), req.body.locale);
        return reply.status(204).send();
      },
    );
  };
}
