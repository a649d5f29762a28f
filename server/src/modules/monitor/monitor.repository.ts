// All SQL of the left-out monitor. Every figure is one grouped statement over the whole community (or one
// grid), merged in memory by resident: the cost does not grow with a query per resident.
//
// Contacts come only from the one record of service (table `contact`, every kind of help). The monitor also
// reads residents and their groups (registry), open needs and active pairings: read-only aggregates, because
// asking each module's service resident by resident would be the per-resident loop this file exists to avoid.
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

/**
 * Per subject of the record of service (a resident, or a household for household-level contacts such as a
 * survey visit): the last contact day ever, its kind, and contacts since `from`. Two grouped statements.
 * When one day holds several kinds, the greatest kind name stands for it, so the answer is stable.
 */
export async function contactsBySubject(db: DbOrTrx, communityId: string, from: string) {
  const lastDays = db
    .selectFrom('contact')
    .select(['subject_id', (eb) => eb.fn.max('occurred_on').as('last')])
    .where('community_id', '=', communityId)
    .groupBy('subject_id');
  const [rows, kinds] = await Promise.all([
    db
      .selectFrom('contact')
      .select(['subject_id', (eb) => eb.fn.max('occurred_on').as('last'), since('occurred_on', from).as('recent')])
      .where('community_id', '=', communityId)
      .groupBy('subject_id')
      .execute(),
    db
      .selectFrom('contact as c')
      .innerJoin(lastDays.as('m'), (j) =>
        j.onRef('m.subject_id', '=', 'c.subject_id').onRef('m.last', '=', 'c.occurred_on'),
      )
      .select(['c.subject_id', (eb) => eb.fn.max('c.kind').as('kind')])
      .where('c.community_id', '=', communityId)
      .groupBy('c.subject_id')
      .execute(),
  ]);
  const kindBy = new Map(kinds.map((k) => [k.subject_id, k.kind as string]));
  return rows.map((r) => ({
    subjectId: r.subject_id,
    last: r.last as string,
    kind: kindBy.get(r.subject_id) ?? null,
    recent: Number(r.recent ?? 0),
  }));
}

/** Per resident: needs still open. */
export function openNeedsByResident(db: DbOrTrx, communityId: string, openStatuses: readonly string[]) {
  return db
    .selectFrom('need')
    .select(['resident_id', (eb) => eb.fn.countAll<number>().as('open')])
    .where('community_id', '=', communityId)
    .where('status', 'in', [...openStatuses])
    .groupBy('resident_id')
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
