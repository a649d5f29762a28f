// One-time sign-in codes (table sign_in_code), shared by staff sign-in (auth) and volunteer registration
// (volunteers). `key` is the phone, or whatever key the caller stores codes under.
import type { DbOrTrx } from '../db/database.ts';

/** The newest code issued for a key, used or not. */
export async function latestCode(db: DbOrTrx, key: string) {
  return db
    .selectFrom('sign_in_code')
    .selectAll()
    .where('phone', '=', key)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertCode(
  db: DbOrTrx,
  c: { id: string; phone: string; code_hash: string; expires_at: string; created_at: string },
) {
  await db
    .insertInto('sign_in_code')
    .values({ ...c, attempts: 0, consumed_at: null })
    .execute();
}

export async function updateCode(db: DbOrTrx, id: string, set: { attempts?: number; consumed_at?: string }) {
  await db.updateTable('sign_in_code').set(set).where('id', '=', id).execute();
}
