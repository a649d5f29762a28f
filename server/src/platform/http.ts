// Fastify wiring of the platform: who is calling (session cookie), what each route allows (its declared
// access), CSRF on cookie-authenticated writes, and the one error handler that speaks the caller's language.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Permission } from '../../../domain/access/roles.ts';
import { authorize, type Grant } from './access.ts';
import type { Actor, RequestContext } from './actor.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldProblem } from './errors.ts';
import { hasMessage, pickLocale, translate, type Locale } from './i18n.ts';

export const SESSION_COOKIE = 'linli_session';
export const CSRF_HEADER = 'x-csrf-token';

/** What a route allows: anyone, any signed-in user, or holders of one permission. Every /api route says which. */
export type RouteAccess = { public: true } | { signedIn: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyInstance {
    routeAccess: Array<{ method: string; url: string; access: RouteAccess }>;
    /** LINLI_PUBLIC_URL (else http://localhost:PORT), without a trailing slash. */
    publicBaseUrl: string;
  }
  interface FastifyRequest {
    actor: Actor | null;
    grant: Grant | null;
  }
}

/**
 * What a session restricted to two-factor enrolment may still reach: who am I, language, sign out, and enrolment
 * itself (not the community's two-factor rule: a password alone must not be able to turn the requirement off).
 */
const ENROLMENT_ROUTES = new Set([
  '/api/auth/me',
  '/api/auth/locale',
  '/api/auth/sign-out',
  '/api/auth/two-factor/status',
  '/api/auth/two-factor/start',
  '/api/auth/two-factor/confirm',
]);

export interface SessionResolver {
  actorFromToken(token: string): Promise<Actor | null>;
}

export function requestContext(req: FastifyRequest): RequestContext {
  return { ip: req.ip ?? null, userAgent: (req.headers['user-agent'] ?? '').slice(0, 300) || null };
}

/**
 * Where links printed into PDFs and QR codes, posters, WeChat texts and feed addresses point (verify pages, badges,
 * cards): the configured public address, never the request's Host or X-Forwarded-Host, which a caller chooses.
 */
export function publicOrigin(req: FastifyRequest): string {
  return req.server.publicBaseUrl;
}

/** A calendar feed's path with its full address on the public origin, for the page to show and copy. */
export function feedUrl(req: FastifyRequest, feed: { path: string }): { path: string; url: string } {
  return { path: feed.path, url: publicOrigin(req) + feed.path };
}

/** attachment with an ASCII fallback and the real (Chinese) name in RFC 5987 form. */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function localeOf(req: FastifyRequest): Locale {
  return pickLocale(req.actor?.locale, req.headers['accept-language']);
}

/** The signed-in actor; routes behind `signedIn` or `permission` always have one. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}

export function grantOf(req: FastifyRequest): Grant {
  if (!req.grant) throw new AppError('forbidden', { role: req.actor?.role ?? '-', permission: '-' });
  return req.grant;
}

/**
 * Where a NUL character (U+0000) sits in a value, as a dotted path ('' for the value itself), or null when there is
 * none. PostgreSQL cannot hold one in text (SQLite can), so every request is refused alike before it reaches a
 * query. Walks with its own stack: a deeply nested JSON body must not overflow the call stack.
 */
export function nulPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.indexOf('\0') !== -1) return path;
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, child] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k.indexOf('\0') !== -1) return at;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/** Refuses a value holding a NUL character, naming the field (for multipart fields, read by their handlers). */
export function refuseNul(value: unknown, field: string): void {
  const at = nulPath(value);
  if (at !== null) throw nulError([field, at].filter(Boolean).join('.'));
}

function nulError(field: string): AppError {
  return new AppError('nul_character', { fields: [{ field: field || '(body)', message: 'invalid.nul' }] });
}

/** The NUL in a request's URL (path or query, raw or %-encoded), named by the param that holds it. */
function nulInUrl(req: FastifyRequest): AppError | null {
  const url = req.raw.url ?? '';
  if (url.indexOf('%00') === -1 && url.indexOf('\0') === -1) return null;
  const at = nulPath({ ...(req.params as object), ...(req.query as object) });
  return nulError(at ?? '(url)');
}

export function registerPlatformHooks(app: FastifyInstance, sessions: SessionResolver, publicBaseUrl: string): void {
  app.decorate('publicBaseUrl', publicBaseUrl);
  app.decorateRequest('actor', null);
  app.decorateRequest('grant', null);

  // A route that forgot to say who may call it must not start: refusing by default is safer than guessing.
  // Kept so a test can try every route as someone who must be refused.
  app.decorate('routeAccess', [] as Array<{ method: string; url: string; access: RouteAccess }>);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access: route.config.access });
  });

  // One place for every route, before who is asking: a NUL in the URL, then (once parsed) in the body. Callback
  // hooks, not async ones: every request passes them (the badge page too), and a promise each costs.
  app.addHook('onRequest', (req, _reply, done) => {
    const nul = nulInUrl(req);
    if (nul) done(nul);
    else done();
  });
  app.addHook('preValidation', (req, _reply, done) => {
    if (req.body === undefined || req.body === null) return done();
    const at = nulPath(req.body);
    if (at !== null) done(nulError(at));
    else done();
  });

  // Who is asking, and may they. Waits only when there is a session to look up: a public page without a cookie
  // (a badge scan) passes at once.
  app.addHook('onRequest', (req, _reply, done) => {
    const access = req.routeOptions.config?.access;
    if (!access) return done();
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token) return admitted(req, access, done);
    sessions.actorFromToken(token).then(
      (actor) => {
        req.actor = actor;
        admitted(req, access, done);
      },
      (err: Error) => done(err),
    );
  });

  app.setErrorHandler((err: any, req, reply) => sendError(err, req, reply));
  app.setNotFoundHandler((req, reply) => sendError(new AppError('not_found', { entity: 'page' }), req, reply));
}

