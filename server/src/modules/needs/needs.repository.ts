// All SQL of needs, their events and the household survey.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import { givenFields, prepared } from '../../db/prepared.ts';
import type { NeedEventTable, NeedTable, SurveyNeedTable, SurveyVisitTable } from '../../db/schema/index.ts';
import { OPEN_NEED_STATUSES, type NeedQuery } from '../../../../domain/needs/needs.ts';

export const getNeed = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('need').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

export const insertNeed = (db: DbOrTrx, row: NeedTable) => db.insertInto('need').values(row).execute();
export const insertEvent = (db: DbOrTrx, row: NeedEventTable) => db.insertInto('need_event').values(row).execute();

/** Moves a need only if it is still in the status the caller saw: two staff acting at once cannot both win. */
export async function moveNeed(
  db: DbOrTrx,
  communityId: string,
  id: string,
  from: string,
  set: Partial<NeedTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('need')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NeedListFilter extends Omit<NeedQuery, 'page' | 'pageSize'> {
  gridOnly?: string | null;
  residentIds?: readonly string[];
}

/**
 * The list's filter as its queries take it: 'open' (a set of statuses) as a flag of its own, for the queries are
 * compiled once per shape (prepared), and a shape knows only which fields are given, never their values.
 */
type ShapedFilter = Omit<NeedListFilter, 'status'> & { status?: string; openOnly?: true };
function shaped(f: NeedListFilter): ShapedFilter {
  const { status, ...rest } = givenFields(f);
  return status === 'open' ? { ...rest, openOnly: true } : status ? { ...rest, status } : rest;
}

function filtered(db: DbOrTrx, communityId: string, f: ShapedFilter) {
  let q = db.selectFrom('need as n').where('n.community_id', '=', communityId);
  if (f.gridOnly) q = q.where('n.grid_id', '=', f.gridOnly);
  if (f.gridId) q = q.where('n.grid_id', '=', f.gridId);
  if (f.openOnly) q = q.where('n.status', 'in', [...OPEN_NEED_STATUSES]);
  else if (f.status) q = q.where('n.status', '=', f.status);
  if (f.category) q = q.where('n.category', '=', f.category);
  if (f.urgency) q = q.where('n.urgency', '=', f.urgency);
  if (f.channel) q = q.where('n.channel', '=', f.channel);
  if (f.residentId) q = q.where('n.resident_id', '=', f.residentId);
  if (f.volunteerId) q = q.where('n.volunteer_id', '=', f.volunteerId);
  if (f.residentIds)
    q = f.residentIds.length ? q.where('n.resident_id', 'in', [...f.residentIds]) : q.where(sql<boolean>`1 = 0`);
  return q;
}

/**
 * The list's order: emergencies first, then urgent, then the rest. Word for word the expression of
 * need_list_order_ix (migration 2026-12-09T0210_need_list_order): change both or neither database uses the index.
 */
const URGENCY_RANK = sql`case n.urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end`;
/** The same order over the page's rows (ordered again after their joins), without carrying the rank in each row. */
const PAGE_URGENCY_RANK = sql`case p.urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end`;

/**
 * One page, emergencies first, then the longest waiting, and how many match. The page is cut from the need table
 * alone, in the order of need_list_order_ix (community, urgency rank, created_at, id), so the database reads only
 * the page's rows and sorts nothing; then only its rows are joined to their resident's and volunteer's names. The
 * total is counted apart (a short first page is the whole result).
 */
export async function listNeeds(db: DbOrTrx, communityId: string, f: NeedListFilter, page: number, pageSize: number) {
  const shape = shaped(f);
  const rows = (await needPage(db, communityId, shape, pageSize, (page - 1) * pageSize)).rows;
  const total =
    page === 1 && rows.length < pageSize ? rows.length : Number((await needCount(db, communityId, shape)).rows[0]!.n);
  // The rows as the database gave them: leaving a column out with `{ rank, ...rest }` copied each row on a slow path
  // of V8's, a fifth of the list's time.
  return { total, rows };
}

// Built and compiled once per filter shape (a list with resident ids is built each time: prepared takes no arrays).
const needPage = prepared((db, communityId: string, f: ShapedFilter, limit: number, offset: number) => {
  const pageOf = filtered(db, communityId, f)
    .selectAll('n')
    .orderBy(URGENCY_RANK)
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(limit)
    .offset(offset);
  return db
    .selectFrom(pageOf.as('p'))
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.resident_id'),
    )
    .leftJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
    )
    .selectAll('p')
    .select(['r.name as resident_name', 'v.name as volunteer_name'])
    .orderBy(PAGE_URGENCY_RANK)
    .orderBy('p.created_at')
    .orderBy('p.id');
});
const needCount = prepared((db, communityId: string, f: ShapedFilter) =>
  filtered(db, communityId, f).select((eb) => eb.fn.countAll<number>().as('n')),
);

export const eventsOf = (db: DbOrTrx, communityId: string, needId: string) =>
  db
    .selectFrom('need_event')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('need_id', '=', needId)
    .orderBy('at')
    .orderBy('id')
    .execute();

