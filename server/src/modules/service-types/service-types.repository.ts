// All SQL of service types, and the set-based loading of the facts eligibility needs: one query per kind
// of fact (volunteers, certificates, covers, slots, blackouts, skills), never one per volunteer.
import type { SelectQueryBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database, ServiceTypeTable } from '../../db/schema/index.ts';
import { DEFAULT_AGE_POLICY, type Fitness, type VolunteerFacts } from '../../../../domain/volunteers/eligibility.ts';
import { bornOnOrBefore, todayInShanghai, weekdayOf } from '../../../../domain/shared/dates.ts';

export const listServiceTypes = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('service_type').selectAll().where('community_id', '=', communityId).orderBy('code').execute();

export const getServiceType = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('service_type')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findByCode = (db: DbOrTrx, communityId: string, code: string) =>
  db
    .selectFrom('service_type')
    .select('id')
    .where('community_id', '=', communityId)
    .where('code', '=', code)
    .executeTakeFirst();

export const insertServiceType = (db: DbOrTrx, row: ServiceTypeTable) =>
  db.insertInto('service_type').values(row).execute();

export const updateServiceType = (db: DbOrTrx, communityId: string, id: string, set: Partial<ServiceTypeTable>) =>
  db.updateTable('service_type').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export const deleteServiceType = (db: DbOrTrx, communityId: string, id: string) =>
  db.deleteFrom('service_type').where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

type V = Database & { v: Database['volunteer'] };
/** Narrows a query joined to `volunteer as v` to the volunteers in question (ids or a scope). */
export type VolunteerRestriction = <O>(q: SelectQueryBuilder<V, 'v', O>) => SelectQueryBuilder<V, 'v', O>;

export interface FactNeeds {
  courseIds: readonly string[];
  insurance: boolean;
  date: string | null;
  skillCode: string | null;
}
type Training = VolunteerFacts['trainings'][number];
type Cover = VolunteerFacts['insurance'][number];
type Slot = VolunteerFacts['weekly'][number];
type Blackout = VolunteerFacts['blackouts'][number];
/** One volunteer's facts. Lists start as the shared NONE and get their own array on the first item, which
 *  keeps 10,000 volunteers from costing 50,000 empty arrays. */
export interface FactRow extends VolunteerFacts {
  id: string;
  trainings: Training[];
  insurance: Cover[];
  weekly: Slot[];
  blackouts: Blackout[];
  skills: string[];
}
const NONE: never[] = Object.freeze([]) as unknown as never[];
function add<K extends 'trainings' | 'insurance' | 'weekly' | 'blackouts' | 'skills'>(
  f: FactRow | undefined,
  key: K,
  item: FactRow[K][number],
) {
  if (!f) return;
  if (f[key] === NONE) f[key] = [] as FactRow[K];
  (f[key] as Array<FactRow[K][number]>).push(item);
}

