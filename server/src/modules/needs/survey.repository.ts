// All SQL of the survey's to-do list and its findings (the visits themselves: needs.repository.ts).
import { sql, type ExpressionBuilder } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { Database } from '../../db/schema/index.ts';

type HouseholdScope = { communityId: string; gridId: string | null };

/**
 * Household `h` has had no visit on or after `since`: its last visit, stored on the household as visits are recorded
 * (needs.repository.ts insertSurveyVisit), is before that day, or there was none. Asking the visits of every
 * household instead walked the whole community's visits on every page.
 */
const unvisitedSince = (eb: ExpressionBuilder<Database & { h: Database['household'] }, 'h'>, since: string) =>
  eb.or([eb('h.last_visited_on', 'is', null), eb('h.last_visited_on', '<', since)]);

/**
 * The households of a community with someone active, each with `special` 1 when one of them carries a
 * special-group tag: one pass over the community's active residents, each one's tags looked up by key. Asked per
 * household (two EXISTS each) instead, PostgreSQL misjudged how many households have someone active and walked
 * every household once per grid (hundreds of ms a page at city scale).
 */
const activeHouseholds = (db: DbOrTrx, communityId: string) =>
  db
    .selectFrom('resident as r')
    .leftJoin('resident_tag as t', (j) =>
      j.onRef('t.community_id', '=', 'r.community_id').onRef('t.resident_id', '=', 'r.id'),
    )
    .select((eb) => [
      'r.household_id',
      eb.fn.max(eb.case().when('t.resident_id', 'is', null).then(0).else(1).end()).as('special'),
    ])
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'active')
    .groupBy('r.household_id');

/**
 * Households of a grid (or the community) the survey has not visited since a date, or, with someone in a special
 * group, since `specialSince` (their round is due): those with someone in a special group first, then by building,
 * unit and room. Households with no active member are not on the list.
 */
export async function unvisitedHouseholds(
  db: DbOrTrx,
  s: HouseholdScope,
  since: string,
  specialSince: string,
  page: number,
  pageSize: number,
) {
  let base = db
    .selectFrom('household as h')
    .innerJoin(activeHouseholds(db, s.communityId).as('m'), 'm.household_id', 'h.id')
    .where('h.community_id', '=', s.communityId)
    .where((eb) =>
      eb.or([unvisitedSince(eb, since), eb.and([eb('m.special', '=', 1), unvisitedSince(eb, specialSince)])]),
    );
  if (s.gridId) base = base.where('h.grid_id', '=', s.gridId);
  // One statement: the page is cut from the households with only what orders them (count(*) over () carries the
  // total on each row), then only its rows get their last visit and names. Counting apart, and the last visit of
  // every household, doubled the work: each walks every household of the community.
  const pageOf = base
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .innerJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'h.community_id').onRef('g.id', '=', 'h.grid_id'))
    .select((eb) => [
      'h.id',
      'h.community_id',
      'h.grid_id',
      'h.building_id',
      'g.code as grid_code',
      'b.number as building_number',
      'h.unit',
      'h.room',
      'h.last_visited_on',
      'm.special as priority',
      eb.fn.countAll<number>().over().as('total'),
    ])
    .orderBy('priority', 'desc')
    .orderBy('g.code')
    .orderBy('b.number')
    .orderBy('h.unit')
    .orderBy('h.room')
    .orderBy('h.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = await db
    .selectFrom(pageOf.as('p'))
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'p.community_id').onRef('b.id', '=', 'p.building_id'),
    )
    .innerJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'p.community_id').onRef('g.id', '=', 'p.grid_id'))
    .select([
      'p.id',
      'p.grid_id',
      'g.name as grid_name',
      'b.street',
      'p.building_number',
      'p.unit',
      'p.room',
      'p.priority',
      'p.total',
      'p.last_visited_on',
    ])
    .orderBy('p.priority', 'desc')
    .orderBy('p.grid_code')
    .orderBy('p.building_number')
    .orderBy('p.unit')
    .orderBy('p.room')
    .orderBy('p.id')
    .execute();
  // A page past the end has no row to carry the total: count then.
  const total = rows.length
    ? Number(rows[0]!.total)
    : page > 1
      ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : 0;
  return { total, rows }; // each row still carries the total: the service picks its fields (no copy of each row)
}

