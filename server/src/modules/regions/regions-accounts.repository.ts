// SQL of the office accounts: region memberships with their accounts, and the account an office adds.
import type { Kysely } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database } from '../../db/schema/index.ts';

export function listOfficeAccounts(db: DbOrTrx, regionIds: readonly string[]) {
  if (!regionIds.length) return Promise.resolve([]);
  return (db as Kysely<Database>)
    .selectFrom('region_membership as m')
    .innerJoin('region as r', 'r.id', 'm.region_id')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select([
      'm.id',
      'm.role',
      'm.title',
      'm.created_at',
      'm.account_id',
      'a.name',
      'a.phone',
      'r.id as region_id',
      'r.kind as region_kind',
      'r.name as region_name',
    ])
    .where('m.region_id', 'in', [...regionIds])
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function findMembership(db: DbOrTrx, id: string) {
  return (db as Kysely<Database>)
    .selectFrom('region_membership')
    .select(['id', 'region_id', 'account_id', 'role'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function membershipIn(db: DbOrTrx, regionId: string, accountId: string) {
  return (db as Kysely<Database>)
    .selectFrom('region_membership')
    .select(['id', 'role'])
    .where('region_id', '=', regionId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function deleteMembership(db: DbOrTrx, id: string): Promise<boolean> {
  const r = await (db as Kysely<Database>).deleteFrom('region_membership').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function findAccountByPhone(db: DbOrTrx, phone: string) {
  return (db as Kysely<Database>)
    .selectFrom('account')
    .select(['id', 'name'])
    .where('phone', '=', phone)
    .executeTakeFirst();
}

/** A new account without a password: it signs in with a text code (验证码) sent to its phone. */
export async function insertAccount(db: DbOrTrx, a: { id: string; phone: string; name: string; created_at: string }) {
  await (db as Kysely<Database>)
    .insertInto('account')
    .values({ ...a, password_hash: null, locale: null, failed_sign_ins: 0, locked_until: null, disabled: 0 })
    .execute();
}
