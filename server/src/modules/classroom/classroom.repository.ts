// Queries of the 4:30 classroom. Every query names the community first.
import type { DbOrTrx } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type {
  ClassroomAdultTable,
  ClassroomAttendanceTable,
  ClassroomChildTable,
  ClassroomSessionTable,
} from '../../db/schema/classroom.ts';

type AttendanceRow = Selectable<ClassroomAttendanceTable>;
export { isUniqueViolation } from '../../db/database.ts';

export async function getChild(db: DbOrTrx, communityId: string, id: string): Promise<ClassroomChildTable | undefined> {
  return db
    .selectFrom('classroom_child')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listChildren(
  db: DbOrTrx,
  communityId: string,
  status: string | null,
): Promise<ClassroomChildTable[]> {
  let q = db.selectFrom('classroom_child').selectAll().where('community_id', '=', communityId);
  if (status) q = q.where('status', '=', status);
  return q.orderBy('status').orderBy('name').execute();
}

/** Children who may be expected on a date: enrolled by then and not left before it. */
export async function childrenOn(db: DbOrTrx, communityId: string, date: string): Promise<ClassroomChildTable[]> {
  return db
    .selectFrom('classroom_child')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('enrolled_on', '<=', date)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', date)]))
    .orderBy('name')
    .execute();
}

export async function adultsOf(
  db: DbOrTrx,
  communityId: string,
  childIds: readonly string[],
): Promise<ClassroomAdultTable[]> {
  if (!childIds.length) return [];
  return db
    .selectFrom('classroom_adult')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('child_id', 'in', childIds)
    .orderBy('created_at')
    .execute();
}

export async function getAdult(db: DbOrTrx, communityId: string, id: string): Promise<ClassroomAdultTable | undefined> {
  return db
    .selectFrom('classroom_adult')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getSession(
  db: DbOrTrx,
  communityId: string,
  id: string,
): Promise<ClassroomSessionTable | undefined> {
  return db
    .selectFrom('classroom_session')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function sessionOn(
  db: DbOrTrx,
  communityId: string,
  date: string,
): Promise<ClassroomSessionTable | undefined> {
  return db
    .selectFrom('classroom_session')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('date', '=', date)
    .executeTakeFirst();
}

export async function sessionsBetween(
  db: DbOrTrx,
  communityId: string,
  from: string,
  to: string,
): Promise<ClassroomSessionTable[]> {
  return db
    .selectFrom('classroom_session')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

export async function rotaOf(db: DbOrTrx, communityId: string, sessionIds: readonly string[]) {
  if (!sessionIds.length) return [];
  return db
    .selectFrom('classroom_rota as r')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'r.community_id').onRef('v.id', '=', 'r.volunteer_id'),
    )
    .select(['r.session_id', 'r.volunteer_id', 'r.present', 'v.name', 'v.phone'])
    .where('r.community_id', '=', communityId)
    .where('r.session_id', 'in', sessionIds)
    .orderBy('v.name')
    .execute();
}

export async function onRota(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerId: string,
): Promise<boolean> {
  return !!(await db
    .selectFrom('classroom_rota')
    .select('volunteer_id')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst());
}

export async function attendanceOf(db: DbOrTrx, communityId: string, sessionId: string): Promise<AttendanceRow[]> {
  return db
    .selectFrom('classroom_attendance')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .execute();
}

export async function getAttendance(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
): Promise<AttendanceRow | undefined> {
  return db
    .selectFrom('classroom_attendance')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
}

/** The row a check-in or an absence fills; a second insert for the same child and session does nothing. */
export async function ensureAttendance(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
): Promise<void> {
  await db
    .insertInto('classroom_attendance')
    .values({
      community_id: communityId,
      session_id: sessionId,
      child_id: childId,
      checked_in_at: null,
      checked_in_by: null,
      checked_in_by_name: null,
      checked_out_at: null,
      checked_out_by: null,
      checked_out_by_name: null,
      out_adult_id: null,
      out_method: null,
      absent_reported_at: null,
      absent_by_name: null,
      absent_note: null,
    })
    .onConflict((oc) => oc.columns(['community_id', 'session_id', 'child_id']).doNothing())
    .execute();
}

export async function alertsOf(db: DbOrTrx, communityId: string, sessionIds: readonly string[]) {
  if (!sessionIds.length) return [];
  return db
    .selectFrom('classroom_alert')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', 'in', sessionIds)
    .orderBy('raised_at')
    .execute();
}

export async function logsOf(db: DbOrTrx, communityId: string, from: string, to: string) {
  return db
    .selectFrom('classroom_log as l')
    .innerJoin('classroom_session as s', (j) =>
      j.onRef('s.community_id', '=', 'l.community_id').onRef('s.id', '=', 'l.session_id'),
    )
    .leftJoin('classroom_child as c', (j) =>
      j.onRef('c.community_id', '=', 'l.community_id').onRef('c.id', '=', 'l.child_id'),
    )
    .select([
      'l.id',
      'l.session_id',
      's.date',
      'l.volunteer_id',
      'l.author_name',
      'l.child_id',
      'c.name as child_name',
      'l.subject',
      'l.content',
      'l.created_at',
    ])
    .where('l.community_id', '=', communityId)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .orderBy('s.date', 'desc')
    .orderBy('l.created_at', 'desc')
    .limit(500)
    .execute();
}

export async function volunteersExist(db: DbOrTrx, communityId: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('volunteer')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', 'in', [...new Set(ids)])
    .where('status', '=', 'approved')
    .execute();
  return new Set(rows.map((r) => r.id));
}
