// All SQL of the 4:30 classroom. Every query names the community first, except the arrival-alert job's look
// for the day's open sessions, which spans every community.
import { sql, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type {
  ClassroomAdultTable,
  ClassroomAlertTable,
  ClassroomAttendanceTable,
  ClassroomChildTable,
  ClassroomLogTable,
  ClassroomSessionTable,
} from '../../db/schema/classroom.ts';

type AttendanceRow = Selectable<ClassroomAttendanceTable>;
export { isUniqueViolation } from '../../db/database.ts';
import { yearOf } from './classroom.rollup.ts';

const affected = (r: { numUpdatedRows?: bigint } | undefined) => Number(r?.numUpdatedRows ?? 0n);

// ------------------------------------------------------------------------------------------- children

export async function getChild(db: DbOrTrx, communityId: string, id: string): Promise<ClassroomChildTable | undefined> {
  return db
    .selectFrom('classroom_child')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface ChildFilter {
  status: string | null;
  /** In the child's name, in an adult's name, or the end of an adult's phone. */
  q?: string;
  page: number;
  pageSize: number;
}

/** One page of the roll, by status then name, and how many children match. */
export async function listChildren(
  db: DbOrTrx,
  communityId: string,
  f: ChildFilter,
): Promise<{ rows: ClassroomChildTable[]; total: number }> {
  let q = db.selectFrom('classroom_child as c').where('c.community_id', '=', communityId);
  if (f.status) q = q.where('c.status', '=', f.status);
  const text = f.q?.replace(/[%_\\]/g, '');
  if (text)
    q = q.where((eb) =>
      eb.or([
        eb('c.name', 'like', `%${text}%`),
        eb.exists(
          eb
            .selectFrom('classroom_adult as a')
            .select('a.id')
            .whereRef('a.community_id', '=', 'c.community_id')
            .whereRef('a.child_id', '=', 'c.id')
            .where((e) => e.or([e('a.name', 'like', `%${text}%`), e('a.phone', 'like', `%${text}`)])),
        ),
      ]),
    );
  const [rows, count] = await Promise.all([
    q
      .selectAll('c')
      .orderBy('c.status')
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertChild(db: DbOrTrx, row: ClassroomChildTable): Promise<void> {
  await db.insertInto('classroom_child').values(row).execute();
}

export async function updateChild(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Partial<ClassroomChildTable>,
): Promise<void> {
  await db
    .updateTable('classroom_child')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
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

export async function insertAdult(db: DbOrTrx, row: ClassroomAdultTable): Promise<void> {
  await db.insertInto('classroom_adult').values(row).execute();
}

export async function updateAdult(
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Partial<ClassroomAdultTable>,
): Promise<void> {
  await db
    .updateTable('classroom_adult')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
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

// ------------------------------------------------------------------------------------------- sessions

export async function insertSession(db: DbOrTrx, row: ClassroomSessionTable): Promise<void> {
  await db.insertInto('classroom_session').values(row).execute();
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

/** Today's sessions not yet closed, in every community: the arrival-alert job's work list. */
export async function openSessionsOn(db: DbOrTrx, date: string): Promise<ClassroomSessionTable[]> {
  return db
    .selectFrom('classroom_session')
    .selectAll()
    .where('date', '=', date)
    .where('closed_at', 'is', null)
    .execute();
}

/** Closes a session still open; 0 when it was already closed (of two closes at once, exactly one wins). */
export async function closeSession(
  db: DbOrTrx,
  communityId: string,
  id: string,
  at: string,
  byName: string,
): Promise<number> {
  return affected(
    await db
      .updateTable('classroom_session')
      .set({ closed_at: at, closed_by_name: byName })
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** How many children were checked in, per session. */
export async function attendedCounts(
  db: DbOrTrx,
  communityId: string,
  sessionIds: readonly string[],
): Promise<Map<string, number>> {
  if (!sessionIds.length) return new Map();
  const rows = await db
    .selectFrom('classroom_attendance')
    .select(['session_id', (eb) => eb.fn.count<number>('checked_in_at').as('n')])
    .where('community_id', '=', communityId)
    .where('session_id', 'in', sessionIds)
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((c) => [c.session_id, Number(c.n)]));
}

/** Names of the children checked in and not yet handed over, by name. */
export async function childrenInside(db: DbOrTrx, communityId: string, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('classroom_attendance as a')
    .innerJoin('classroom_child as c', (j) =>
      j.onRef('c.community_id', '=', 'a.community_id').onRef('c.id', '=', 'a.child_id'),
    )
    .select('c.name')
    .where('a.community_id', '=', communityId)
    .where('a.session_id', '=', sessionId)
    .where('a.checked_in_at', 'is not', null)
    .where('a.checked_out_at', 'is', null)
    .orderBy('c.name')
    .execute();
  return rows.map((r) => r.name);
}

// ------------------------------------------------------------------------------------------- the rota

export async function insertRota(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerIds: readonly string[],
): Promise<void> {
  if (!volunteerIds.length) return;
  await db
    .insertInto('classroom_rota')
    .values(
      volunteerIds.map((v) => ({ community_id: communityId, session_id: sessionId, volunteer_id: v, present: null })),
    )
    .execute();
}

export async function clearRota(db: DbOrTrx, communityId: string, sessionId: string): Promise<void> {
  await db
    .deleteFrom('classroom_rota')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .execute();
}

export async function setPresent(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerId: string,
  present: boolean,
): Promise<void> {
  await db
    .updateTable('classroom_rota')
    .set({ present: present ? 1 : 0 })
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
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

// ------------------------------------------------------------------------------------------- attendance

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

function attendanceRow(db: DbOrTrx, communityId: string, sessionId: string, childId: string) {
  return db
    .updateTable('classroom_attendance')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('child_id', '=', childId);
}

/** Records the check-in unless the child is already in: 0 then (of two tutors tapping at once, exactly one wins). */
export async function checkIn(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
  by: { at: string; accountId: string | null; name: string },
): Promise<number> {
  return affected(
    await attendanceRow(db, communityId, sessionId, childId)
      .set({ checked_in_at: by.at, checked_in_by: by.accountId, checked_in_by_name: by.name })
      .where('checked_in_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** Records the hand-over unless the child is already out: 0 then. */
export async function checkOut(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
  by: { at: string; accountId: string | null; name: string; adultId: string; method: string },
): Promise<number> {
  return affected(
    await attendanceRow(db, communityId, sessionId, childId)
      .set({
        checked_out_at: by.at,
        checked_out_by: by.accountId,
        checked_out_by_name: by.name,
        out_adult_id: by.adultId,
        out_method: by.method,
      })
      .where('checked_out_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** Records a reported absence unless the child is already in: 0 then. */
export async function reportAbsence(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
  by: { at: string; name: string; note: string },
): Promise<number> {
  return affected(
    await attendanceRow(db, communityId, sessionId, childId)
      .set({ absent_reported_at: by.at, absent_by_name: by.name, absent_note: by.note })
      .where('checked_in_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** Counts one pickup try, only while fewer than `max` were made: 0 when the tries are used up. */
export async function takePickupTry(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
  max: number,
): Promise<number> {
  return affected(
    await attendanceRow(db, communityId, sessionId, childId)
      .set((eb) => ({ pickup_misses: eb('pickup_misses', '+', 1) }))
      .where('pickup_misses', '<', max)
      .executeTakeFirst(),
  );
}

/** Counts one refused pickup, without a limit. */
export async function countPickupMiss(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
): Promise<void> {
  await attendanceRow(db, communityId, sessionId, childId)
    .set((eb) => ({ pickup_misses: eb('pickup_misses', '+', 1) }))
    .execute();
}

// ------------------------------------------------------------------------------------------- alerts

export async function getAlert(db: DbOrTrx, communityId: string, id: string): Promise<ClassroomAlertTable | undefined> {
  return db
    .selectFrom('classroom_alert')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Raises an alert unless the child already has one for the session: false then. */
export async function insertAlertOnce(db: DbOrTrx, row: ClassroomAlertTable): Promise<boolean> {
  const r = await db
    .insertInto('classroom_alert')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'session_id', 'child_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

type Clearing = { at: string; accountId: string | null; name: string; note: string };

/** Clears an alert still open; 0 when it was already cleared. */
export async function clearAlert(db: DbOrTrx, communityId: string, id: string, by: Clearing): Promise<number> {
  return affected(
    await db
      .updateTable('classroom_alert')
      .set({ cleared_at: by.at, cleared_by: by.accountId, cleared_by_name: by.name, note: by.note })
      .where('community_id', '=', communityId)
      .where('id', '=', id)
      .where('cleared_at', 'is', null)
      .executeTakeFirst(),
  );
}

/** Clears the child's open alert of the session, if any. */
export async function clearAlertOf(
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  childId: string,
  by: Clearing,
): Promise<void> {
  await db
    .updateTable('classroom_alert')
    .set({ cleared_at: by.at, cleared_by: by.accountId, cleared_by_name: by.name, note: by.note })
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('child_id', '=', childId)
    .where('cleared_at', 'is', null)
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

// ------------------------------------------------------------------------------------------- logs

export async function insertLog(db: DbOrTrx, row: ClassroomLogTable): Promise<void> {
  await db.insertInto('classroom_log').values(row).execute();
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

// ------------------------------------------------------------------------------------------- figures

/**
 * Who came, by year: one row per child and year (yyyy) with a check-in since `from` (a year's first day), from the
 * rollup the check-ins keep (classroom.rollup.ts): reading every check-in of the years back (tens of thousands of rows
 * a community) cost hundreds of ms a request.
 */
export async function childYearsSince(db: DbOrTrx, communityId: string, from: string) {
  return db
    .selectFrom('classroom_child_year')
    .select(['year', 'child_id'])
    .where('community_id', '=', communityId)
    .where('year', '>=', yearOf(from))
    .execute();
}

/** Every child ever enrolled, with their household and their guardians' phones (what makes a family). */
export async function families(
  db: DbOrTrx,
  communityId: string,
): Promise<Array<{ id: string; householdId: string | null; guardianPhones: string[] }>> {
  const children = await db
    .selectFrom('classroom_child')
    .select(['id', 'household_id'])
    .where('community_id', '=', communityId)
    .execute();
  const guardians = await db
    .selectFrom('classroom_adult')
    .select(['child_id', 'phone'])
    .where('community_id', '=', communityId)
    .where('is_guardian', '=', 1)
    .execute();
  const phonesOf = new Map<string, string[]>();
  for (const g of guardians) {
    const l = phonesOf.get(g.child_id) ?? [];
    l.push(g.phone);
    phonesOf.set(g.child_id, l);
  }
  return children.map((c) => ({ id: c.id, householdId: c.household_id, guardianPhones: phonesOf.get(c.id) ?? [] }));
}

/**
 * Sessions from `from` to `to`, counted by year, hours and whether they were held (a child was checked in that day,
 * from the rollup), with the tutors who came (counted once the session is closed): a few rows a year instead of every
 * session and rota row of the years back.
 */
export async function sessionGroupsSince(db: DbOrTrx, communityId: string, from: string, to: string) {
  const tutors = db
    .selectFrom('classroom_rota')
    .select(['session_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', '=', communityId)
    .where('present', '=', 1)
    .groupBy('session_id');
  const year = sql<string>`substr(s.date, 1, 4)`;
  const held = sql<number>`case when d.date is null then 0 else 1 end`;
  const rows = await db
    .selectFrom('classroom_session as s')
    .leftJoin('classroom_day_held as d', (j) =>
      j.onRef('d.community_id', '=', 's.community_id').onRef('d.date', '=', 's.date'),
    )
    .leftJoin(tutors.as('t'), 't.session_id', 's.id')
    .select([
      year.as('year'),
      's.starts',
      's.ends',
      held.as('held'),
      sql<number>`count(*)`.as('sessions'),
      sql<number>`coalesce(sum(t.n), 0)`.as('tutors'),
    ])
    .where('s.community_id', '=', communityId)
    .where('s.date', '>=', from)
    .where('s.date', '<=', to)
    .groupBy([year, 's.starts', 's.ends', held])
    .execute();
  return rows.map((r) => ({
    year: r.year,
    starts: r.starts,
    ends: r.ends,
    held: Number(r.held) === 1,
    sessions: Number(r.sessions),
    tutors: Number(r.tutors),
  }));
}

// ------------------------------------------------------------------------------------------- other tables

export async function residentExists(db: DbOrTrx, communityId: string, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('resident')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst());
}

export async function householdExists(db: DbOrTrx, communityId: string, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('household')
    .select('id')
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst());
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

/** A volunteer's rota days from `from` on (the combined 我的任务 list reads them). */
export async function rotaDaysOf(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  from: string,
): Promise<ClassroomSessionTable[]> {
  return db
    .selectFrom('classroom_rota as r')
    .innerJoin('classroom_session as s', (j) =>
      j.onRef('s.community_id', '=', 'r.community_id').onRef('s.id', '=', 'r.session_id'),
    )
    .selectAll('s')
    .where('r.community_id', '=', communityId)
    .where('r.volunteer_id', '=', volunteerId)
    .where('s.date', '>=', from)
    .orderBy('s.date')
    .limit(60)
    .execute();
}
