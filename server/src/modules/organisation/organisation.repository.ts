// The leadership group's rows, and the counts of each social worker's volunteers and their entries waiting.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { LeadershipMemberTable } from '../../db/schema/index.ts';

export async function listLeadership(db: DbOrTrx, communityId: string, onlyId: string | null) {
  let q = db
    .selectFrom('leadership_member as l')
    .leftJoin('account as a', 'a.id', 'l.account_id')
    .select(['l.id', 'l.position', 'l.account_id', 'l.name', 'l.title', 'l.duty', 'l.sort', 'a.name as account_name'])
    .where('l.community_id', '=', communityId);
  if (onlyId) q = q.where('l.id', '=', onlyId);
  // 组长, then 副组长, then 成员; within a position by the order the admin set.
  const rank = sql<number>`case l.position when 'leader' then 0 when 'deputy' then 1 else 2 end`;
  return q.orderBy(rank).orderBy('l.sort').orderBy('l.created_at').execute();
}

export async function leaderIds(db: DbOrTrx, communityId: string) {
  const rows = await db
    .selectFrom('leadership_member')
    .select('id')
    .where('community_id', '=', communityId)
    .where('position', '=', 'leader')
    .execute();
  return rows.map((r) => r.id);
}

export async function isCommunityAccount(db: DbOrTrx, communityId: string, accountId: string) {
  return !!(await db
    .selectFrom('membership')
    .select('id')
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .executeTakeFirst());
}

export async function insertLeadership(db: DbOrTrx, row: LeadershipMemberTable) {
  await db.insertInto('leadership_member').values(row).execute();
}

export async function updateLeadership(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Partial<LeadershipMemberTable>,
) {
  await db
    .updateTable('leadership_member')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

export async function deleteLeadership(db: DbOrTrx, communityId: string, id: string) {
  await db.deleteFrom('leadership_member').where('community_id', '=', communityId).where('id', '=', id).execute();
}

/** Per social worker: their volunteers, and those volunteers' entries waiting in the verification queue. */
export async function socialWorkerCounts(db: DbOrTrx, communityId: string) {
  const [volunteers, pending] = await Promise.all([
    db
      .selectFrom('volunteer')
      .select(['social_worker_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId)
      .where('social_worker_id', 'is not', null)
      .groupBy('social_worker_id')
      .execute(),
    db
      .selectFrom('hours_entry as e')
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'e.community_id').onRef('v.id', '=', 'e.volunteer_id'),
      )
      .select(['v.social_worker_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('e.community_id', '=', communityId)
      .where('e.status', '=', 'pending')
      .where('e.corrected_by', 'is', null)
      .where('v.social_worker_id', 'is not', null)
      .groupBy('v.social_worker_id')
      .execute(),
  ]);
  const toMap = (rows: { social_worker_id: string | null | undefined; n: number | string }[]) =>
    new Map(rows.map((r) => [r.social_worker_id as string, Number(r.n)]));
  return { volunteers: toMap(volunteers), pending: toMap(pending) };
}
