// The one place that reads process.env. Parsed once, frozen; a bad setting stops start-up naming every problem.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { TemplateMap } from './platform/providers/provider.ts';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

// {"<our template>": {"id": "<provider template>", "params": ["<payload field>", …]}, …}
const jsonTemplates = z.string().transform((v, ctx) => {
  try {
    return templateMap.parse(JSON.parse(v));
  } catch {
    ctx.addIssue({ code: 'custom', message: 'a JSON map of template name to {"id": …, "params": [ … ]}' });
    return z.NEVER;
  }
});
const templateMap = z.record(
  z.string(),
  z.object({
    id: z.string().min(1),
    params: z.array(z.string()).default([]),
    kind: z.enum(['template', 'subscribe']).optional(),
    url: z.string().optional(),
  }),
);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LINLI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  LINLI_DEMO: flag.default(true),
  LINLI_SECURE_COOKIES: flag.default(false),
  LINLI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LINLI_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  LINLI_MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(10),
  LINLI_JOBS: flag.default(true),
  LINLI_RATE_LIMITS: flag.default(true),
  // Base64 keyring JSON ({"active":"k1","keys":{"k1":"…"},"index":"…"}); default: generated into the data folder.
  LINLI_KEYRING: z.string().optional(),
  LINLI_WEB_DIST: z.string().optional(),
  // A TrueType/OpenType font (or .ttc collection) with simplified Chinese for PDFs, instead of the bundled one.
  LINLI_CJK_FONT: z
    .string()
    .refine((f) => fs.existsSync(f) && fs.statSync(f).isFile(), 'no such font file')
    .optional(),
  // Days without any contact after which staff are alerted about a vulnerable resident (left-out monitor).
  LINLI_LEFT_OUT_ALERT_DAYS: z.coerce.number().int().min(1).max(365).default(13),
  // Days a love badge scan keeps where it happened (the finder's place, coordinates, message and address hash).
  LINLI_BADGE_SCAN_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  // Seconds an indicators answer is reused for callers asking the same figures (0: computed for every request, as the
  // benchmark measures the computation).
  LINLI_INDICATORS_REUSE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // WeChat official account token(s), as set in its console: one token for every community, or a JSON map
  // {"<communityId>":"<token>"}. Unset: the WeChat endpoint answers 404.
  LINLI_WECHAT_TOKEN: z
    .string()
    .transform((v, ctx) => {
      const ok = (t: unknown): t is string => typeof t === 'string' && /^[A-Za-z0-9]{3,32}$/.test(t);
      if (!v.trim().startsWith('{')) {
        if (ok(v)) return { all: v, byCommunity: {} as Record<string, string> };
      } else {
        try {
          const map = JSON.parse(v) as unknown;
          if (map && typeof map === 'object' && !Array.isArray(map) && Object.values(map).every(ok))
            return { all: null, byCommunity: { ...map } as Record<string, string> };
        } catch {
          /* reported below */
        }
      }
      ctx.addIssue({
        code: 'custom',
        message: 'a token of 3–32 letters and digits, or a JSON map of community id to such a token',
      });
      return z.NEVER;
    })
    .optional(),
  // Message delivery (issue 15). Unset: the development channel (the log) delivers SMS and WeChat messages.
  LINLI_SMS_PROVIDER: z.enum(['dev', 'aliyun', 'tencent']).default('dev'),
  LINLI_SMS_TEMPLATES: jsonTemplates.optional(),
  LINLI_ALIYUN_ACCESS_KEY_ID: z.string().optional(),
  LINLI_ALIYUN_ACCESS_KEY_SECRET: z.string().optional(),
  LINLI_ALIYUN_SMS_SIGN_NAME: z.string().optional(),
  LINLI_ALIYUN_SMS_ENDPOINT: z.url().default('https://dysmsapi.aliyuncs.com/'),
  LINLI_TENCENT_SECRET_ID: z.string().optional(),
  LINLI_TENCENT_SECRET_KEY: z.string().optional(),
  LINLI_TENCENT_SMS_APP_ID: z.string().optional(),
  LINLI_TENCENT_SMS_SIGN_NAME: z.string().optional(),
  LINLI_TENCENT_SMS_REGION: z.string().default('ap-guangzhou'),
  LINLI_TENCENT_SMS_ENDPOINT: z.url().default('https://sms.tencentcloudapi.com/'),
  LINLI_WECHAT_APP_ID: z.string().optional(),
  LINLI_WECHAT_APP_SECRET: z.string().optional(),
  LINLI_WECHAT_API_BASE: z.url().default('https://api.weixin.qq.com'),
  LINLI_WECHAT_TEMPLATES: jsonTemplates.optional(),
  // Largest an uploaded .xlsx may be once unpacked (counted while inflating, before anything parses it).
  LINLI_MAX_INFLATED_MB: z.coerce.number().min(1).max(1000).default(50),
  // ---- Safe by default (issue 16): the public address and the proxies in front ----
  // Where people reach Linli from outside: every printed, scanned or sent link (badges, certificates, posters, the
  // public site, WeChat texts and menus, calendar feeds) is built on it, never on the request's Host header.
  LINLI_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // The reverse proxies whose X-Forwarded-For is believed: a comma-separated list of their addresses, CIDRs or the
  // names loopback, linklocal, uniquelocal (every listed proxy in a chain is passed over). Unset: none; req.ip is the
  // connecting address. No hop count: it cannot tell the proxy from a client that reaches Linli directly and writes
  // the header itself (Fastify 5 ignores counts for that reason).
  LINLI_TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      const parts = v.split(',').map((p) => p.trim());
      if (parts.every(isProxyAddress)) return parts;
      ctx.addIssue({
        code: 'custom',
        message:
          "a comma-separated list of the proxies' addresses or CIDRs (127.0.0.1, 10.0.0.0/8, loopback); " +
          'a hop count is not taken, as it would believe a client that reaches Linli directly',
      });
      return z.NEVER;
    })
    .optional(),
});

