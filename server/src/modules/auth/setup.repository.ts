// Queries of first setup: the one-time link, and the community with its admin.
import type { DbOrTrx } from '../../db/database.ts';

export async function anyCommunity(db: DbOrTrx) {
  return db.selectFrom('community').select('id').limit(1).executeTakeFirst();
}

/** Replaces every unused link with this one: only the link printed last works. */
export async function replaceSetupLink(
  db: DbOrTrx,
  link: { token_hash: string; created_at: string; expires_at: string },
) {
  await db.deleteFrom('setup_link').where('used_at', 'is', null).execute();
  await db
    .insertInto('setup_link')
    .values({ ...link, used_at: null })
    .execute();
}

/**
 * Spends the link; false when it is unknown, expired or used. The update is the claim: of two requests at once,
 * PostgreSQL makes the second wait on the row and then finds it used; SQLite runs one writer at a time.
 */
export async function claimSetupLink(db: DbOrTrx, tokenHash: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('setup_link')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function phoneTaken(db: DbOrTrx, phone: string) {
  return !!(await db.selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirst());
}

export async function insertCommunity(
  db: DbOrTrx,
  c: { id: string; name: string; district: string; city: string; created_at: string },
) {
  await db
    .insertInto('community')
    .values({ ...c, time_zone: 'Asia/Shanghai' })
    .execute();
}

export async function insertAdmin(
  db: DbOrTrx,
  a: {
    accountId: string;
    membershipId: string;
    communityId: string;
    phone: string;
    name: string;
    hash: string;
    at: string;
  },
) {
  await db
    .insertInto('account')
    .values({
      id: a.accountId,
      phone: a.phone,
      name: a.name,
      password_hash: a.hash,
      locale: null,
      failed_sign_ins: 0,
      locked_until: null,
      disabled: 0,
      created_at: a.at,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({
      community_id: a.communityId,
      id: a.membershipId,
      account_id: a.accountId,
      role: 'community_admin',
      title: null,
      grid_id: null,
      team_id: null,
      unit_id: null,
      resident_id: null,
      created_at: a.at,
    })
    .execute();
}
