// What main.ts does between opening the database and listening (issue 16, safe by default): the demo only on this
// machine, and a production database that starts empty gets its first community through a one-time setup link.
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './platform/crypto.ts';
import { issueSetupLink } from './modules/auth/setup.service.ts';
import { passwordMatches } from './modules/auth/auth.service.ts';
import { DEMO_PHONE_PREFIX } from '../../scripts/demo/accounts.ts';

/** The published password of every demo account (README, the start-up banner). */
export const DEMO_PASSWORD = 'xiguan-demo';

export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * True while any account still signs in with the demo password. The demo seeds share one hash across all their
 * accounts (Xiguan, the demo city), so it is enough to try that password on the hashes that two or more accounts
 * share and on those of the demo phone numbers: a handful of argon2 checks, whatever the size of the database.
 */
export async function demoAccountsRemain(db: Db): Promise<boolean> {
  const shared = await db
    .selectFrom('account')
    .select('password_hash')
    .where('password_hash', 'is not', null)
    .groupBy('password_hash')
    .having(sql<number>`count(*)`, '>', 1)
    .limit(50)
    .execute();
  const demoPhones = await db
    .selectFrom('account')
    .select('password_hash')
    .distinct()
    .where('password_hash', 'is not', null)
    .where('phone', 'like', `${DEMO_PHONE_PREFIX}%`)
    .limit(50)
    .execute();
  const hashes = new Set([...shared, ...demoPhones].map((r) => r.password_hash!));
  for (const h of hashes) if (await passwordMatches(h, DEMO_PASSWORD)) return true;
  return false;
}

export const DEMO_ON_NETWORK_REFUSAL = (host: string) =>
  [
    '',
    `  邻里拒绝在 ${host} 上启动：数据库里还有演示账号，它们的密码 ${DEMO_PASSWORD} 是公开的。`,
    '  演示只能在本机（HOST=127.0.0.1）打开。正式使用：换一个空的数据目录（LINLI_DATA_DIR）或数据库，',
    '  用 LINLI_DEMO=0 启动，再用 npm run setup 或启动时显示的一次性链接建立社区和管理员。',
    '',
    `  Linli refuses to listen on ${host}: the database still holds demo accounts, whose password ${DEMO_PASSWORD} is`,
    '  published. The demo opens on this machine only (HOST=127.0.0.1). For real use, start on an empty data folder',
    '  (LINLI_DATA_DIR) or database with LINLI_DEMO=0, then create the community and its admin with npm run setup or',
    '  the one-time link printed at start.',
    '',
  ].join('\n');

export interface Prepared {
  demoSignIns: Array<{ phone: string; role: string; name: string }>;
  /** The one-time setup token while the database has no community; null otherwise. */
  setupToken: string | null;
  /** Set when the server must not listen: what to tell the person at the terminal (zh and en). */
  refusal: string | null;
}

export async function prepareStart(
  db: Db,
  cipher: FieldCipher,
  log: FastifyBaseLogger,
  opts: { demo: boolean; host: string },
): Promise<Prepared> {
  const onNetwork = !isLoopback(opts.host);
  // Asked for the demo on a network address: refuse before seeding anything.
  if (opts.demo && onNetwork) return { demoSignIns: [], setupToken: null, refusal: DEMO_ON_NETWORK_REFUSAL(opts.host) };
  let demoSignIns: Prepared['demoSignIns'] = [];
  if (opts.demo) {
    const { ensureDemo } = await import('./demo.ts');
    demoSignIns = await ensureDemo(db, cipher, log);
  } else if (onNetwork && (await demoAccountsRemain(db))) {
    return { demoSignIns: [], setupToken: null, refusal: DEMO_ON_NETWORK_REFUSAL(opts.host) };
  }
  return { demoSignIns, setupToken: await issueSetupLink(db), refusal: null };
}
