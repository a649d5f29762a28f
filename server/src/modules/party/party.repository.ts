// Party members, the community's posts and the members' reports (在职党员社区报到).
import { sql } from 'kysely';
import type { DbOrTrx, DatabaseKind } from '../../db/database.ts';
import { pinyinStartsWith } from '../../db/prefix.ts';
import type { PartyMemberTable, PartyPostTable } from '../../db/schema/index.ts';

export async function gridExists(db: DbOrTrx, communityId: string, gridId: string) {
  return !!(await db
    .selectFrom('grid')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', gridId)
    .executeTakeFirst());
}

export async function findMember(db: DbOrTrx, communityId: string, volunteerId: string) {
  return db
    .selectFrom('party_member')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();
}

export async function upsertMember(db: DbOrTrx, row: PartyMemberTable) {
  const { community_id, volunteer_id, ...rest } = row;
  await db
    .insertInto('party_member')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'volunteer_id']).doUpdateSet(rest))
    .execute();
}

export interface MemberFilter {
  kind?: string;
  gridId?: string;
  scopeGridId: string | null;
  nameContains?: string;
  pinyinPrefix?: string;
}

export async function listMembers(db: DbOrTrx, communityId: string, f: MemberFilter, page: number, pageSize: number) {
  let base = db
    .selectFrom('party_member as p')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
    )
    .where('p.community_id', '=', communityId);
  if (f.kind) base = base.where('p.kind', '=', f.kind);
  if (f.gridId) base = base.where('p.grid_id', '=', f.gridId);
  if (f.scopeGridId) base = base.where('p.grid_id', '=', f.scopeGridId);
  if (f.nameContains) base = base.where('v.name', 'like', `%${f.nameContains.replace(/[%_]/g, '')}%`);
  if (f.pinyinPrefix) base = base.where(pinyinStartsWith('v.name_pinyin', 'v.name_initials', f.pinyinPrefix));
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'p.community_id').onRef('g.id', '=', 'p.grid_id'))
    .select((eb) => [
      'p.volunteer_id',
      'v.name',
      'v.phone',
      'p.kind',
      'p.is_public_servant',
      'p.party_org',
      'p.work_unit',
      'p.grid_id',
      'g.name as grid_name',
      'p.joined_on',
      eb
        .selectFrom('party_report as r')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('r.community_id', '=', 'p.community_id')
        .whereRef('r.volunteer_id', '=', 'p.volunteer_id')
        .as('reports'),
      eb
        .selectFrom('party_report as r')
        .select(sql<string>`max(r.reported_on)`.as('d'))
        .whereRef('r.community_id', '=', 'p.community_id')
        .whereRef('r.volunteer_id', '=', 'p.volunteer_id')
        .as('last_reported_on'),
    ])
    .orderBy('v.name_pinyin')
    .orderBy('p.volunteer_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}

export async function listPosts(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('party_post as p')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.description',
      'p.capacity',
      eb
        .selectFrom('party_report_post as c')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('c.community_id', '=', 'p.community_id')
        .whereRef('c.post_id', '=', 'p.id')
        .as('claimed'),
    ])
    .where('p.community_id', '=', communityId)
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function findPost(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('party_post')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export async function insertPost(db: DbOrTrx, row: PartyPostTable) {
  await db.insertInto('party_post').values(row).execute();
}
export async function updatePost(db: DbOrTrx, communityId: string, id: string, set: Partial<PartyPostTable>) {
  await db.updateTable('party_post').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}
export async function deletePost(db: DbOrTrx, communityId: string, id: string) {
  await db.deleteFrom('party_post').where('community_id', '=', communityId).where('id', '=', id).execute();
}

/**
 * The posts a report claims, locked until the transaction ends so two claims cannot both take the last
 * place. PostgreSQL locks the rows (in id order, so concurrent claims never deadlock); SQLite has one
 * writer, and its transactions already run one after another.
 */
export async function lockPosts(db: DbOrTrx, kind: DatabaseKind, communityId: string, ids: string[]) {
  const q = db
    .selectFrom('party_post')
    .select(['id', 'title', 'capacity'])
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .orderBy('id');
  return kind === 'postgres' ? q.forUpdate().execute() : q.execute();
}

export async function claimCounts(db: DbOrTrx, communityId: string, ids: string[]) {
  return db
    .selectFrom('party_report_post')
    .select(['post_id', sql<number>`count(*)`.as('n')])
    .where('community_id', '=', communityId)
    .where('post_id', 'in', ids)
    .groupBy('post_id')
    .execute();
}

export async function insertReport(
  db: DbOrTrx,
  row: {
    community_id: string;
    id: string;
    volunteer_id: string;
    reported_on: string;
    unit_party_org: string;
    created_at: string;
  },
  postIds: string[],
) {
  await db.insertInto('party_report').values(row).execute();
  await db
    .insertInto('party_report_post')
    .values(postIds.map((post_id) => ({ community_id: row.community_id, report_id: row.id, post_id })))
    .execute();
}

export interface ReportFilter {
  volunteerId?: string;
  postId?: string;
  from?: string;
  to?: string;
  scopeGridId: string | null;
}

export async function listReports(db: DbOrTrx, communityId: string, f: ReportFilter, page: number, pageSize: number) {
  let base = db
    .selectFrom('party_report as r')
    .innerJoin('party_member as p', (j) =>
      j.onRef('p.community_id', '=', 'r.community_id').onRef('p.volunteer_id', '=', 'r.volunteer_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'r.community_id').onRef('v.id', '=', 'r.volunteer_id'),
    )
    .where('r.community_id', '=', communityId);
  if (f.volunteerId) base = base.where('r.volunteer_id', '=', f.volunteerId);
  if (f.from) base = base.where('r.reported_on', '>=', f.from);
  if (f.to) base = base.where('r.reported_on', '<=', f.to);
  if (f.scopeGridId) base = base.where('p.grid_id', '=', f.scopeGridId);
  if (f.postId) {
    const postId = f.postId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('party_report_post as c')
          .select(sql<number>`1`.as('one'))
          .whereRef('c.community_id', '=', 'r.community_id')
          .whereRef('c.report_id', '=', 'r.id')
          .where('c.post_id', '=', postId),
      ),
    );
  }
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['r.id', 'r.volunteer_id', 'v.name', 'r.reported_on', 'r.unit_party_org'])
    .orderBy('r.reported_on', 'desc')
    .orderBy('r.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const posts = rows.length
    ? await db
        .selectFrom('party_report_post as c')
        .innerJoin('party_post as p', (j) =>
          j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.post_id'),
        )
        .select(['c.report_id', 'p.id', 'p.title'])
        .where('c.community_id', '=', communityId)
        .where(
          'c.report_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('p.title')
        .execute()
    : [];
  return { total: Number(total.n), rows, posts };
}

/** Every party member (in the grid when given) with branch and unit: the rows of the indicators report. */
export function indicatorMembers(db: DbOrTrx, communityId: string, scopeGridId: string | null) {
  let q = db
    .selectFrom('party_member as p')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
    )
    .leftJoin('unit as u', (j) => j.onRef('u.community_id', '=', 'v.community_id').onRef('u.id', '=', 'v.unit_id'))
    .select(['p.volunteer_id', 'v.name', 'p.party_org', 'p.work_unit', 'v.unit_id', 'u.name as unit_name'])
    .where('p.community_id', '=', communityId);
  if (scopeGridId) q = q.where('p.grid_id', '=', scopeGridId);
  return q.orderBy('v.name_pinyin').orderBy('p.volunteer_id').execute();
}

/** Posts each member claimed in reports dated within [from, to]. */
export const postsClaimed = (db: DbOrTrx, communityId: string, from: string, to: string) =>
  db
    .selectFrom('party_report as r')
    .innerJoin('party_report_post as c', (j) =>
      j.onRef('c.community_id', '=', 'r.community_id').onRef('c.report_id', '=', 'r.id'),
    )
    .select(['r.volunteer_id', sql<number>`count(*)`.as('n')])
    .where('r.community_id', '=', communityId)
    .where('r.reported_on', '>=', from)
    .where('r.reported_on', '<=', to)
    .groupBy('r.volunteer_id')
    .execute();
