// The rebuild of the record of service: contacts derived from the rows each module already keeps (needs done,
// pairing visits, bookings, home-care tasks, hospital shifts, deliveries, survey visits, classroom check-ins).
// One set-based INSERT … SELECT per kind; the unique index (kind, source, subject) makes it idempotent, so it
// runs on existing databases (migration 2026-12-05T1810) and at the end of the demo seed alike. Because that
// migration runs this file as it is today, read only columns that exist by 2026-12-05T1810: a column added later
// would break a fresh database's migrations.
//
// Badge returns and the residents an activity served have no other record than the contact itself: nothing
// to derive. A contact derived here has a readable id (kind:source:subject) instead of a uuidv7: the same
// work always gives the same id.
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import { CONTACT_KINDS, type ContactKind } from '../../../../domain/contacts/kinds.ts';
import { rebuildContactRollups } from './contacts.rollup.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Who served, when the source row does not say (work recorded by the office). */
const OFFICE = '社区工作人员';

/** The Shanghai (UTC+8, no summer time) date of an ISO instant column. */
function localDay(pg: boolean, col: string): RawBuilder<string> {
  return pg
    ? sql<string>`to_char((${sql.ref(col)})::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${sql.ref(col)}, '+8 hours')`;
}

const contactId = (kind: ContactKind, source: string, subject: Expression<string> | RawBuilder<string>) =>
  sql<string>`${sql.lit(`${kind}:`)} || ${sql.ref(source)} || ${sql.lit(':')} || ${subject}`;

/** SQLite reads `INSERT … SELECT … FROM t ON CONFLICT` as a join's ON unless the SELECT has a WHERE. */
const ALWAYS = sql<boolean>`1 = 1`;

const COLUMNS = [
  'community_id',
  'id',
  'kind',
  'resident_id',
  'household_id',
  'occurred_on',
  'occurred_at',
  'volunteer_id',
  'served_by',
  'source_id',
  'subject_id',
  'created_at',
] as const;

/**
 * Derives the contacts of every source from existing rows (of one community, or all). Returns how many contacts
 * each kind gained; a second run gains none.
 */
