// The SQL of the self-service module: who a volunteer is as a signed-in person (their account and membership in
// the community), so a calendar feed opened by its token reads each module's "my …" lists as that person would.
import type { DbOrTrx } from '../../db/database.ts';

export const personOf = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('volunteer as v')
    .innerJoin('account as c', 'c.id', 'v.account_id')
    .innerJoin('membership as m', (j) =>
      j.onRef('m.account_id', '=', 'c.id').onRef('m.community_id', '=', 'v.community_id'),
    )
    .innerJoin('community as k', 'k.id', 'm.community_id')
    .select([
      'c.id as account_id',
      'c.name',
      'c.phone',
      'c.disabled',
      'c.locale',
      'm.id as membership_id',
      'm.role',
      'm.title',
      'm.grid_id',
      'm.team_id',
      'm.unit_id',
      'm.resident_id',
      'k.name as community_name',
    ])
    .where('v.community_id', '=', communityId)
    .where('v.id', '=', volunteerId)
    .orderBy('m.created_at')
    .executeTakeFirst();