function isProxyAddress(p: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(p)) return true;
  const [address = '', bits, extra] = p.split('/');
  const version = net.isIP(address);
  if (!version || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

export type DeliveryConfig = Config['delivery'];

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly demo: boolean;
  readonly secureCookies: boolean;
  readonly logLevel: string;
  readonly sessionHours: number;
  readonly maxUploadBytes: number;
  readonly jobs: boolean;
  readonly rateLimits: boolean;
  readonly keyring?: string;
  readonly webDist: string;
  /** The PDF font file, when LINLI_CJK_FONT overrides the bundled Noto Sans SC. */
  readonly cjkFontFile?: string;
  readonly leftOutAlertDays: number;
  readonly badgeScanRetentionDays: number;
  readonly indicatorsReuseMs: number;
  /** WeChat tokens: `all` for every community unless `byCommunity` names one. */
  readonly wechat: { readonly all: string | null; readonly byCommunity: Readonly<Record<string, string>> };
  /** Message delivery: which SMS provider and its keys; the official account's app id and secret. */
  readonly delivery: {
    readonly sms:
      | { readonly provider: 'dev' }
      | {
          readonly provider: 'aliyun';
          readonly accessKeyId: string;
          readonly accessKeySecret: string;
          readonly signName: string;
          readonly endpoint: string;
          readonly templates: TemplateMap;
        }
      | {
          readonly provider: 'tencent';
          readonly secretId: string;
          readonly secretKey: string;
          readonly sdkAppId: string;
          readonly signName: string;
          readonly region: string;
          readonly endpoint: string;
          readonly templates: TemplateMap;
        };
    readonly wechat: {
      readonly appId: string;
      readonly appSecret: string;
      readonly baseUrl: string;
      readonly templates: TemplateMap;
    } | null;
    readonly publicUrl: string | null;
  };
  /** Largest an uploaded .xlsx may be once unpacked. */
  readonly maxInflatedBytes: number;
  /** Safe by default (issue 16). Links are built on publicBaseUrl: LINLI_PUBLIC_URL, else http://localhost:PORT. */
  readonly publicBaseUrl: string;
  /** What Fastify's trustProxy gets: the trusted proxies' addresses, or false (trust no forwarded header). */
  readonly trustProxy: string[] | false;
  /** Served over https (secure cookies or an https public URL): browsers are told to keep to https (HSTS). */
  readonly hsts: boolean;
}

export class ConfigError extends Error {}

/**
 * The one start-up warning of a server others can reach (HOST not a loopback address) that has no LINLI_PUBLIC_URL:
 * its printed and sent links would point at localhost. Null when all is well.
 */
