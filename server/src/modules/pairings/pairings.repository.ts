// All SQL of three-fixed pairings and their visits. Lists join the resident's name and address and the
// volunteer's name in the same statement, so a page of pairings is one query, not one per row.
import type { DbOrTrx } from '../../db/database.ts';
import type { PairingTable, PairingVisitTable } from '../../db/schema/index.ts';

export interface PairingFilter {
  volunteerId?: string;
  residentId?: string;
  status?: string;
  ids?: readonly string[];
  activeFrom?: string;
}

function pairings(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
    )
    .innerJoin('resident as r', (j) =>
      j.onRef('r.community_id', '=', 'p.community_id').onRef('r.id', '=', 'p.resident_id'),
    )
    .innerJoin('household as h', (j) =>
      j.onRef('h.community_id', '=', 'r.community_id').onRef('h.id', '=', 'r.household_id'),
    )
    .innerJoin('building as b', (j) =>
      j.onRef('b.community_id', '=', 'h.community_id').onRef('b.id', '=', 'h.building_id'),
    )
    .leftJoin('service_type as st', (j) =>
      j.onRef('st.community_id', '=', 'p.community_id').onRef('st.id', '=', 'p.service_type_id'),
    )
    .selectAll('p')
    .select([
      'v.name as volunteer_name',
      'v.phone as volunteer_phone',
      'r.name as resident_name',
      'r.grid_id',
      'b.number as building',
      'h.unit',
      'h.room',
      'st.name as service_type_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('pairing_visit as pv')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('pv.community_id', '=', 'p.community_id')
        .whereRef('pv.pairing_id', '=', 'p.id')
        .as('visit_count'),
      eb
        .selectFrom('pairing_visit as pv')
        .select((e) => e.fn.max('pv.visited_on').as('d'))
        .whereRef('pv.community_id', '=', 'p.community_id')
        .whereRef('pv.pairing_id', '=', 'p.id')
        .as('last_visit_on'),
    ])
    .where('p.community_id', '=', communityId);
}
export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairings>['executeTakeFirstOrThrow']>>;

function filtered(db: DbOrTrx, communityId: string, f: PairingFilter) {
  let q = pairings(db, communityId);
  if (f.volunteerId) q = q.where('p.volunteer_id', '=', f.volunteerId);
  if (f.residentId) q = q.where('p.resident_id', '=', f.residentId);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.ids) q = q.where('p.id', 'in', f.ids.length ? [...f.ids] : ['']);
  // Pairings that were running at some point since activeFrom.
  if (f.activeFrom) q = q.where((eb) => eb.or([eb('p.ended_on', 'is', null), eb('p.ended_on', '>=', f.activeFrom!)]));
  return q;
}

export async function listPairings(
  db: DbOrTrx,
  communityId: string,
  f: PairingFilter,
  page?: { page: number; pageSize: number },
) {
  let q = filtered(db, communityId, f).orderBy('p.status').orderBy('r.name_pinyin').orderBy('p.created_at');
  if (page) q = q.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  return q.execute();
}

export async function countPairings(db: DbOrTrx, communityId: string, f: PairingFilter): Promise<number> {
  let q = db
    .selectFrom('pairing as p')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('p.community_id', '=', communityId);
  if (f.volunteerId) q = q.where('p.volunteer_id', '=', f.volunteerId);
  if (f.residentId) q = q.where('p.resident_id', '=', f.residentId);
  if (f.status) q = q.where('p.status', '=', f.status);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export const getPairing = (db: DbOrTrx, communityId: string, id: string) =>
  pairings(db, communityId).where('p.id', '=', id).executeTakeFirst();

export const getPairingRow = (db: DbOrTrx, communityId: string, id: string) =>
  db.selectFrom('pairing').selectAll().where('community_id', '=', communityId).where('id', '=', id).executeTakeFirst();

export const insertPairing = (db: DbOrTrx, row: PairingTable) => db.insertInto('pairing').values(row).execute();

export const updatePairing = (db: DbOrTrx, communityId: string, id: string, set: Partial<PairingTable>) =>
  db.updateTable('pairing').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

export const findActiveDuplicate = (
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  residentId: string,
  item: string,
) =>
  db
    .selectFrom('pairing')
    .select('id')
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('resident_id', '=', residentId)
    .where('item', '=', item)
    .where('status', '=', 'active')
    .executeTakeFirst();

export const insertVisit = (db: DbOrTrx, row: PairingVisitTable) =>
  db.insertInto('pairing_visit').values(row).execute();

export const visitOn = (db: DbOrTrx, communityId: string, pairingId: string, date: string) =>
  db
    .selectFrom('pairing_visit')
    .select('id')
    .where('community_id', '=', communityId)
    .where('pairing_id', '=', pairingId)
    .where('visited_on', '=', date)
    .executeTakeFirst();

/** Visits of these pairings from `from` on, newest first: one query for a whole list. */
export function visitsOf(db: DbOrTrx, communityId: string, pairingIds: readonly string[], from?: string) {
  if (pairingIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('pairing_visit')
    .select(['id', 'pairing_id', 'visited_on', 'minutes', 'notes', 'logged_by_name', 'logged_at'])
    .where('community_id', '=', communityId)
    .where('pairing_id', 'in', [...pairingIds]);
  if (from) q = q.where('visited_on', '>=', from);
  return q.orderBy('visited_on', 'desc').execute();
}

/** True when the error is a unique-constraint violation (both databases). */
export { isUniqueViolation } from '../../db/database.ts';
