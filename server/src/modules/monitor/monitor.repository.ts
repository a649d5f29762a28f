// All SQL of the left-out monitor. Every figure is one grouped statement over the whole community (or one
// grid), merged in memory by resident: the cost does not grow with a query per resident.
//
// The monitor reads across modules on purpose: residents and their groups (registry), needs and survey
// visits (needs), pairings and their visits. Asking each module's service resident by resident would be
// the per-resident loop this file exists to avoid; these are read-only aggregates.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';

export interface SpecialResidentRow {
  id: string;
  name: string;
  name_pinyin: string;
  birth_date: string;
  grid_id: string;
  grid_name: string;
  grid_code: string;
  household_id: string;
  building: string;
  unit: string;
  room: string;
  created_at: string;
}

/** Active residents with at least one special-group tag (optionally of one grid, and only these tags). */
export function specialResidents(
  db: DbOrTrx,
  communityId: string,
  gridId: string | null,
  tags?: readonly string[],
): Promise<SpecialResidentRow[]> {
  let q = db
    .selectFrom('resident as r')
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .innerJoin('grid as g', (j) => j.onRef('g.community_id', '=', 'r.community_id').onRef('g.id', '=', 'r.grid_id'))
    .select([
      'r.id',
      'r.name',
      'r.name_pinyin',
      'r.birth_date',
      'r.grid_id',
      'g.name as grid_name',
      'g.code as grid_code',
      'r.household_id',
      'b.number as building',
      'h.unit',
      'h.room',
      'r.created_at',
    ])
    .where('r.community_id', '=', communityId)
    .where('r.status', '=', 'active')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('resident_tag as t')
          .select('t.resident_id')
          .whereRef('t.community_id', '=', 'r.community_id')
          .whereRef('t.resident_id', '=', 'r.id')
          .$if(!!tags, (s) => s.where('t.tag', 'in', [...(tags ?? [])])),
      ),
    );
  if (gridId) q = q.where('r.grid_id', '=', gridId);
  return q.execute();
}

export function tagsIn(db: DbOrTrx, communityId: string, gridId: string | null) {
  let q = db
    .selectFrom('resident_tag as t')
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 't.community_id').onRef('r.id', '=', 't.resident_id'),
    )
    .select(['t.resident_id', 't.tag'])
    .where('t.community_id', '=', communityId);
  if (gridId) q = q.where('r.grid_id', '=', gridId);
  return q.execute();
}

const since = (col: string, from: string) => sql<number>`sum(case when ${sql.ref(col)} >= ${from} then 1 else 0 end)`;

/** Per resident: the last pairing visit ever, and visits since `from`. */
export function pairingVisitsByResident(db: DbOrTrx, communityId: string, from: string) {
  return db
    .selectFrom('pairing_visit')
    .select(['resident_id', (eb) => eb.fn.max('visited_on').as('last'), since('visited_on', from).as('recent')])
    .where('community_id', '=', communityId)
    .groupBy('resident_id')
    .execute();
}

/** Per resident: the last need done for them (an instant), needs done since `fromIso`, and needs still open. */
export function needsByResident(db: DbOrTrx, communityId: string, fromIso: string, openStatuses: readonly string[]) {
  return db
    .selectFrom('need')
    .select([
      'resident_id',
      (eb) => eb.fn.max('done_at').as('last'),
      since('done_at', fromIso).as('recent'),
      sql<number>`sum(case when status in (${sql.join(openStatuses.map((s) => sql`${s}`))}) then 1 else 0 end)`.as(
        'open',
      ),
    ])
    .where('community_id', '=', communityId)
    .groupBy('resident_id')
    .execute();
}

/** Per household: the last survey visit, and survey visits since `from`. */
export function surveyVisitsByHousehold(db: DbOrTrx, communityId: string, from: string) {
  return db
    .selectFrom('survey_visit')
    .select(['household_id', (eb) => eb.fn.max('visited_on').as('last'), since('visited_on', from).as('recent')])
    .where('community_id', '=', communityId)
    .groupBy('household_id')
    .execute();
}

export function activePairingsByResident(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('pairing')
    .select(['resident_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('status', '=', 'active')
    .groupBy('resident_id')
    .execute();
}

export const communities = (db: DbOrTrx) => db.selectFrom('community').select(['id', 'name']).orderBy('id').execute();

/** Records a silence as alerted; false when it already was (by this or another server). */
export async function markAlerted(
  db: DbOrTrx,
  row: {
    community_id: string;
    resident_id: string;
    silent_since: string;
    alerted_on: string;
    days_silent: number;
    created_at: string;
  },
): Promise<boolean> {
  const r = await db
    .insertInto('left_out_alert')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'resident_id', 'silent_since']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}
