// All SQL of service types, and the set-based loading of the facts eligibility needs: one query per kind
// of fact (volunteers, certificates, covers, slots, blackouts, skills), never one per volunteer.
import type { SelectQueryBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database, ServiceTypeTable } from '../../db/schema.ts';
import type { Fitness, VolunteerFacts } from '../../../../domain/volunteers/eligibility.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';

export const listServiceTypes = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('service_type').selectAll().where('community_id', '=', communityId).orderBy('code').execute();

export const getServiceType = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('service_type').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

export const findByCode = (db: DbOrTrx, communityId: string, code: string) =>
  db.selectFrom('service_type').select('id').where('community_id', '=', communityId).where('code', '=', code).executeTakeFirst();

export const insertServiceType = (db: DbOrTrx, row: ServiceTypeTable) => db.insertInto('service_type').values(row).execute();

export const updateServiceType = (db: DbOrTrx, communityId: string, id: string, set: Partial<ServiceTypeTable>) =>
  db.updateTable('service_type').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export const deleteServiceType = (db: DbOrTrx, communityId: string, id: string) =>
  db.deleteFrom('service_type').where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

type V = Database & { v: Database['volunteer'] };
/** Narrows a query joined to `volunteer as v` to the volunteers in question (ids or a scope). */
export type VolunteerRestriction = <O>(q: SelectQueryBuilder<V, 'v', O>) => SelectQueryBuilder<V, 'v', O>;

export interface FactNeeds { courseIds: readonly string[]; insurance: boolean; date: string | null; skillCode: string | null }
export interface FactRow { id: string; name: string; namePinyin: string; facts: VolunteerFacts & { trainings: Array<{ courseId: string; expiresOn: string | null }> } }

export async function loadFacts(db: DbOrTrx, communityId: string, restrict: VolunteerRestriction | 'all', needs: FactNeeds): Promise<Map<string, FactRow>> {
  const volunteers = () => {
    const q = db.selectFrom('volunteer as v').where('v.community_id', '=', communityId);
    return (restrict === 'all' ? q : restrict(q as any)) as SelectQueryBuilder<any, any, {}>;
  };
  // Facts are read from their own tables; for a narrower set than the whole community they are limited by a
  // semi-join on the same volunteer query, so each kind of fact is still one statement.
  const facts = (table: string, alias: string) => {
    const q = (db as any).selectFrom(`${table} as ${alias}`).where(`${alias}.community_id`, '=', communityId);
    return restrict === 'all' ? q : q.where(`${alias}.volunteer_id`, 'in', volunteers().select('v.id'));
  };
  const rows = await volunteers()
    .leftJoin('volunteer_guardian as g', (j: any) => j.onRef('g.community_id', '=', 'v.community_id').onRef('g.volunteer_id', '=', 'v.id'))
    .select(['v.id', 'v.name', 'v.name_pinyin', 'v.status', 'v.birth_date', 'v.fitness', 'g.volunteer_id as guardian'])
    .execute() as Array<{ id: string; name: string; name_pinyin: string; status: string; birth_date: string; fitness: string; guardian: string | null }>;
  const out = new Map<string, FactRow>();
  for (const r of rows) {
    out.set(r.id, { id: r.id, name: r.name, namePinyin: r.name_pinyin, facts: {
      status: r.status, birthDate: r.birth_date, fitness: r.fitness as Fitness, hasGuardianConsent: r.guardian !== null,
      trainings: [], insurance: [], weekly: [], blackouts: [], skills: [],
    } });
  }
  if (!out.size) return out;
  const jobs: Promise<void>[] = [];
  if (needs.courseIds.length) {
    jobs.push(facts('training_certificate', 't').where('t.course_id', 'in', [...needs.courseIds]).select(['t.volunteer_id', 't.course_id', 't.expires_on']).execute()
      .then((rs: any[]) => { for (const t of rs) out.get(t.volunteer_id)?.facts.trainings.push({ courseId: t.course_id, expiresOn: t.expires_on }); }));
  }
  if (needs.insurance) {
    let q = facts('insurance_cover', 'c')
      .innerJoin('insurance_policy as p', (j: any) => j.onRef('p.community_id', '=', 'c.community_id').onRef('p.id', '=', 'c.policy_id'))
      .select(['c.volunteer_id', 'p.starts_on', 'p.ends_on', 'p.min_age', 'p.max_age']);
    if (needs.date) q = q.where('p.starts_on', '<=', needs.date).where('p.ends_on', '>=', needs.date);
    jobs.push(q.execute().then((rs: any[]) => {
      for (const c of rs) (out.get(c.volunteer_id)?.facts.insurance as any[] | undefined)?.push({ startsOn: c.starts_on, endsOn: c.ends_on, minAge: c.min_age, maxAge: c.max_age });
    }));
  }
  if (needs.date) {
    jobs.push(facts('availability_slot', 's').select(['s.volunteer_id', 's.weekday', 's.start_minute', 's.end_minute']).execute()
      .then((rs: any[]) => { for (const s of rs) (out.get(s.volunteer_id)?.facts.weekly as any[] | undefined)?.push({ weekday: s.weekday, startMinute: s.start_minute, endMinute: s.end_minute }); }));
    jobs.push(facts('availability_blackout', 'b').where('b.from_date', '<=', needs.date).where('b.to_date', '>=', needs.date).select(['b.volunteer_id', 'b.from_date', 'b.to_date']).execute()
      .then((rs: any[]) => { for (const b of rs) (out.get(b.volunteer_id)?.facts.blackouts as any[] | undefined)?.push({ fromDate: b.from_date, toDate: b.to_date }); }));
  }
  if (needs.skillCode) {
    const on = needs.date ?? todayInShanghai();
    const q = facts('volunteer_skill', 'k').where('k.skill_code', '=', needs.skillCode).select(['k.volunteer_id', 'k.skill_code', 'k.licence_expires_on']);
    jobs.push(q.execute().then((rs: any[]) => {
      // A skill whose licence has run out does not count.
      for (const k of rs) if (!k.licence_expires_on || !on || k.licence_expires_on >= on) (out.get(k.volunteer_id)?.facts.skills as string[] | undefined)?.push(k.skill_code);
    }));
  }
  await Promise.all(jobs);
  return out;
}