/** The refusal for this request to a route of this access (req.actor already read), or null; sets req.grant. */
function admit(req: FastifyRequest, access: RouteAccess): AppError | null {
  if ('public' in access) return null;
  if (!req.actor) return new AppError('unauthenticated');
  // Cookies ride along on cross-site requests; the token in a header does not.
  if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && req.headers[CSRF_HEADER] !== req.actor.csrfToken)
    return new AppError('csrf');
  if (req.actor.twoFactorEnrolmentRequired && !ENROLMENT_ROUTES.has(req.routeOptions.url ?? ''))
    return new AppError('two_factor_enrolment_required');
  // A region session (street, district, city office) rests on a community but is no member of it: routes open to
  // any member refuse it; it keeps its own session's routes (/api/auth/…) and what its permissions grant.
  if ('signedIn' in access && req.actor.regionId && !req.url.startsWith('/api/auth/'))
    return new AppError('region_session');
  // authorize throws its refusal (forbidden): passed on as the hook's error.
  if ('permission' in access) req.grant = authorize(req.actor, access.permission);
  return null;
}

function admitted(req: FastifyRequest, access: RouteAccess, done: (err?: Error) => void): void {
  let refusal: AppError | null;
  try {
    refusal = admit(req, access);
  } catch (err) {
    return done(err as Error);
  }
  if (refusal) done(refusal);
  else done();
}

function zodIssueMessage(locale: Locale, issue: { code?: string; message?: string }): string {
  if (issue.message && hasMessage(issue.message)) return translate(locale, issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return translate(locale, 'invalid.type');
    case 'invalid_value':
    case 'invalid_enum_value':
      return translate(locale, 'invalid.value');
    case 'too_big':
      return translate(locale, 'invalid.tooLong');
    case 'too_small':
      return translate(locale, 'invalid.required');
    case 'unrecognized_keys':
      return translate(locale, 'invalid.unknownField');
    case 'invalid_format':
    case 'invalid_string':
      return translate(locale, 'invalid.value');
    default:
      return translate(locale, 'invalid.value');
  }
}

export function zodFields(
  locale: Locale,
  issues: Array<{ path?: PropertyKey[]; instancePath?: string; code?: string; message?: string; params?: any }>,
): FieldProblem[] {
  return issues.map((i) => {
    const path = i.path?.length
      ? i.path.map(String).join('.')
      : (i.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return { field: path || '(body)', message: zodIssueMessage(locale, i.params?.issue ?? i) };
  });
}

export function sendError(err: any, req: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(req);
  let code: ErrorCode;
  let details: Record<string, unknown> = {};
  if (err instanceof AppError) {
    code = err.code;
    details = err.details;
    if (details.fields)
      details = {
        ...details,
        fields: (details.fields as FieldProblem[]).map((f) => ({
          ...f,
          message: hasMessage(f.message) ? translate(locale, f.message, details) : f.message,
        })),
      };
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    code = 'validation';
    details = { fields: zodFields(locale, err.validation as any) };
  } else if (err?.validation) {
    code = 'validation';
    details = { fields: zodFields(locale, err.validation) };
  } else if (err?.code === 'FST_REQ_FILE_TOO_LARGE' || err?.statusCode === 413) {
    code = 'payload_too_large';
    details = { maxMb: Math.round((err.maxBytes ?? 10 * 1024 * 1024) / 1048576) };
  } else if (err?.statusCode === 429) {
    code = 'rate_limited';
  } else if (err?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err?.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
    code = 'unsupported_file';
  } else if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
    // Malformed JSON, a body that is too large, and other client faults Fastify itself detects.
    code = err.statusCode === 413 ? 'payload_too_large' : 'validation';
    details = { fields: [{ field: '(body)', message: translate(locale, 'invalid.type') }] };
  } else {
    code = 'internal';
    req.log.error({ err }, 'unexpected error');
  }
  const vars = { ...details, role: details.role, permission: details.permission };
  // A wait (sign-in throttle) is also said the standard way, for clients and proxies that read it.
  if (typeof details.retryAfterSeconds === 'number') reply.header('retry-after', String(details.retryAfterSeconds));
  return reply.status(ERROR_STATUS[code]).send({ error: { code, message: translate(locale, code, vars), details } });
}