export async function openCountsOf(db: DbOrTrx, communityId: string, residentIds: readonly string[]) {
  if (!residentIds.length) return new Map<string, number>();
  const rows = await db
    .selectFrom('need')
    .select(['resident_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('resident_id', 'in', [...residentIds])
    .where('status', 'in', [...OPEN_NEED_STATUSES])
    .groupBy('resident_id')
    .execute();
  return new Map(rows.map((r) => [r.resident_id, Number(r.n)]));
}

/** Timings of needs taken in a period, for time-to-match and time-to-done. */
export const timingsSince = (db: DbOrTrx, communityId: string, since: string, gridOnly: string | null) => {
  let q = db
    .selectFrom('need')
    .select(['status', 'channel', 'category', 'created_at', 'matched_at', 'done_at', 'rating'])
    .where('community_id', '=', communityId)
    .where('created_at', '>=', since);
  if (gridOnly) q = q.where('grid_id', '=', gridOnly);
  return q.execute();
};

// ---------------- survey ----------------

/**
 * Records a visit and moves its household's last visit on (kept with the visit: the to-do list and the progress read
 * it instead of every household's visits). Call it in a transaction. One UPDATE that keeps the later of the two
 * days, so a visit recorded late for an earlier day, or two at once, cannot move it back.
 */
export async function insertSurveyVisit(db: DbOrTrx, visit: SurveyVisitTable, needs: SurveyNeedTable[]) {
  await db.insertInto('survey_visit').values(visit).execute();
  if (needs.length) await db.insertInto('survey_need').values(needs).execute();
  await db
    .updateTable('household')
    .set({ last_visited_on: visit.visited_on })
    .where('community_id', '=', visit.community_id)
    .where('id', '=', visit.household_id)
    .where((eb) => eb.or([eb('last_visited_on', 'is', null), eb('last_visited_on', '<', visit.visited_on)]))
    .execute();
}

/**
 * Sets every household's last visit of a community from its visits: for rows written in bulk, not through
 * insertSurveyVisit (the demo's year of visits).
 */
export const storeLastVisits = (db: DbOrTrx, communityId: string) =>
  db
    .updateTable('household')
    .set((eb) => ({
      last_visited_on: eb
        .selectFrom('survey_visit as s')
        .select((e) => e.fn.max('s.visited_on').as('last'))
        .whereRef('s.community_id', '=', 'household.community_id')
        .whereRef('s.household_id', '=', 'household.id'),
    }))
    .where('community_id', '=', communityId)
    .execute();

export async function surveyOfHousehold(db: DbOrTrx, communityId: string, householdId: string) {
  const visits = await db
    .selectFrom('survey_visit')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('household_id', '=', householdId)
    .orderBy('visited_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const needs = visits.length
    ? await db
        .selectFrom('survey_need')
        .selectAll()
        .where('community_id', '=', communityId)
        .where(
          'visit_id',
          'in',
          visits.map((v) => v.id),
        )
        .execute()
    : [];
  return { visits, needs };
}

/** Per grid: households, and households visited by the survey on or after `since`. */
export async function surveyProgress(db: DbOrTrx, communityId: string, since: string, gridOnly: string | null) {
  let q = db
    .selectFrom('household as h')
    .innerJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'h.community_id').onRef('g.id', '=', 'h.grid_id'))
    .select([
      'g.id as grid_id',
      'g.name as grid_name',
      'g.code as grid_code',
      (eb) => eb.fn.countAll<number>().as('households'),
      (eb) =>
        eb.fn
          .sum<number>(
            eb
              .case()
              // Visited since: its last visit (kept as visits are recorded) is on or after that day.
              .when('h.last_visited_on', '>=', since)
              .then(1)
              .else(0)
              .end(),
          )
          .as('surveyed'),
    ])
    .where('h.community_id', '=', communityId);
  if (gridOnly) q = q.where('h.grid_id', '=', gridOnly);
  return q.groupBy(['g.id', 'g.name', 'g.code']).orderBy('g.code').execute();
}

/** Categories recorded by the survey since a date, counted once per household. */
export async function surveyNeedCounts(db: DbOrTrx, communityId: string, since: string, gridOnly: string | null) {
  let q = db
    .selectFrom('survey_need as n')
    .innerJoin('survey_visit as s', (j) =>
      j.onRef('s.community_id', '=', 'n.community_id').onRef('s.id', '=', 'n.visit_id'),
    )
    .select(['n.category', sql<number>`count(distinct s.household_id)`.as('households')])
    .where('n.community_id', '=', communityId)
    .where('s.visited_on', '>=', since);
  if (gridOnly) q = q.where('s.grid_id', '=', gridOnly);
  return q.groupBy('n.category').execute();
}

// ---------------- the volunteer's needs ----------------

/** A volunteer's needs: open ones, and those done or reviewed since `doneSince` (an instant). */
export function needsOfVolunteer(db: DbOrTrx, communityId: string, volunteerId: string, doneSince: string) {
  return db
    .selectFrom('need')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['matched', 'scheduled', 'in_progress']),
        eb.and([eb('status', 'in', ['done', 'reviewed']), eb('done_at', '>=', doneSince)]),
      ]),
    )
    .orderBy('created_at')
    .limit(200)
    .execute();
}
