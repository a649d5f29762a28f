// Who hears the community's staff alerts (residents left out, home-care runs and shifts, the classroom). Accounts
// and memberships belong to auth, so other modules ask here rather than reading those tables.
import type { DbOrTrx } from '../../db/database.ts';

/** The roles whose holders receive staff alerts: the community's staff and its admins. */
export const STAFF_ALERT_ROLES = ['staff', 'community_admin'] as const;

export interface StaffContact {
  phone: string;
  name: string;
}

/** The community's staff and admins whose accounts are not disabled, by account phone. */
export function staffPhones(db: DbOrTrx, communityId: string): Promise<StaffContact[]> {
  return db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.phone', 'a.name'])
    .where('m.community_id', '=', communityId)
    .where('m.role', 'in', STAFF_ALERT_ROLES)
    .where('a.disabled', '=', 0)
    .orderBy('a.phone')
    .execute();
}

/** The community's staff and admins whose accounts are not disabled, by name (or just one of them): who may lead
 * volunteers (社工带志愿者) or be chosen for the leadership group. */
export function staffAccounts(db: DbOrTrx, communityId: string, onlyAccountId?: string) {
  let q = db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.name', 'm.role', 'm.title'])
    .where('m.community_id', '=', communityId)
    .where('m.role', 'in', STAFF_ALERT_ROLES)
    .where('a.disabled', '=', 0);
  if (onlyAccountId) q = q.where('a.id', '=', onlyAccountId);
  return q.orderBy('m.role').orderBy('a.name').execute();
}
