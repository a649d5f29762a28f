// Xiguan as the demo's database tests seed it: the fixed seed, with accounts (a stub password hash), at `now`.
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { FieldCipher } from '../../server/src/platform/crypto.ts';
import { seedCommunity, type SeedCounts } from './xiguan.ts';

export const DEMO_TEST_SEED = 20180913;

export function seedDemoForTest(
  db: Kysely<Database>,
  cipher: FieldCipher,
  communityId: string,
  now: Date,
): Promise<SeedCounts> {
  return seedCommunity(db, cipher, {
    communityId,
    name: '西关社区',
    seed: DEMO_TEST_SEED,
    withAccounts: true,
    passwordHash: 'test-hash',
    now,
  });
}