export async function rebuildContacts(
  db: Db,
  communityId?: string,
  now = new Date(),
  /** false: leave the per-subject rollups alone (the migration that runs before they exist; a caller doing it). */
  { rollups = true } = {},
): Promise<Record<ContactKind, number>> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const at = sql.lit(now.toISOString());
  const nowIso = now.toISOString();
  const text = (v: string | null) => (v === null ? sql<string | null>`cast(null as text)` : sql.lit(v));
  const kindLit = (k: ContactKind) => sql.lit(k);

  const doneDay = localDay(pg, 't.done_at');
  const early = sql<boolean>`${sql.ref('t.due_on')} < ${doneDay}`;
  const queries = {
    need: db
      .selectFrom('need as n')
      .leftJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'n.community_id').onRef('v.id', '=', 'n.volunteer_id'),
      )
      .where('n.status', 'in', ['done', 'reviewed'])
      .where('n.done_at', 'is not', null)
      .select([
        'n.community_id',
        contactId('need', 'n.id', sql.ref('n.resident_id')).as('id'),
        kindLit('need').as('kind'),
        'n.resident_id',
        'n.household_id',
        localDay(pg, 'n.done_at').as('occurred_on'),
        'n.done_at as occurred_at',
        'n.volunteer_id',
        sql<string>`coalesce(${sql.ref('v.name')}, ${sql.lit(OFFICE)})`.as('served_by'),
        'n.id as source_id',
        'n.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('n.community_id', '=', communityId!)),
    pairing_visit: db
      .selectFrom('pairing_visit as p')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.resident_id'),
      )
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
      )
      .where(ALWAYS)
      .select([
        'p.community_id',
        contactId('pairing_visit', 'p.id', sql.ref('p.resident_id')).as('id'),
        kindLit('pairing_visit').as('kind'),
        'p.resident_id',
        'r.household_id',
        'p.visited_on as occurred_on',
        text(null).as('occurred_at'),
        'p.volunteer_id',
        'v.name as served_by',
        'p.id as source_id',
        'p.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('p.community_id', '=', communityId!)),
    // Before attendance was recorded, a booking kept (not cancelled) whose time has passed is the best evidence.
    appointment: db
      .selectFrom('appointment_booking as b')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'b.community_id').onRef('r.id', '=', 'b.resident_id'),
      )
      .innerJoin('appointment_service as s', (j) =>
        j.onRef('s.community_id', '=', 'b.community_id').onRef('s.id', '=', 'b.service_id'),
      )
      .where('b.status', '=', 'confirmed')
      .where('b.slot_start', '<', nowIso)
      .select([
        'b.community_id',
        contactId('appointment', 'b.id', sql.ref('b.resident_id')).as('id'),
        kindLit('appointment').as('kind'),
        'b.resident_id',
        'r.household_id',
        localDay(pg, 'b.slot_start').as('occurred_on'),
        'b.slot_start as occurred_at',
        text(null).as('volunteer_id'),
        's.name as served_by',
        'b.id as source_id',
        'b.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('b.community_id', '=', communityId!)),
    // As completeTask dates it: the day it was due, or the day it was done when that came first.
    homecare_task: db
      .selectFrom('homecare_task as t')
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.resident_id'),
      )
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 't.community_id').onRef('v.id', '=', 't.volunteer_id'),
      )
      .where('t.status', '=', 'done')
      .where('t.done_at', 'is not', null)
      .select([
        't.community_id',
        contactId('homecare_task', 't.id', sql.ref('t.resident_id')).as('id'),
        kindLit('homecare_task').as('kind'),
        't.resident_id',
        'r.household_id',
        sql<string>`case when ${early} then ${sql.ref('t.due_on')} else ${doneDay} end`.as('occurred_on'),
        sql<string | null>`case when ${early} then null else ${sql.ref('t.done_at')} end`.as('occurred_at'),
        't.volunteer_id',
        'v.name as served_by',
        't.id as source_id',
        't.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('t.community_id', '=', communityId!)),
    hospital_shift: db
      .selectFrom('hospital_shift as f')
      .innerJoin('hospital_stay as s', (j) =>
        j.onRef('s.community_id', '=', 'f.community_id').onRef('s.id', '=', 'f.stay_id'),
      )
      .innerJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 's.community_id').onRef('r.id', '=', 's.resident_id'),
      )
      .innerJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.volunteer_id'),
      )
      .where('f.status', '=', 'done')
      .select([
        'f.community_id',
        contactId('hospital_shift', 'f.id', sql.ref('s.resident_id')).as('id'),
        kindLit('hospital_shift').as('kind'),
        's.resident_id',
        'r.household_id',
        localDay(pg, 'f.starts_at').as('occurred_on'),
        'f.starts_at as occurred_at',
        'f.volunteer_id',
        'v.name as served_by',
        'f.id as source_id',
        's.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('f.community_id', '=', communityId!)),
    delivery: db
      .selectFrom('delivery_recipient as d')
      .leftJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'd.community_id').onRef('v.account_id', '=', 'd.confirmed_by'),
      )
      .where('d.status', '=', 'delivered')
      .where('d.confirmed_at', 'is not', null)
      .select([
        'd.community_id',
        contactId('delivery', 'd.run_id', sql.ref('d.resident_id')).as('id'),
        kindLit('delivery').as('kind'),
        'd.resident_id',
        'd.household_id',
        localDay(pg, 'd.confirmed_at').as('occurred_on'),
        'd.confirmed_at as occurred_at',
        'v.id as volunteer_id',
        sql<string>`coalesce(${sql.ref('d.confirmed_by_name')}, ${sql.lit(OFFICE)})`.as('served_by'),
        'd.run_id as source_id',
        'd.resident_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('d.community_id', '=', communityId!)),
    survey_visit: db
      .selectFrom('survey_visit as s')
      .where(ALWAYS)
      .select([
        's.community_id',
        contactId('survey_visit', 's.id', sql.ref('s.household_id')).as('id'),
        kindLit('survey_visit').as('kind'),
        text(null).as('resident_id'),
        's.household_id',
        's.visited_on as occurred_on',
        text(null).as('occurred_at'),
        text(null).as('volunteer_id'),
        's.visitor_name as served_by',
        's.id as source_id',
        's.household_id as subject_id',
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('s.community_id', '=', communityId!)),
    // For the child's household (a household-level contact), once per session however many of its children came.
    classroom_session: db
      .selectFrom('classroom_attendance as a')
      .innerJoin('classroom_child as c', (j) =>
        j.onRef('c.community_id', '=', 'a.community_id').onRef('c.id', '=', 'a.child_id'),
      )
      .innerJoin('classroom_session as s', (j) =>
        j.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.session_id'),
      )
      .leftJoin('resident as r', (j) =>
        j.onRef('r.community_id', '=', 'c.community_id').onRef('r.id', '=', 'c.resident_id'),
      )
      .leftJoin('volunteer as v', (j) =>
        j.onRef('v.community_id', '=', 'a.community_id').onRef('v.account_id', '=', 'a.checked_in_by'),
      )
      .where('a.checked_in_at', 'is not', null)
      .where(sql<boolean>`coalesce(${sql.ref('c.household_id')}, ${sql.ref('r.household_id')}) is not null`)
      .select([
        'a.community_id',
        contactId(
          'classroom_session',
          'a.session_id',
          sql<string>`coalesce(${sql.ref('c.household_id')}, ${sql.ref('r.household_id')})`,
        ).as('id'),
        kindLit('classroom_session').as('kind'),
        text(null).as('resident_id'),
        sql<string>`coalesce(${sql.ref('c.household_id')}, ${sql.ref('r.household_id')})`.as('household_id'),
        's.date as occurred_on',
        'a.checked_in_at as occurred_at',
        'v.id as volunteer_id',
        sql<string>`coalesce(${sql.ref('a.checked_in_by_name')}, ${sql.lit(OFFICE)})`.as('served_by'),
        'a.session_id as source_id',
        sql<string>`coalesce(${sql.ref('c.household_id')}, ${sql.ref('r.household_id')})`.as('subject_id'),
        at.as('created_at'),
      ])
      .$if(!!communityId, (q) => q.where('a.community_id', '=', communityId!)),
  };

  const gained = Object.fromEntries(CONTACT_KINDS.map((k) => [k, 0])) as Record<ContactKind, number>;
  // In the order of CONTACT_KINDS; a kind without a source table is left at zero.
  const sources = queries as Partial<Record<ContactKind, Expression<unknown>>>;
  for (const kind of CONTACT_KINDS) {
    const q = sources[kind];
    if (!q) continue;
    const r = await db
      .insertInto('contact')
      .columns([...COLUMNS])
      .expression(q as never)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    gained[kind] = Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  // Contacts written here bypass ContactService: its rollups, which the monitor reads, are computed again.
  if (rollups && Object.values(gained).some((n) => n > 0)) await rebuildContactRollups(db, communityId);
  return gained;
}
