// Queries of passwords: the hash, the reset codes, and ending an account's sessions.
import type { DbOrTrx } from '../../db/database.ts';

export async function accountById(db: DbOrTrx, id: string) {
  return db
    .selectFrom('account')
    .select(['id', 'phone', 'name', 'password_hash', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setPasswordHash(db: DbOrTrx, accountId: string, hash: string) {
  // A new password also lifts a lockout: the person has just proved who they are.
  await db
    .updateTable('account')
    .set({ password_hash: hash, failed_sign_ins: 0, locked_until: null })
    .where('id', '=', accountId)
    .execute();
}

/** Ends every session of the account but `keep` (the one that changed the password). */
export async function deleteSessionsOf(db: DbOrTrx, accountId: string, keep: string | null) {
  let q = db.deleteFrom('session').where('account_id', '=', accountId);
  if (keep) q = q.where('token_hash', '!=', keep);
  await q.execute();
}

export async function isMemberOf(db: DbOrTrx, accountId: string, communityId: string) {
  const m = await db
    .selectFrom('membership')
    .select('id')
    .where('account_id', '=', accountId)
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return !!m;
}

/** A community the account belongs to (its own, or the first under its office), for the audit log. */
export async function auditCommunityOf(db: DbOrTrx, accountId: string) {
  const m = await db
    .selectFrom('membership')
    .select(['community_id', 'role'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (m) return m;
  const r = await db
    .selectFrom('region_membership')
    .innerJoin('community', 'community.street_id', 'region_membership.region_id')
    .select(['community.id as community_id', 'region_membership.role'])
    .where('region_membership.account_id', '=', accountId)
    .orderBy('community.id')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}

export async function latestResetCode(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('password_reset_code')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertResetCode(
  db: DbOrTrx,
  c: {
    id: string;
    account_id: string;
    code_hash: string;
    requested_by: string;
    created_at: string;
    expires_at: string;
  },
) {
  await db
    .insertInto('password_reset_code')
    .values({ ...c, attempts: 0, consumed_at: null })
    .execute();
}

export async function countResetAttempt(db: DbOrTrx, id: string, attempts: number) {
  await db.updateTable('password_reset_code').set({ attempts }).where('id', '=', id).execute();
}

/** Spends the code; false when another request spent it first. */
export async function consumeResetCode(db: DbOrTrx, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('password_reset_code')
    .set({ consumed_at: at })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function purgeResetCodes(db: DbOrTrx, now: string) {
  await db.deleteFrom('password_reset_code').where('expires_at', '<', now).execute();
}