export function publicUrlWarning(config: Pick<Config, 'host' | 'delivery' | 'publicBaseUrl'>): string | null {
  const loopback = config.host === 'localhost' || /^127\./.test(config.host) || config.host === '::1';
  if (loopback || config.delivery.publicUrl) return null;
  return (
    `Linli listens on ${config.host} but LINLI_PUBLIC_URL is not set: QR codes, posters, certificates and calendar ` +
    `links will point at ${config.publicBaseUrl}. Set LINLI_PUBLIC_URL to the address people use (https://…).`
  );
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means unset (as shells and CI files often leave them).
  const r = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Linli cannot start; fix these settings:\n${lines.join('\n')}`);
  }
  const e = r.data;
  const missing = (names: string[]) => names.filter((n) => !(e as Record<string, unknown>)[n]);
  const need =
    e.LINLI_SMS_PROVIDER === 'aliyun'
      ? missing(['LINLI_ALIYUN_ACCESS_KEY_ID', 'LINLI_ALIYUN_ACCESS_KEY_SECRET', 'LINLI_ALIYUN_SMS_SIGN_NAME'])
      : e.LINLI_SMS_PROVIDER === 'tencent'
        ? missing([
            'LINLI_TENCENT_SECRET_ID',
            'LINLI_TENCENT_SECRET_KEY',
            'LINLI_TENCENT_SMS_APP_ID',
            'LINLI_TENCENT_SMS_SIGN_NAME',
          ])
        : [];
  if (e.LINLI_WECHAT_APP_ID || e.LINLI_WECHAT_APP_SECRET)
    need.push(...missing(['LINLI_WECHAT_APP_ID', 'LINLI_WECHAT_APP_SECRET']));
  if (need.length)
    throw new ConfigError(
      'Linli cannot start; fix these settings:\n' +
        need.map((n) => `  ${n}: required by the chosen message provider`).join('\n'),
    );
  const smsTemplates = e.LINLI_SMS_TEMPLATES ?? {};
  const sms: Config['delivery']['sms'] =
    e.LINLI_SMS_PROVIDER === 'aliyun'
      ? {
          provider: 'aliyun',
          accessKeyId: e.LINLI_ALIYUN_ACCESS_KEY_ID!,
          accessKeySecret: e.LINLI_ALIYUN_ACCESS_KEY_SECRET!,
          signName: e.LINLI_ALIYUN_SMS_SIGN_NAME!,
          endpoint: e.LINLI_ALIYUN_SMS_ENDPOINT,
          templates: smsTemplates,
        }
      : e.LINLI_SMS_PROVIDER === 'tencent'
        ? {
            provider: 'tencent',
            secretId: e.LINLI_TENCENT_SECRET_ID!,
            secretKey: e.LINLI_TENCENT_SECRET_KEY!,
            sdkAppId: e.LINLI_TENCENT_SMS_APP_ID!,
            signName: e.LINLI_TENCENT_SMS_SIGN_NAME!,
            region: e.LINLI_TENCENT_SMS_REGION,
            endpoint: e.LINLI_TENCENT_SMS_ENDPOINT,
            templates: smsTemplates,
          }
        : { provider: 'dev' };
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.LINLI_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.LINLI_DEMO,
    secureCookies: e.LINLI_SECURE_COOKIES,
    logLevel: e.LINLI_LOG_LEVEL,
    sessionHours: e.LINLI_SESSION_HOURS,
    maxUploadBytes: Math.round(e.LINLI_MAX_UPLOAD_MB * 1024 * 1024),
    jobs: e.LINLI_JOBS,
    rateLimits: e.LINLI_RATE_LIMITS,
    keyring: e.LINLI_KEYRING,
    webDist: path.resolve(e.LINLI_WEB_DIST ?? 'web/dist'),
    cjkFontFile: e.LINLI_CJK_FONT ? path.resolve(e.LINLI_CJK_FONT) : undefined,
    leftOutAlertDays: e.LINLI_LEFT_OUT_ALERT_DAYS,
    badgeScanRetentionDays: e.LINLI_BADGE_SCAN_RETENTION_DAYS,
    indicatorsReuseMs: e.LINLI_INDICATORS_REUSE_SECONDS * 1000,
    wechat: Object.freeze({
      all: e.LINLI_WECHAT_TOKEN?.all ?? null,
      byCommunity: Object.freeze(e.LINLI_WECHAT_TOKEN?.byCommunity ?? {}),
    }),
    delivery: Object.freeze({
      sms,
      wechat: e.LINLI_WECHAT_APP_ID
        ? {
            appId: e.LINLI_WECHAT_APP_ID,
            appSecret: e.LINLI_WECHAT_APP_SECRET!,
            baseUrl: e.LINLI_WECHAT_API_BASE.replace(/\/$/, ''),
            templates: e.LINLI_WECHAT_TEMPLATES ?? {},
          }
        : null,
      publicUrl: e.LINLI_PUBLIC_URL ?? null,
    }),
    maxInflatedBytes: Math.round(e.LINLI_MAX_INFLATED_MB * 1024 * 1024),
    publicBaseUrl: (e.LINLI_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    trustProxy: e.LINLI_TRUST_PROXY ?? false,
    hsts: e.LINLI_SECURE_COOKIES || /^https:/i.test(e.LINLI_PUBLIC_URL ?? ''),
  });
}
