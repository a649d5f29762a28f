// The SQL of volunteers' self-service on activity sign-ups: answers to the day-before reminder, no-shows, shift
// swaps, and who is told of a swap (the organising team's leaders, or whoever created the activity).
import type { DbOrTrx } from '../../db/database.ts';
import type { ActivityNoShowTable, ActivitySwapTable } from '../../db/schema/index.ts';

// ---------------- answers ----------------

export const upsertAnswer = (db: DbOrTrx, communityId: string, signupId: string, answer: string, at: string) =>
  db
    .insertInto('activity_signup_answer')
    .values({ community_id: communityId, signup_id: signupId, answer, answered_at: at })
    .onConflict((oc) => oc.columns(['community_id', 'signup_id']).doUpdateSet({ answer, answered_at: at }))
    .execute();

export const answersOf = (db: DbOrTrx, communityId: string, signupIds: string[]) =>
  signupIds.length
    ? db
        .selectFrom('activity_signup_answer')
        .select(['signup_id', 'answer', 'answered_at'])
        .where('community_id', '=', communityId)
        .where('signup_id', 'in', signupIds)
        .execute()
    : Promise.resolve([]);

// ---------------- no-shows ----------------

/**
 * Across communities: confirmed sign-ups of published activities whose shift ended before `beforeIso` (check-in
 * closes at the end) with no check-in and no no-show mark yet.
 */
export const dueNoShows = (db: DbOrTrx, beforeIso: string) =>
  db
    .selectFrom('activity_signup as s')
    .innerJoin('activity_shift as sh', (j) =>
      j.onRef('sh.community_id', '=', 's.community_id').onRef('sh.id', '=', 's.shift_id'),
    )
    .innerJoin('activity as a', (j) =>
      j.onRef('a.community_id', '=', 's.community_id').onRef('a.id', '=', 's.activity_id'),
    )
    .leftJoin('activity_no_show as n', (j) =>
      j.onRef('n.community_id', '=', 's.community_id').onRef('n.signup_id', '=', 's.id'),
    )
    .select(['s.community_id', 's.id', 's.volunteer_id', 'sh.ends_at'])
    .where('s.status', '=', 'confirmed')
    .where('s.checked_in_at', 'is', null)
    .where('a.status', '=', 'published')
    .where('sh.ends_at', '<', beforeIso)
    .where('n.signup_id', 'is', null)
    .limit(5000)
    .execute();

export const insertNoShows = (db: DbOrTrx, rows: ActivityNoShowTable[]) =>
  rows.length
    ? db
        .insertInto('activity_no_show')
        .values(rows)
        .onConflict((oc) => oc.columns(['community_id', 'signup_id']).doNothing())
        .execute()
    : Promise.resolve([]);

/** A volunteer's no-shows that still stand (a later check-in by staff takes one back). */
export const noShowsOf = (db: DbOrTrx, communityId: string, volunteerId: string, sinceIso: string) =>
  db
    .selectFrom('activity_no_show as n')
    .innerJoin('activity_signup as s', (j) =>
      j.onRef('s.community_id', '=', 'n.community_id').onRef('s.id', '=', 'n.signup_id'),
    )
    .select(['n.signup_id', 'n.marked_at'])
    .where('n.community_id', '=', communityId)
    .where('n.volunteer_id', '=', volunteerId)
    .where('n.shift_ends_at', '>=', sinceIso)
    .where('s.checked_in_at', 'is', null)
    .execute();

// ---------------- swaps ----------------

export const insertSwap = (db: DbOrTrx, row: ActivitySwapTable) => db.insertInto('activity_swap').values(row).execute();

export const getSwap = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('activity_swap')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const openSwapOf = (db: DbOrTrx, communityId: string, signupId: string) =>
  db
    .selectFrom('activity_swap')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('signup_id', '=', signupId)
    .where('status', '=', 'open')
    .executeTakeFirst();

/** The offer closes once: of two takers at once, exactly one update matches `status = 'open'`. */
export async function closeSwap(
  db: DbOrTrx,
  communityId: string,
  id: string,
  to: 'taken' | 'withdrawn',
  set: { taken_by?: string; taken_signup_id?: string; closed_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('activity_swap')
    .set({ status: to, ...set })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const offersBy = (db: DbOrTrx, communityId: string, volunteerId: string, sinceIso: string) =>
  db
    .selectFrom('activity_swap as w')
    .leftJoin('volunteer as t', (j) =>
      j.onRef('t.community_id', '=', 'w.community_id').onRef('t.id', '=', 'w.taken_by'),
    )
    .select(['w.id', 'w.signup_id', 'w.status', 'w.created_at', 't.name as taken_by_name'])
    .where('w.community_id', '=', communityId)
    .where('w.offered_by', '=', volunteerId)
    .where('w.created_at', '>=', sinceIso)
    .orderBy('w.created_at')
    .execute();

/** Open offers for shifts not yet started, whose sign-up still holds its place. */
export const openSwaps = (db: DbOrTrx, communityId: string, nowIso: string) =>
  db
    .selectFrom('activity_swap as w')
    .innerJoin('activity_signup as s', (j) =>
      j.onRef('s.community_id', '=', 'w.community_id').onRef('s.id', '=', 'w.signup_id'),
    )
    .innerJoin('activity_shift as sh', (j) =>
      j.onRef('sh.community_id', '=', 'w.community_id').onRef('sh.id', '=', 'w.shift_id'),
    )
    .innerJoin('activity as a', (j) =>
      j.onRef('a.community_id', '=', 'w.community_id').onRef('a.id', '=', 'w.activity_id'),
    )
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'w.community_id').onRef('v.id', '=', 'w.offered_by'),
    )
    .select([
      'w.id',
      'w.activity_id',
      'w.shift_id',
      'w.offered_by',
      'w.note',
      'w.created_at',
      'a.title',
      'a.place',
      'sh.name as shift_name',
      'sh.starts_at',
      'sh.ends_at',
      'v.name as offered_by_name',
    ])
    .where('w.community_id', '=', communityId)
    .where('w.status', '=', 'open')
    .where('s.status', '=', 'confirmed')
    .where('s.checked_in_at', 'is', null)
    .where('a.status', '=', 'published')
    .where('sh.starts_at', '>', nowIso)
    .orderBy('sh.starts_at')
    .limit(200)
    .execute();

/** Phones to tell of a swap: the organising team's leaders (accounts), else the account that created it. */
export async function organiserPhones(
  db: DbOrTrx,
  communityId: string,
  a: { organiser_team_id: string | null; created_by: string | null },
): Promise<string[]> {
  const phones = new Set<string>();
  if (a.organiser_team_id) {
    const rows = await db
      .selectFrom('membership as m')
      .innerJoin('account as c', 'c.id', 'm.account_id')
      .select('c.phone')
      .where('m.community_id', '=', communityId)
      .where('m.team_id', '=', a.organiser_team_id)
      .where('m.role', '=', 'team_leader')
      .execute();
    for (const r of rows) phones.add(r.phone);
  }
  if (!phones.size && a.created_by) {
    const r = await db.selectFrom('account').select('phone').where('id', '=', a.created_by).executeTakeFirst();
    if (r) phones.add(r.phone);
  }
  return [...phones];
}
