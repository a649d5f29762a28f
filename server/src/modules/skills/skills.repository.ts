// Skills rows and the skills pool search. The pool query starts from volunteer_skill with the community and
// a skill code or a category, so it walks (community_id, skill_code) or (community_id, category).
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { VolunteerSkillTable } from '../../db/schema.ts';

/** Which volunteers a reader may see: the whole community, one unit, one team, or nobody. */
export type VolunteerBound = { all: true } | { unitId: string } | { teamId: string } | { none: true };

export interface PoolFilter {
  category?: string; skill?: string; level?: string; licenceValid?: boolean; today: string;
  nameContains?: string; pinyinPrefix?: string; phoneTail?: string;
}

export async function findSkill(db: DbOrTrx, communityId: string, volunteerId: string, code: string) {
  return db.selectFrom('volunteer_skill').selectAll().where('community_id', '=', communityId).where('volunteer_id', '=', volunteerId)
    .where('skill_code', '=', code).executeTakeFirst();
}

export async function insertSkill(db: DbOrTrx, row: VolunteerSkillTable) {
  await db.insertInto('volunteer_skill').values(row).execute();
}

export async function updateSkill(db: DbOrTrx, communityId: string, volunteerId: string, code: string, set: Partial<Pick<VolunteerSkillTable, 'level' | 'licence_no' | 'licence_expires_on'>>) {
  await db.updateTable('volunteer_skill').set(set).where('community_id', '=', communityId).where('volunteer_id', '=', volunteerId).where('skill_code', '=', code).execute();
}

export async function deleteSkill(db: DbOrTrx, communityId: string, volunteerId: string, code: string) {
  const r = await db.deleteFrom('volunteer_skill').where('community_id', '=', communityId).where('volunteer_id', '=', volunteerId).where('skill_code', '=', code).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function skillsOf(db: DbOrTrx, communityId: string, volunteerIds: string[]) {
  if (!volunteerIds.length) return [];
  return db.selectFrom('volunteer_skill').selectAll().where('community_id', '=', communityId).where('volunteer_id', 'in', volunteerIds)
    .orderBy('category').orderBy('skill_code').execute();
}

/** The pool's search before paging; exported so a test can read the database's plan for it. */
export function poolBase(db: DbOrTrx, communityId: string, bound: VolunteerBound, f: PoolFilter) {
  let q = db.selectFrom('volunteer_skill as s')
    .innerJoin('volunteer as v', (j) => j.onRef('v.community_id', '=', 's.community_id').onRef('v.id', '=', 's.volunteer_id'))
    .where('s.community_id', '=', communityId).where('v.status', '=', 'approved');
  if (f.skill) q = q.where('s.skill_code', '=', f.skill);
  if (f.category) q = q.where('s.category', '=', f.category);
  if (f.level) q = q.where('s.level', '=', f.level);
  if (f.licenceValid === true) q = q.where('s.licence_expires_on', '>=', f.today);
  if (f.licenceValid === false) q = q.where('s.licence_expires_on', '<', f.today);
  if (f.nameContains) q = q.where('v.name', 'like', `%${f.nameContains.replace(/[%_]/g, '')}%`);
  if (f.pinyinPrefix) { const p = f.pinyinPrefix; q = q.where((eb) => eb.or([eb('v.name_pinyin', 'like', `${p}%`), eb('v.name_initials', 'like', `${p}%`)])); }
  if (f.phoneTail) q = q.where('v.phone', 'like', `%${f.phoneTail}`);
  if ('unitId' in bound) q = q.where('v.unit_id', '=', bound.unitId);
  if ('teamId' in bound) {
    const teamId = bound.teamId;
    q = q.where((eb) => eb.exists(eb.selectFrom('team_member as tm').select(sql<number>`1`.as('one')).whereRef('tm.community_id', '=', 's.community_id')
      .whereRef('tm.volunteer_id', '=', 's.volunteer_id').where('tm.team_id', '=', teamId).where('tm.status', '=', 'active')));
  }
  if ('none' in bound) q = q.where(sql<boolean>`1 = 0`);
  return q;
}

export async function poolPage(db: DbOrTrx, communityId: string, bound: VolunteerBound, f: PoolFilter, page: number, pageSize: number) {
  const base = poolBase(db, communityId, bound, f);
  const total = await base.select(sql<number>`count(distinct s.volunteer_id)`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('unit as u', (j) => j.onRef('u.community_id', '=', 'v.community_id').onRef('u.id', '=', 'v.unit_id'))
    .select(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'u.name as unit_name'])
    .groupBy(['v.id', 'v.name', 'v.name_pinyin', 'v.gender', 'v.birth_date', 'v.phone', 'u.name'])
    .orderBy('v.name_pinyin').orderBy('v.id').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: Number(total.n), rows };
}

/** Approved volunteers per category, inside the reader's bound (a volunteer counts once per category). */
export async function categoryCounts(db: DbOrTrx, communityId: string, bound: VolunteerBound, today: string) {
  return poolBase(db, communityId, bound, { today }).select(['s.category', sql<number>`count(distinct s.volunteer_id)`.as('n')]).groupBy('s.category').execute();
}
