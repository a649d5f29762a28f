// All SQL of the left-out monitor. Every figure is one grouped statement over the whole community (or one
// grid), merged in memory by resident: the cost does not grow with a query per resident.
//
// Contacts come only from the one record of service (table `contact`, every kind of help), through its per-subject
// rollups (modules/contacts/contacts.rollup.ts: the last day, contacts per month). The monitor also
// reads residents and their groups (registry), open needs and active pairings: read-only aggregates, because
// asking each module's service resident by resident would be the per-resident loop this file exists to avoid.
import type { DbOrTrx } from '../../db/database.ts';
import { nextMonthStart } from '../../../../domain/shared/dates.ts';

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

/**
 * Active residents with at least one special-group tag (optionally of one grid, and only these tags). Buildings and
 * grids (a few dozen rows) are read apart and joined here: joined in SQL, PostgreSQL misjudged these small tables and
 * looked up every tagged resident once per grid or per building.
 */
export async function specialResidents(
  db: DbOrTrx,
  communityId: string,
  gridId: string | null,
  tags?: readonly string[],
): Promise<SpecialResidentRow[]> {
  const [residents, buildings, grids] = await Promise.all([
    db
      .selectFrom('resident as r')
      .innerJoin('household as h', (j) =>
        j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
      )
      .select([
        'r.id',
        'r.name',
        'r.name_pinyin',
        'r.birth_date',
        'r.grid_id',
        'r.household_id',
        'h.building_id',
        'h.unit',
        'h.room',
        'r.created_at',
      ])
      .where('r.community_id', '=', communityId)
      .where('r.status', '=', 'active')
      .where('r.id', 'in', (eb) =>
        eb
          .selectFrom('resident_tag as t')
          .select('t.resident_id')
          .where('t.community_id', '=', communityId)
          .$if(!!tags, (s) => s.where('t.tag', 'in', [...(tags ?? [])])),
      )
      .$if(!!gridId, (q) => q.where('r.grid_id', '=', gridId!))
      .execute(),
    db.selectFrom('building').select(['id', 'number']).where('community_id', '=', communityId).execute(),
    db.selectFrom('grid').select(['id', 'name', 'code']).where('community_id', '=', communityId).execute(),
  ]);
  const buildingBy = new Map(buildings.map((b) => [b.id, b.number]));
  const gridBy = new Map(grids.map((g) => [g.id, g]));
  // Each row written out field by field: copying with `{ building_id, ...r }` and `{ ...r }` took a third of the
  // left-out list's time in JavaScript, for a thousand residents.
  const rows: SpecialResidentRow[] = [];
  for (const r of residents) {
    const building = buildingBy.get(r.building_id),
      grid = gridBy.get(r.grid_id);
    if (building === undefined || !grid) continue;
    rows.push({
      id: r.id,
      name: r.name,
      name_pinyin: r.name_pinyin,
      birth_date: r.birth_date,
      grid_id: r.grid_id,
      grid_name: grid.name,
      grid_code: grid.code,
      household_id: r.household_id,
      building,
      unit: r.unit,
      room: r.room,
      created_at: r.created_at,
    });
  }
  return rows;
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

/**
 * Per subject of the record of service (a resident, or a household for household-level contacts such as a survey
 * visit): the last contact day ever and its kind, read from the rollup ContactService keeps (contact_subject).
 */
export function lastContactBySubject(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('contact_subject')
    .select(['subject_id', 'last_on', 'last_kind'])
    .where('community_id', '=', communityId)
    .execute();
}

/**
 * Per subject: contacts on or after `from`. The whole months after `from`'s are summed from the monthly rollup
 * (contact_subject_month); the days of `from`'s own month are counted from the contacts.
 */
export async function contactsSinceBySubject(db: DbOrTrx, communityId: string, from: string) {
  const [months, days] = await Promise.all([
    db
      .selectFrom('contact_subject_month')
      .select(['subject_id', (eb) => eb.fn.sum<number>('contacts').as('n')])
      .where('community_id', '=', communityId)
      .where('month', '>', from.slice(0, 7))
      .groupBy('subject_id')
      .execute(),
    db
      .selectFrom('contact')
      .select(['subject_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('community_id', '=', communityId)
      .where('occurred_on', '>=', from)
      .where('occurred_on', '<', nextMonthStart(from))
      .groupBy('subject_id')
      .execute(),
  ]);
  const out = new Map<string, number>();
  for (const r of [...months, ...days]) out.set(r.subject_id, (out.get(r.subject_id) ?? 0) + Number(r.n));
  return out;
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