/** Active members of some households, the head first. */
export const membersOf = (db: DbOrTrx, communityId: string, householdIds: readonly string[]) =>
  householdIds.length
    ? db
        .selectFrom('resident')
        .select(['id', 'name', 'household_id', 'relation_to_head'])
        .where('community_id', '=', communityId)
        .where('household_id', 'in', householdIds)
        .where('status', '=', 'active')
        .orderBy(sql`case when relation_to_head = 'head' then 0 else 1 end`)
        .orderBy('birth_date')
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

export const visitOf = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('survey_visit')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findingsOf = (db: DbOrTrx, communityId: string, visitId: string) =>
  db
    .selectFrom('survey_need')
    .select(['category', 'note'])
    .where('community_id', '=', communityId)
    .where('visit_id', '=', visitId)
    .execute();

/**
 * The need taken from a finding: a survey need of the same household and category, taken after the visit was
 * recorded, not cancelled or declined.
 */
export const needFromFinding = (
  db: DbOrTrx,
  communityId: string,
  f: { householdId: string; category: string; recordedAt: string },
) =>
  db
    .selectFrom('need')
    .select('id')
    .where('community_id', '=', communityId)
    .where('household_id', '=', f.householdId)
    .where('channel', '=', 'survey')
    .where('category', '=', f.category)
    .where('created_at', '>=', f.recordedAt)
    .where('status', 'not in', ['cancelled', 'declined'])
    .orderBy('created_at')
    .executeTakeFirst();

/** Findings of visits since a date, newest first, each with the need taken from it (if any). */
export async function findings(db: DbOrTrx, s: HouseholdScope, since: string, page: number, pageSize: number) {
  let base = db
    .selectFrom('survey_need as f')
    .innerJoin('survey_visit as v', (j) =>
      j.onRef('v.community_id', '=', 'f.community_id').onRef('v.id', '=', 'f.visit_id'),
    )
    .where('f.community_id', '=', s.communityId)
    .where('v.visited_on', '>=', since);
  if (s.gridId) base = base.where('v.grid_id', '=', s.gridId);
  // The page is cut first (count(*) over () carries the total), then only its rows are joined to their address and
  // look for the need taken from them: looking for it on every finding of the round cost a scan of the needs each.
  const pageOf = base
    .select((eb) => [
      'f.community_id',
      'v.id as visit_id',
      'v.household_id',
      'v.grid_id',
      'v.visited_on',
      'v.visitor_name',
      'v.created_at',
      'f.category',
      'f.note',
      eb.fn.countAll<number>().over().as('total'),
    ])
    .orderBy('v.visited_on', 'desc')
    .orderBy('v.id', 'desc')
    .orderBy('f.category')
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const rows = await db
    .selectFrom(pageOf.as('p'))
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'p.community_id').onRef('h.id', '=', 'p.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .select((eb) => [
      'p.visit_id',
      'p.household_id',
      'p.grid_id',
      'p.visited_on',
      'p.visitor_name',
      'p.category',
      'p.note',
      'p.total',
      'b.street',
      'b.number as building_number',
      'h.unit',
      'h.room',
      eb
        .selectFrom('need as n')
        .select('n.id')
        .whereRef('n.community_id', '=', 'p.community_id')
        .whereRef('n.household_id', '=', 'p.household_id')
        .whereRef('n.category', '=', 'p.category')
        .whereRef('n.created_at', '>=', 'p.created_at')
        .where('n.channel', '=', 'survey')
        .where('n.status', 'not in', ['cancelled', 'declined'])
        .orderBy('n.created_at')
        .limit(1)
        .as('need_id'),
    ])
    .orderBy('p.visited_on', 'desc')
    .orderBy('p.visit_id', 'desc')
    .orderBy('p.category')
    .execute();
  // A page past the end has no row to carry the total: count then.
  const total = rows.length
    ? Number(rows[0]!.total)
    : page > 1
      ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : 0;
  return { total, rows }; // each row still carries the total: the service picks its fields (no copy of each row)
}
