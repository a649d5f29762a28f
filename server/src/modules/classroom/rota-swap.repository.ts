// The SQL of 4:30 rota-day swaps: offers, the one conditional update that closes an offer, and moving a rota row
// from the offerer to the taker.
import type { DbOrTrx } from '../../db/database.ts';
import type { ClassroomRotaSwapTable } from '../../db/schema/index.ts';

export const insertSwap = (db: DbOrTrx, row: ClassroomRotaSwapTable) =>
  db.insertInto('classroom_rota_swap').values(row).execute();

export const getSwap = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('classroom_rota_swap')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const openSwapOf = (db: DbOrTrx, communityId: string, sessionId: string, volunteerId: string) =>
  db
    .selectFrom('classroom_rota_swap')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('offered_by', '=', volunteerId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** The offer closes once: of two takers at once, exactly one update matches `status = 'open'`. */
export async function closeSwap(
  db: DbOrTrx,
  communityId: string,
  id: string,
  to: 'taken' | 'withdrawn',
  set: { taken_by?: string; closed_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('classroom_rota_swap')
    .set({ status: to, ...set })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Takes one tutor off one session's rota; false if they were not on it (any more). */
export async function removeFromRota(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerId: string,
): Promise<boolean> {
  const r = await db
    .deleteFrom('classroom_rota')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .where('present', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** My offers of sessions from `fromDate` on (open ones and ones taken or withdrawn). */
export const offersBy = (db: DbOrTrx, communityId: string, volunteerId: string, fromDate: string) =>
  db
    .selectFrom('classroom_rota_swap as w')
    .innerJoin('classroom_session as s', (j) =>
      j.onRef('s.community_id', '=', 'w.community_id').onRef('s.id', '=', 'w.session_id'),
    )
    .leftJoin('volunteer as t', (j) =>
      j.onRef('t.community_id', '=', 'w.community_id').onRef('t.id', '=', 'w.taken_by'),
    )
    .select(['w.id', 'w.session_id', 'w.status', 'w.closed_at', 'w.created_at', 's.date', 't.name as taken_by_name'])
    .where('w.community_id', '=', communityId)
    .where('w.offered_by', '=', volunteerId)
    .where('s.date', '>=', fromDate)
    .orderBy('s.date')
    .orderBy('w.created_at')
    .limit(200)
    .execute();

/** Open offers of sessions from `fromDate` on, not closed, whose offerer is still on the rota. */
export const openSwaps = (db: DbOrTrx, communityId: string, fromDate: string) =>
  db
    .selectFrom('classroom_rota_swap as w')
    .innerJoin('classroom_session as s', (j) =>
      j.onRef('s.community_id', '=', 'w.community_id').onRef('s.id', '=', 'w.session_id'),
    )
    .innerJoin('classroom_rota as r', (j) =>
      j
        .onRef('r.community_id', '=', 'w.community_id')
        .onRef('r.session_id', '=', 'w.session_id')
        .onRef('r.volunteer_id', '=', 'w.offered_by'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'w.community_id').onRef('v.id', '=', 'w.offered_by'),
    )
    .select([
      'w.id',
      'w.session_id',
      'w.offered_by',
      'w.note',
      'w.created_at',
      's.date',
      's.starts',
      's.ends',
      's.place',
      'v.name as offered_by_name',
    ])
    .where('w.community_id', '=', communityId)
    .where('w.status', '=', 'open')
    .where('s.closed_at', 'is', null)
    .where('s.date', '>=', fromDate)
    .orderBy('s.date')
    .orderBy('w.created_at')
    .limit(200)
    .execute();
