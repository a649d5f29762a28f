// First start: fill an empty database with the Xiguan demo community (unless LINLI_DEMO=0).
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './db/database.ts';
import type { FieldCipher } from './platform/crypto.ts';
import { hashPassword } from './modules/auth/auth.service.ts';
import {
  DEMO_REGION_SIGN_INS,
  DEMO_SIGN_INS,
  XIGUAN,
  XIGUAN_STREET,
  seedCommunity,
} from '../../scripts/demo/xiguan.ts';
import { seedDemoRegionAccounts } from '../../scripts/demo/regions.ts';

import { DEMO_PASSWORD } from './startup.ts';

export { DEMO_PASSWORD };
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
  if (!demoAccount) return [];
  // A demo seeded before the street office existed gets its office accounts (the migration placed Xiguan already).
  const offices = await db
    .selectFrom('account')
    .select('phone')
    .where(
      'phone',
      'in',
      DEMO_REGION_SIGN_INS.map((s) => s.phone),
    )
    .execute();
  if (offices.length < DEMO_REGION_SIGN_INS.length) {
    const xiguan = await db.selectFrom('community').select('id').where('id', '=', XIGUAN_ID).executeTakeFirst();
    if (xiguan)
      await seedDemoRegionAccounts(
        db,
        { city: XIGUAN.city, district: XIGUAN.district, street: XIGUAN_STREET },
        await hashPassword(DEMO_PASSWORD),
      );
  }
  return [...DEMO_SIGN_INS, ...DEMO_REGION_SIGN_INS];
}
