// pino options: personal data never reaches the log (phone and ID numbers, health fields, secrets).
import { stdSerializers } from 'pino';
const SECRET_KEYS = [
  'phone',
  'password',
  'idNumber',
  'id_number',
  'health',
  'disability',
  'dibao',
  'code',
  'csrfToken',
  'token',
];

// A secret token in a path segment or in text: 20+ URL-safe characters (the shortest token Linli makes is 18 random
// bytes, 24 characters), not a UUID (ids are not secrets) and not a lowercase route word like party-indicators.
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hideToken = (word: string) => (UUID.test(word) || /^[a-z-]+$/.test(word) ? word : '[token]');

/** The text with every token-like word replaced (feed, badge, card and verify tokens; set-up and reset links). */
export function withoutTokens(text: string): string {
  return text.replace(TOKEN_LIKE, hideToken);
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `body.${k}`, `*.body.${k}`]),
      ],
      censor: '[redacted]',
    },
    // Query strings may carry a phone tail, a name or a code: log the path only, without its tokens (calendar feeds,
    // badge pages, volunteer cards, certificate checks and account links carry theirs in the path).
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: withoutTokens(req.url.split('?')[0]!),
        ip: req.ip,
      }),
      // A database error may quote a row's values (a unique key's token), a thrown error the address it served.
      err: (err: Error) => {
        const e = stdSerializers.err(err);
        for (const k of ['message', 'stack', 'detail'] as const)
          if (typeof e[k] === 'string') e[k] = withoutTokens(e[k] as string);
        return e;
      },
    },
  };
}
