// First start: fill an empty database with the Xiguan demo community (unless LINLI_DEMO=0).
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './platform/crypto.ts';
import { hashPassword } from './modules/auth/auth.service.ts';
import { DEMO_SIGN_INS, seedCommunity } from '../../scripts/demo/xiguan.ts';

export const DEMO_PASSWORD = 'xiguan-demo';
export const XIGUAN_ID = '00000000-0000-7000-8000-000000000001';

export async function ensureDemo(db: Db, cipher: FieldCipher, log: FastifyBaseLogger) {
  const existing = await db.selectFrom('community').select('id').limit(1).executeTakeFirst();
  if (!existing) {
    const started = Date.now();
    const counts = await seedCommunity(db, cipher, {
      communityId: XIGUAN_ID,
      name: '西关社区',
      seed: 20180913,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      withAccounts: true,
    });
    // Thousands of rows just arrived: without fresh statistics PostgreSQL guessed one row per table and nested
    // its loops (the left-out monitor took 550 ms, 40 ms after ANALYZE); SQLite's planner uses them too.
    await sql`analyze`.execute(db);
    log.info({ counts, ms: Date.now() - started }, 'created the Xiguan demo community');
  }
  const demoAccount = await db
    .selectFrom('account')
    .select('id')
    .where('phone', '=', DEMO_SIGN_INS[0]!.phone)
    .executeTakeFirst();
  return demoAccount ? DEMO_SIGN_INS : [];
}