export async function loadFacts(
  db: DbOrTrx,
  communityId: string,
  restrict: VolunteerRestriction | 'all',
  needs: FactNeeds,
): Promise<Map<string, FactRow>> {
  const volunteers = () => {
    const q = db.selectFrom('volunteer as v').where('v.community_id', '=', communityId);
    return (restrict === 'all' ? q : restrict(q as any)) as SelectQueryBuilder<any, any, object>;
  };
  // Facts are read from their own tables; for a narrower set than the whole community they are limited by a
  // semi-join on the same volunteer query, so each kind of fact is still one statement. Rows and columns are
  // the cost (a screen checks 10,000 volunteers), so each query reads only what the task's date can use.
  const facts = (table: string, alias: string) => {
    const q = (db as any).selectFrom(`${table} as ${alias}`).where(`${alias}.community_id`, '=', communityId);
    return restrict === 'all' ? q : q.where(`${alias}.volunteer_id`, 'in', volunteers().select('v.id'));
  };
  const weekday = needs.date ? weekdayOf(needs.date) : null;
  // In name order (the screens list them so); names themselves are read later, for one page only.
  // Sent together with the facts below (one round trip, not two); the facts are applied once it is in.
  const rowsRead = volunteers()
    .select(['v.id', 'v.status', 'v.birth_date', 'v.fitness'])
    .orderBy('v.name_pinyin')
    .orderBy('v.id')
    .execute() as Promise<Array<{ id: string; status: string; birth_date: string; fitness: string }>>;
  const out = new Map<string, FactRow>();
  const volunteersIn = rowsRead.then((rows) => {
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        status: r.status,
        birthDate: r.birth_date,
        fitness: r.fitness as Fitness,
        hasGuardianConsent: false,
        trainings: NONE,
        insurance: NONE,
        weekly: NONE,
        blackouts: NONE,
        skills: NONE,
        statesWeekly: weekday ? false : undefined,
      });
    }
  });
  // Each fact query's rows are applied only once the volunteers are in (a fact of no volunteer read is dropped).
  const after = <R>(rows: R) => volunteersIn.then(() => rows);
  const jobs: Promise<void>[] = [volunteersIn];
  // A guardian only matters for a minor on the task's day; adults' guardians (from when they registered young)
  // are not read.
  const adultBornBy = bornOnOrBefore(DEFAULT_AGE_POLICY.guardianUnder, needs.date ?? todayInShanghai());
  jobs.push(
    facts('volunteer_guardian', 'g')
      .where('g.volunteer_id', 'in', volunteers().where('v.birth_date', '>', adultBornBy).select('v.id'))
      // Only consent the guardian confirmed (or a paper form staff recorded) and has not withdrawn.
      .where('g.state', '=', 'confirmed')
      .select('g.volunteer_id')
      .execute()
      .then(after)
      .then((rs: any[]) => {
        for (const g of rs) {
          const f = out.get(g.volunteer_id);
          if (f) f.hasGuardianConsent = true;
        }
      }),
  );
  if (needs.courseIds.length) {
    jobs.push(
      facts('training_certificate', 't')
        .where('t.course_id', 'in', [...needs.courseIds])
        .select(['t.volunteer_id', 't.course_id', 't.expires_on'])
        .execute()
        .then(after)
        .then((rs: any[]) => {
          for (const t of rs)
            add(out.get(t.volunteer_id), 'trainings', { courseId: t.course_id, expiresOn: t.expires_on });
        }),
    );
  }
  if (needs.insurance) {
    // A community has a handful of policies: read them once, then only which volunteer each covers.
    jobs.push(
      (async () => {
        let pq = db
          .selectFrom('insurance_policy')
          .select(['id', 'starts_on', 'ends_on', 'min_age', 'max_age'])
          .where('community_id', '=', communityId);
        if (needs.date) pq = pq.where('starts_on', '<=', needs.date).where('ends_on', '>=', needs.date);
        const policies = new Map(
          (await pq.execute()).map((p) => [
            p.id,
            { startsOn: p.starts_on, endsOn: p.ends_on, minAge: p.min_age, maxAge: p.max_age },
          ]),
        );
        if (!policies.size) return;
        const rs = await facts('insurance_cover', 'c')
          .where('c.policy_id', 'in', [...policies.keys()])
          .select(['c.volunteer_id', 'c.policy_id'])
          .execute()
          .then(after);
        for (const c of rs) add(out.get(c.volunteer_id), 'insurance', policies.get(c.policy_id)!);
      })(),
    );
  }
  if (weekday) {
    // Slots of the task's weekday, and who has stated any slot at all (no slots means "any time").
    jobs.push(
      facts('availability_slot', 's')
        .select('s.volunteer_id')
        .distinct()
        .execute()
        .then(after)
        .then((rs: any[]) => {
          for (const s of rs) {
            const f = out.get(s.volunteer_id);
            if (f) f.statesWeekly = true;
          }
        }),
    );
    jobs.push(
      facts('availability_slot', 's')
        .where('s.weekday', '=', weekday)
        .select(['s.volunteer_id', 's.start_minute', 's.end_minute'])
        .execute()
        .then(after)
        .then((rs: any[]) => {
          for (const s of rs)
            add(out.get(s.volunteer_id), 'weekly', { weekday, startMinute: s.start_minute, endMinute: s.end_minute });
        }),
    );
    jobs.push(
      facts('availability_blackout', 'b')
        .where('b.from_date', '<=', needs.date)
        .where('b.to_date', '>=', needs.date)
        .select(['b.volunteer_id', 'b.from_date', 'b.to_date'])
        .execute()
        .then(after)
        .then((rs: any[]) => {
          for (const b of rs) add(out.get(b.volunteer_id), 'blackouts', { fromDate: b.from_date, toDate: b.to_date });
        }),
    );
  }
  if (needs.skillCode) {
    const on = needs.date ?? todayInShanghai();
    const q = facts('volunteer_skill', 'k')
      .where('k.skill_code', '=', needs.skillCode)
      .select(['k.volunteer_id', 'k.skill_code', 'k.licence_expires_on']);
    jobs.push(
      q
        .execute()
        .then(after)
        .then((rs: any[]) => {
          // A skill whose licence has run out does not count.
          for (const k of rs)
            if (!k.licence_expires_on || !on || k.licence_expires_on >= on)
              add(out.get(k.volunteer_id), 'skills', k.skill_code);
        }),
    );
  }
  await Promise.all(jobs);
  return out;
}

/** Names of one page of volunteers. */
export const namesOf = (db: DbOrTrx, communityId: string, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('volunteer')
        .select(['id', 'name'])
        .where('community_id', '=', communityId)
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

/** The resident a piece of work serves: birth date and household (is it an adult outside the volunteer's family). */
export async function residentFacts(db: DbOrTrx, communityId: string, residentId: string) {
  const r = await db
    .selectFrom('resident')
    .select(['birth_date', 'household_id'])
    .where('community_id', '=', communityId)
    .where('id', '=', residentId)
    .executeTakeFirst();
  return r ? { birthDate: r.birth_date, householdId: r.household_id } : null;
}

/** The households volunteers live in, for those registered as residents. */
export async function householdsOfVolunteers(db: DbOrTrx, communityId: string, ids: readonly string[]) {
  const rows = await db
    .selectFrom('volunteer as v')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
    )
    .select(['v.id', 'r.household_id'])
    .where('v.community_id', '=', communityId)
    .where('v.id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.household_id]));
}
