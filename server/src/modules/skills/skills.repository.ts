// Skills rows and the skills pool search. The pool query starts from volunteer_skill with the community and
// a skill code or a category, so it walks (community_id, skill_code) or (community_id, category); with a pinyin
// prefix it starts from the volunteer's pinyin and initials indexes instead (poolByPinyin).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { pinyinStartsWith } from '../../db/prefix.ts';
import type { VolunteerSkillTable } from '../../db/schema/index.ts';

/** Which volunteers a reader may see: the whole community, one unit, one team, or nobody. */
export type VolunteerBound = { all: true } | { unitId: string } | { teamId: string } | { none: true };

export interface PoolFilter {
  category?: string;
  skill?: string;
  level?: string;
  licenceValid?: boolean;
  today: string;
  nameContains?: string;
  pinyinPrefix?: string;
  phoneTail?: string;
}

export async function findSkill(db: DbOrTrx, communityId: string, volunteerId: string, code: string) {
  return db
    .selectFrom('volunteer_skill')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('skill_code', '=', code)
    .executeTakeFirst();
}

export async function insertSkill(db: DbOrTrx, row: VolunteerSkillTable) {
  await db.insertInto('volunteer_skill').values(row).execute();
}

export async function updateSkill(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  code: string,
  set: Partial<Pick<VolunteerSkillTable, 'level' | 'licence_no' | 'licence_expires_on'>>,
) {
  await db
    .updateTable('volunteer_skill')
    .set(set)
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('skill_code', '=', code)
    .execute();
}

export async function deleteSkill(db: DbOrTrx, communityId: string, volunteerId: string, code: string) {
  const r = await db
    .deleteFrom('volunteer_skill')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('skill_code', '=', code)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function skillsOf(db: DbOrTrx, communityId: string, volunteerIds: string[]) {
  if (!volunteerIds.length) return [];
  // Sorted here, not by ORDER BY category: that made SQLite walk every skill of the community through the
  // category index rather than look each volunteer up in the primary key.
  const rows = await db
    .selectFrom('volunteer_skill')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', 'in', volunteerIds)
    .execute();
  return rows.sort((a, b) =>
    a.category < b.category
      ? -1
      : a.category > b.category
        ? 1
        : a.skill_code < b.skill_code
          ? -1
          : a.skill_code > b.skill_code
            ? 1
            : 0,
  );
}

/**
 * The pool's search before paging, from the skills (category or skill index); exported so a test can read the
 * database's plan for it.
 */
export function poolBase(db: DbOrTrx, communityId: string, bound: VolunteerBound, f: PoolFilter) {
  return db
    .selectFrom('volunteer_skill as s')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'),
    )
    .where('s.community_id', '=', communityId)
    .where(skillConditions(f))
    .where(volunteerConditions(bound, f));
}

/**
 * With a pinyin prefix, the few volunteers whose name starts with it come first, through the pinyin and
 * initials indexes, and EXISTS checks their skills. Joined as in poolBase, SQLite (without statistics) walked
 * every volunteer of the community for a category and a prefix.
 */
function poolByPinyin(db: DbOrTrx, communityId: string, bound: VolunteerBound, f: PoolFilter) {
  return db
    .selectFrom('volunteer as v')
    .where('v.community_id', '=', communityId)
    .where(volunteerConditions(bound, f))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('volunteer_skill as s')
          .select(sql<number>`1`.as('one'))
          .whereRef('s.community_id', '=', 'v.community_id')
          .whereRef('s.volunteer_id', '=', 'v.id')
          .where(skillConditions(f)),
      ),
    );
}

function hasSkillFilter(f: PoolFilter): boolean {
  return !!(f.skill || f.category || f.level || f.licenceValid !== undefined);
}

