// All SQL of service types, and the set-based loading of the facts eligibility needs: one query per kind
// of fact (volunteers, certificates, covers, slots, blackouts, skills), never one per volunteer; for a few
// volunteers, one query for every kind (factsOfFew).
import { sql, type SelectQueryBuilder } from 'kysely';
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

/** A volunteer's facts before any list is read: no guardian's consent, empty lists, and (when the task has a
 *  day) no week stated. */
function factRow(id: string, status: string, birthDate: string, fitness: string, weekday: number | null): FactRow {
  return {
    id,
    status,
    birthDate,
    fitness: fitness as Fitness,
    hasGuardianConsent: false,
    trainings: NONE,
    insurance: NONE,
    weekly: NONE,
    blackouts: NONE,
    skills: NONE,
    statesWeekly: weekday ? false : undefined,
  };
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
      out.set(r.id, factRow(r.id, r.status, r.birth_date, r.fitness, weekday));
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

/** Up to this many volunteers, their facts are read in one statement (`factsOfFew`). */
export const FEW_VOLUNTEERS = 16;

/**
 * The facts of these volunteers (unknown ids are left out), the same as `loadFacts` gives for them. A sign-up or
 * an assignment checks one volunteer or a few: their facts come in one statement, a branch per kind of fact, not
 * one statement per kind, because on PostgreSQL each is a round trip and at the peak each waits its turn.
 */
export function loadFactsOf(db: DbOrTrx, communityId: string, ids: readonly string[], needs: FactNeeds) {
  const unique = [...new Set(ids)];
  if (unique.length > FEW_VOLUNTEERS) return loadFacts(db, communityId, (q) => q.where('v.id', 'in', unique), needs);
  return factsOfFew(db, communityId, unique, needs);
}

/** One row of `factsOfFew`: which kind of fact, whose, and up to three texts and two numbers. */
interface FactLine {
  kind: 'v' | 'g' | 't' | 'i' | 's' | 'b' | 'k';
  vid: string;
  t1: string | null;
  t2: string | null;
  t3: string | null;
  n1: number | null;
  n2: number | null;
}

/** `loadFacts` as one statement, for a few volunteers named by id; the branches read what its queries read. */
export async function factsOfFew(
  db: DbOrTrx,
  communityId: string,
  ids: readonly string[],
  needs: FactNeeds,
): Promise<Map<string, FactRow>> {
  const out = new Map<string, FactRow>();
  if (!ids.length) return out;
  const idList = sql.join(ids.map((id) => sql`${id}`));
  const mine = (alias: string) =>
    sql`${sql.ref(`${alias}.community_id`)} = ${communityId} and ${sql.ref(`${alias}.volunteer_id`)} in (${idList})`;
  const weekday = needs.date ? weekdayOf(needs.date) : null;
  const adultBornBy = bornOnOrBefore(DEFAULT_AGE_POLICY.guardianUnder, needs.date ?? todayInShanghai());
  // The first branch names the columns and, on PostgreSQL, sets their types (a bare null would be text).
  const branches = [
    sql`select 'v' as kind, v.id as vid, v.status as t1, v.birth_date as t2, v.fitness as t3,
          cast(null as integer) as n1, cast(null as integer) as n2
        from volunteer v where v.community_id = ${communityId} and v.id in (${idList})`,
    // A guardian only matters for a minor on the task's day; only consent confirmed and not withdrawn.
    sql`select 'g', g.volunteer_id, null, null, null, null, null from volunteer_guardian g
        join volunteer young on young.community_id = g.community_id and young.id = g.volunteer_id
        where ${mine('g')} and g.state = 'confirmed' and young.birth_date > ${adultBornBy}`,
  ];
  if (needs.courseIds.length)
    branches.push(sql`select 't', t.volunteer_id, t.course_id, t.expires_on, null, null, null
        from training_certificate t
        where ${mine('t')} and t.course_id in (${sql.join(needs.courseIds.map((c) => sql`${c}`))})`);
  if (needs.insurance)
    branches.push(sql`select 'i', c.volunteer_id, p.starts_on, p.ends_on, null, p.min_age, p.max_age
        from insurance_cover c join insurance_policy p on p.community_id = c.community_id and p.id = c.policy_id
        where ${mine('c')}
          ${needs.date ? sql`and p.starts_on <= ${needs.date} and p.ends_on >= ${needs.date}` : sql``}`);
  if (weekday) {
    // Every slot: any at all means the volunteer states a week; those of the task's weekday are the week.
    const onTheDay = sql`s.weekday = ${weekday}`;
    branches.push(sql`select 's', s.volunteer_id, null, null, null,
          case when ${onTheDay} then s.start_minute end, case when ${onTheDay} then s.end_minute end
        from availability_slot s where ${mine('s')}`);
    branches.push(sql`select 'b', b.volunteer_id, b.from_date, b.to_date, null, null, null
        from availability_blackout b
        where ${mine('b')} and b.from_date <= ${needs.date} and b.to_date >= ${needs.date}`);
  }
  if (needs.skillCode)
    branches.push(sql`select 'k', k.volunteer_id, k.skill_code, k.licence_expires_on, null, null, null
        from volunteer_skill k where ${mine('k')} and k.skill_code = ${needs.skillCode}`);
  const { rows } = await sql<FactLine>`${sql.join(branches, sql` union all `)}`.execute(db);
  // The volunteers first, so that a fact of no volunteer read is dropped, as in `loadFacts`.
  for (const r of rows) {
    if (r.kind !== 'v') continue;
    out.set(r.vid, factRow(r.vid, r.t1!, r.t2!, r.t3!, weekday));
  }
  const on = needs.date ?? todayInShanghai();
  for (const r of rows) {
    const f = r.kind === 'v' ? undefined : out.get(r.vid);
    if (!f) continue;
    if (r.kind === 'g') f.hasGuardianConsent = true;
    else if (r.kind === 't') add(f, 'trainings', { courseId: r.t1!, expiresOn: r.t2 });
    else if (r.kind === 'i') add(f, 'insurance', { startsOn: r.t1!, endsOn: r.t2!, minAge: r.n1, maxAge: r.n2 });
    else if (r.kind === 's') {
      f.statesWeekly = true;
      if (r.n1 !== null) add(f, 'weekly', { weekday: weekday!, startMinute: r.n1, endMinute: r.n2! });
    } else if (r.kind === 'b') add(f, 'blackouts', { fromDate: r.t1!, toDate: r.t2! });
    // A skill whose licence has run out does not count.
    else if (r.kind === 'k' && (!r.t2 || r.t2 >= on)) add(f, 'skills', r.t1!);
  }
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
