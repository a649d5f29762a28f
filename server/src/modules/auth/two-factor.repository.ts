// Queries of two-factor sign-in and of the sign-in throttle.
import type { DbOrTrx } from '../../db/database.ts';

export async function totpOf(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('account')
    .select(['id', 'phone', 'name', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

export async function setTotp(
  db: DbOrTrx,
  accountId: string,
  v: { totp_secret?: string | null; totp_enabled_at?: string | null; totp_last_step?: number | null },
) {
  await db.updateTable('account').set(v).where('id', '=', accountId).execute();
}

/** Moves the last accepted step forward only if no other request got there first: a code is good once. */
export async function claimStep(db: DbOrTrx, accountId: string, step: number, previous: number | null) {
  const r = await db
    .updateTable('account')
    .set({ totp_last_step: step })
    .where('id', '=', accountId)
    .where((eb) => (previous === null ? eb('totp_last_step', 'is', null) : eb('totp_last_step', '=', previous)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: DbOrTrx, accountId: string, hashes: string[], now: string) {
  await db.deleteFrom('recovery_code').where('account_id', '=', accountId).execute();
  if (hashes.length)
    await db
      .insertInto('recovery_code')
      .values(hashes.map((code_hash) => ({ account_id: accountId, code_hash, used_at: null, created_at: now })))
      .execute();
}

/** Marks an unused recovery code used; false when it is unknown or spent (also when another request spent it). */
export async function spendRecoveryCode(db: DbOrTrx, accountId: string, codeHash: string, now: string) {
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: DbOrTrx, accountId: string) {
  const r = await db
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertChallenge(
  db: DbOrTrx,
  c: { token_hash: string; account_id: string; method: string; created_at: string; expires_at: string },
) {
  await db
    .insertInto('two_factor_challenge')
    .values({ ...c, attempts: 0 })
    .execute();
}

export async function findChallenge(db: DbOrTrx, tokenHash: string) {
  return db.selectFrom('two_factor_challenge').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function countChallengeAttempt(db: DbOrTrx, tokenHash: string) {
  await db
    .updateTable('two_factor_challenge')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteChallenge(db: DbOrTrx, tokenHash: string) {
  await db.deleteFrom('two_factor_challenge').where('token_hash', '=', tokenHash).execute();
}

export async function communityPolicy(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('community')
    .select(['two_factor_admins', 'two_factor_staff'])
    .where('id', '=', communityId)
    .executeTakeFirstOrThrow();
}

export async function setCommunityPolicy(db: DbOrTrx, communityId: string, admins: number, staff: number) {
  await db
    .updateTable('community')
    .set({ two_factor_admins: admins, two_factor_staff: staff })
    .where('id', '=', communityId)
    .execute();
}

/** The community's admins and staff with their two-factor state, for the admin's list. */
export async function staffTwoFactor(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.name', 'a.phone', 'm.role', 'a.totp_enabled_at'])
    .where('m.community_id', '=', communityId)
    .where('m.role', 'in', ['community_admin', 'staff'])
    .orderBy('m.role')
    .orderBy('a.name')
    .execute();
}

export async function memberRole(db: DbOrTrx, communityId: string, accountId: string) {
  return db
    .selectFrom('membership')
    .select('role')
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

// ——— the sign-in throttle ———

export async function throttleRows(db: DbOrTrx, keys: string[]) {
  return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
}

/** One more failure on a key, starting again at 1 when the last one is older than `forgetBefore`. */
export async function addFailure(db: DbOrTrx, key: string, now: string, forgetBefore: string) {
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ key, failures: 1, last_failed_at: now, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_throttle.last_failed_at', '<', forgetBefore)
          .then(1)
          .else(eb('sign_in_throttle.failures', '+', 1))
          .end(),
        last_failed_at: now,
      })),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export async function setBlockedUntil(db: DbOrTrx, key: string, until: string | null) {
  await db.updateTable('sign_in_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
}

export async function clearThrottle(db: DbOrTrx, keys: string[]) {
  await db.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
}

export async function purgeTwoFactor(db: DbOrTrx, now: string, forgetBefore: string) {
  await db.deleteFrom('two_factor_challenge').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_throttle').where('last_failed_at', '<', forgetBefore).execute();
}