/** The skill filters, on alias s. */
function skillConditions(f: PoolFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  if (f.skill) conds.push(sql<SqlBool>`s.skill_code = ${f.skill}`);
  if (f.category) conds.push(sql<SqlBool>`s.category = ${f.category}`);
  if (f.level) conds.push(sql<SqlBool>`s.level = ${f.level}`);
  if (f.licenceValid === true) conds.push(sql<SqlBool>`s.licence_expires_on >= ${f.today}`);
  if (f.licenceValid === false) conds.push(sql<SqlBool>`s.licence_expires_on < ${f.today}`);
  return sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

/** Approved, inside the reader's bound, and matching the search box, on alias v. */
function volunteerConditions(bound: VolunteerBound, f: PoolFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [sql<SqlBool>`v.status = ${'approved'}`];
  if (f.nameContains) conds.push(sql<SqlBool>`v.name like ${`%${f.nameContains.replace(/[%_]/g, '')}%`}`);
  if (f.pinyinPrefix) conds.push(pinyinStartsWith('v.name_pinyin', 'v.name_initials', f.pinyinPrefix));
  if (f.phoneTail) conds.push(sql<SqlBool>`v.phone like ${`%${f.phoneTail}`}`);
  if ('unitId' in bound) conds.push(sql<SqlBool>`v.unit_id = ${bound.unitId}`);
  if ('teamId' in bound) {
    conds.push(
      sql<SqlBool>`exists (select 1 from team_member tm where tm.community_id = v.community_id
        and tm.volunteer_id = v.id and tm.team_id = ${bound.teamId} and tm.status = ${'active'})`,
    );
  }
  if ('none' in bound) conds.push(sql<SqlBool>`1 = 0`);
  return sql<SqlBool>`(${sql.join(conds, sql` and `)})`;
}

export async function poolPage(
  db: DbOrTrx,
  communityId: string,
  bound: VolunteerBound,
  f: PoolFilter,
  page: number,
  pageSize: number,
) {
  const offset = (page - 1) * pageSize;
  // With a pinyin prefix, or with no skill filter (the pool as it opens), the page walks the volunteers in pinyin
  // order (volunteer_pinyin_ix) and stops at its last row; the total is counted apart. count(*) over () on the page
  // made the database join, group and sort the whole pool on every page (40 ms on PostgreSQL on the Xiguan demo).
  if (f.pinyinPrefix || !hasSkillFilter(f)) {
    const base = poolByPinyin(db, communityId, bound, f);
    const rows = await base
      .leftJoin('unit as u', (j) => j.onRef('u.community_id', '=', 'v.community_id').onRef('u.id', '=', 'v.unit_id'))
      .select(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'u.name as unit_name'])
      .orderBy('v.name_pinyin')
      .orderBy('v.id')
      .limit(pageSize)
      .offset(offset)
      .execute();
    if (page === 1 && rows.length < pageSize) return { total: rows.length, rows };
    return { total: Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n), rows };
  }
  // With a skill filter the few volunteers who have it come from volunteer_skill; the total rides on the page as
  // count(*) over () (one statement), and only a page past the end, which has no row to carry it, is counted apart.
  const total = sql<number | string>`count(*) over ()`.as('total');
  const base = poolBase(db, communityId, bound, f);
  // A volunteer with two matching skills joins twice: grouped, count(*) over the groups counts volunteers.
  const rows = await base
    .leftJoin('unit as u', (j) => j.onRef('u.community_id', '=', 'v.community_id').onRef('u.id', '=', 'v.unit_id'))
    .select(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'u.name as unit_name', total])
    .groupBy(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'u.name'])
    .orderBy('v.name_pinyin')
    .orderBy('v.id')
    .limit(pageSize)
    .offset(offset)
    .execute();
  if (rows.length || page === 1) return { total: Number(rows[0]?.total ?? 0), rows };
  return {
    total: Number((await base.select(sql<number>`count(distinct s.volunteer_id)`.as('n')).executeTakeFirstOrThrow()).n),
    rows,
  };
}

/** Approved volunteers per category, inside the reader's bound (a volunteer counts once per category). */
export async function categoryCounts(db: DbOrTrx, communityId: string, bound: VolunteerBound, today: string) {
  return poolBase(db, communityId, bound, { today })
    .select(['s.category', sql<number>`count(distinct s.volunteer_id)`.as('n')])
    .groupBy('s.category')
    .execute();
}
