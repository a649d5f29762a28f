// Rollups of the classroom's check-ins, so the figures read a few hundred rows instead of every check-in of the
// years back (issue 17: 50,000 check-ins a community, 1–2 s p99 at 10 connections):
//   classroom_child_year  each child who came, per calendar year (yyyy of the session's date);
//   classroom_day_held    each day a session had at least one child checked in.
// Both are sets, so keeping them is an insert that does nothing when the row is there: a check-in is never undone
// (the conditional update lets exactly one tutor's tap through, and a refused or rolled-back check-in writes
// nothing), a session's date never changes, and a retried request cannot count anything twice. ClassroomService,
// the only writer of check-ins, adds to them in the check-in's transaction; rebuildClassroomRollups computes them
// from the attendance alone (the migration's backfill, the demo seed's check, and the tests that hold the kept
// rollups equal to the full computation).
import { sql } from 'kysely';
import type { DbOrTrx, Trx } from '../../db/database.ts';

/** The calendar year (yyyy) a session's date is counted in. */
export const yearOf = (date: string) => date.slice(0, 4);

/** Adds one check-in just recorded (the child came to the session on `date`). */
export async function addCheckInToRollups(trx: Trx, communityId: string, date: string, childId: string): Promise<void> {
  await trx
    .insertInto('classroom_child_year')
    .values({ community_id: communityId, year: yearOf(date), child_id: childId })
    .onConflict((oc) => oc.columns(['community_id', 'year', 'child_id']).doNothing())
    .execute();
  await trx
    .insertInto('classroom_day_held')
    .values({ community_id: communityId, date })
    .onConflict((oc) => oc.columns(['community_id', 'date']).doNothing())
    .execute();
}

/** The rollups' rows as the attendance gives them, for one community or (none given) every community. */
function attended(db: DbOrTrx, communityId?: string) {
  return db
    .selectFrom('classroom_attendance as a')
    .innerJoin('classroom_session as s', (j) =>
      j.onRef('s.community_id', '=', 'a.community_id').onRef('s.id', '=', 'a.session_id'),
    )
    .where('a.checked_in_at', 'is not', null)
    .$if(!!communityId, (q) => q.where('a.community_id', '=', communityId!));
}

/** Computes both rollups again from the attendance, for one community or (none given) every community. */
export async function rebuildClassroomRollups(db: DbOrTrx, communityId?: string): Promise<void> {
  const one = !!communityId;
  await db
    .deleteFrom('classroom_child_year')
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .execute();
  await db
    .deleteFrom('classroom_day_held')
    .$if(one, (q) => q.where('community_id', '=', communityId!))
    .execute();
  await db
    .insertInto('classroom_child_year')
    .columns(['community_id', 'year', 'child_id'])
    .expression(
      attended(db, communityId)
        .select(['a.community_id', sql<string>`substr(s.date, 1, 4)`.as('year'), 'a.child_id'])
        .distinct(),
    )
    .execute();
  await db
    .insertInto('classroom_day_held')
    .columns(['community_id', 'date'])
    .expression(attended(db, communityId).select(['a.community_id', 's.date']).distinct())
    .execute();
}
