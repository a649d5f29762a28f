import type { DbOrTrx } from '../../db/database.ts';

export async function findAccountByPhone(db: DbOrTrx, phone: string) {
  return db.selectFrom('account').selectAll().where('phone', '=', phone).executeTakeFirst();
}

/** The membership an account signs in to: its first (a person with several picks later). */
export async function findMembership(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('community', 'community.id', 'membership.community_id')
    .select(['membership.community_id', 'membership.id', 'membership.role'])
    .where('membership.account_id', '=', accountId)
    .orderBy('membership.created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function insertSession(
  db: DbOrTrx,
  s: {
    token_hash: string;
    account_id: string;
    active_community_id: string;
    active_region_id?: string | null;
    csrf_token: string;
    ip: string | null;
    user_agent: string | null;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  },
) {
  await db.insertInto('session').values(s).execute();
}

export async function deleteSession(db: DbOrTrx, tokenHash: string) {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Everything a request needs to know about its caller, in one query. */
export async function loadSessionActor(db: DbOrTrx, tokenHash: string) {
  return (
    db
      .selectFrom('session')
      .innerJoin('account', 'account.id', 'session.account_id')
      .innerJoin('membership', (j) =>
        j
          .onRef('membership.account_id', '=', 'session.account_id')
          .onRef('membership.community_id', '=', 'session.active_community_id'),
      )
      .innerJoin('community', 'community.id', 'session.active_community_id')
      .select([
        'session.token_hash',
        'session.csrf_token',
        'session.expires_at',
        'session.last_seen_at',
        'account.id as account_id',
        'account.name',
        'account.phone',
        'account.locale',
        'account.disabled',
        'account.totp_enabled_at',
        'membership.id as membership_id',
        'membership.role',
        'membership.title',
        'membership.grid_id',
        'membership.team_id',
        'membership.unit_id',
        'membership.resident_id',
        'community.id as community_id',
        'community.name as community_name',
        'community.two_factor_admins',
        'community.two_factor_staff',
      ])
      .where('session.token_hash', '=', tokenHash)
      // A region session's role is its region membership's, even when the account is also a member of its community.
      .where('session.active_region_id', 'is', null)
      .executeTakeFirst()
  );
}

/** The caller of a region session: the region membership and the community the session rests on. */
export async function loadRegionSessionActor(db: DbOrTrx, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('account', 'account.id', 'session.account_id')
    .innerJoin('region_membership as rm', (j) =>
      j.onRef('rm.account_id', '=', 'session.account_id').onRef('rm.region_id', '=', 'session.active_region_id'),
    )
    .innerJoin('region', 'region.id', 'rm.region_id')
    .select([
      'session.token_hash',
      'session.csrf_token',
      'session.expires_at',
      'session.last_seen_at',
      'session.active_community_id as community_id',
      'account.id as account_id',
      'account.name',
      'account.phone',
      'account.locale',
      'account.disabled',
      'rm.id as membership_id',
      'rm.role',
      'rm.title',
      'region.id as region_id',
      'region.name as region_name',
    ])
    .where('session.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Every community the account is a member of, with its role there (the places it may switch to). */
export async function communityMemberships(db: DbOrTrx, accountId: string) {
  return db
    .selectFrom('membership')
    .innerJoin('community', 'community.id', 'membership.community_id')
    .select(['membership.community_id', 'membership.role', 'community.name'])
    .where('membership.account_id', '=', accountId)
    .orderBy('membership.created_at')
    .execute();
}

export async function setActivePlace(db: DbOrTrx, tokenHash: string, communityId: string, regionId: string | null) {
  await db
    .updateTable('session')
    .set({ active_community_id: communityId, active_region_id: regionId })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function touchSession(db: DbOrTrx, tokenHash: string, at: string) {
  await db.updateTable('session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function purgeExpired(db: DbOrTrx, now: string) {
  await db.deleteFrom('session').where('expires_at', '<', now).execute();
  await db.deleteFrom('sign_in_code').where('expires_at', '<', now).execute();
}

export { insertCode, latestCode, updateCode } from '../../platform/sign-in-codes.ts';

export async function setLocale(db: DbOrTrx, accountId: string, locale: string) {
  await db.updateTable('account').set({ locale }).where('id', '=', accountId).execute();
}

export async function gridName(db: DbOrTrx, communityId: string, gridId: string) {
  const g = await db
    .selectFrom('grid')
    .select('name')
    .where('community_id', '=', communityId)
    .where('id', '=', gridId)
    .executeTakeFirst();
  return g?.name ?? null;
}
