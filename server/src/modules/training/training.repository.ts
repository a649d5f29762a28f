// All SQL of training: courses, sessions, attendance and certificates.
import type { DbOrTrx } from '../../db/database.ts';
import type { TrainingCertificateTable, TrainingCourseTable, TrainingSessionTable } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { volunteerInScope } from '../volunteers/volunteer-scope.ts';

export const listCourses = (db: DbOrTrx, communityId: string) =>
  db.selectFrom('training_course').selectAll().where('community_id', '=', communityId).orderBy('code').execute();

export const getCourse = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('training_course')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const findCourseByCode = (db: DbOrTrx, communityId: string, code: string) =>
  db
    .selectFrom('training_course')
    .select('id')
    .where('community_id', '=', communityId)
    .where('code', '=', code)
    .executeTakeFirst();

export const insertCourse = (db: DbOrTrx, row: TrainingCourseTable) =>
  db.insertInto('training_course').values(row).execute();

export const updateCourse = (db: DbOrTrx, communityId: string, id: string, set: Partial<TrainingCourseTable>) =>
  db.updateTable('training_course').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();

/** A page of sessions, newest first, and how many there are. */
export async function listSessions(
  db: DbOrTrx,
  communityId: string,
  f: { courseId?: string; page: number; pageSize: number },
) {
  let q = db.selectFrom('training_session as s').where('s.community_id', '=', communityId);
  if (f.courseId) q = q.where('s.course_id', '=', f.courseId);
  const [rows, count] = await Promise.all([
    sessionRows(db, communityId, f.courseId)
      .orderBy('s.starts_at', 'desc')
      .orderBy('s.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

function sessionRows(db: DbOrTrx, communityId: string, courseId?: string) {
  let q = db
    .selectFrom('training_session as s')
    .innerJoin('training_course as c', (j) =>
      j.onRef('c.community_id', '=', 's.community_id').onRef('c.id', '=', 's.course_id'),
    )
    .select([
      's.id',
      's.course_id',
      's.starts_at',
      's.ends_at',
      's.place',
      's.trainer',
      's.capacity',
      'c.code as course_code',
      'c.title as course_title',
    ])
    .select((eb) =>
      eb
        .selectFrom('training_attendance as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.community_id', '=', 's.community_id')
        .whereRef('a.session_id', '=', 's.id')
        .as('signed_up'),
    )
    .where('s.community_id', '=', communityId);
  if (courseId) q = q.where('s.course_id', '=', courseId);
  return q;
}

export const getSession = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('training_session')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

/**
 * The session, locked for the rest of the transaction on PostgreSQL so sign-ups to it are serialised
 * (SQLite has one writer).
 */
export async function lockSession(
  db: DbOrTrx,
  kind: 'sqlite' | 'postgres',
  communityId: string,
  id: string,
): Promise<TrainingSessionTable | undefined> {
  let q = db.selectFrom('training_session').selectAll().where('community_id', '=', communityId).where('id', '=', id);
  if (kind === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

export const insertSession = (db: DbOrTrx, row: TrainingSessionTable) =>
  db.insertInto('training_session').values(row).execute();

export async function countAttendance(db: DbOrTrx, communityId: string, sessionId: string): Promise<number> {
  const r = await db
    .selectFrom('training_attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const getAttendance = (db: DbOrTrx, communityId: string, sessionId: string, volunteerId: string) =>
  db
    .selectFrom('training_attendance')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const insertAttendance = (
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerId: string,
  now: string,
) =>
  db
    .insertInto('training_attendance')
    .values({
      community_id: communityId,
      session_id: sessionId,
      volunteer_id: volunteerId,
      status: 'registered',
      updated_at: now,
    })
    .execute();

export const setAttendance = (
  db: DbOrTrx,
  communityId: string,
  sessionId: string,
  volunteerId: string,
  status: string,
  now: string,
) =>
  db
    .updateTable('training_attendance')
    .set({ status, updated_at: now })
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .execute();

export const deleteAttendance = (db: DbOrTrx, communityId: string, sessionId: string, volunteerId: string) =>
  db
    .deleteFrom('training_attendance')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .execute();

export function listAttendance(db: DbOrTrx, actor: Actor, grant: Grant, sessionId: string) {
  return db
    .selectFrom('training_attendance as a')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'a.community_id').onRef('v.id', '=', 'a.volunteer_id'),
    )
    .select(['a.volunteer_id', 'a.status', 'a.updated_at', 'v.name', 'v.phone'])
    .where('a.community_id', '=', actor.communityId)
    .where('a.session_id', '=', sessionId)
    .where(volunteerInScope(actor, grant) as any)
    .orderBy('v.name_pinyin')
    .execute();
}

export const certificateForSession = (db: DbOrTrx, communityId: string, sessionId: string, volunteerId: string) =>
  db
    .selectFrom('training_certificate')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export const insertCertificate = (db: DbOrTrx, row: TrainingCertificateTable) =>
  db.insertInto('training_certificate').values(row).execute();

export const deleteCertificateForSession = (db: DbOrTrx, communityId: string, sessionId: string, volunteerId: string) =>
  db
    .deleteFrom('training_certificate')
    .where('community_id', '=', communityId)
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .execute();

function certificates(db: DbOrTrx, actor: Actor, grant: Grant) {
  return db
    .selectFrom('training_certificate as t')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 't.community_id').onRef('v.id', '=', 't.volunteer_id'),
    )
    .innerJoin('training_course as c', (j) =>
      j.onRef('c.community_id', '=', 't.community_id').onRef('c.id', '=', 't.course_id'),
    )
    .select([
      't.id',
      't.volunteer_id',
      't.course_id',
      't.session_id',
      't.issued_on',
      't.expires_on',
      'v.name as volunteer_name',
      'v.phone',
      'c.code as course_code',
      'c.title as course_title',
    ])
    .where('t.community_id', '=', actor.communityId)
    .where(volunteerInScope(actor, grant) as any);
}

export const certificatesOf = (db: DbOrTrx, actor: Actor, grant: Grant, volunteerId: string) =>
  certificates(db, actor, grant).where('t.volunteer_id', '=', volunteerId).orderBy('t.issued_on', 'desc').execute();

/** Certificates expiring from today to `until`, leaving out those the volunteer has already renewed. */
export async function expiringCertificates(
  db: DbOrTrx,
  actor: Actor,
  grant: Grant,
  today: string,
  until: string,
  f: { q?: string; page: number; pageSize: number },
) {
  let q = expiringQuery(db, actor, grant, today, until);
  const text = f.q?.replace(/[%_\\]/g, '').toLowerCase();
  if (text) q = q.where((eb) => eb.or([eb('v.name', 'like', `%${text}%`), eb('v.name_pinyin', 'like', `%${text}%`)]));
  const [rows, count] = await Promise.all([
    q
      .orderBy('t.expires_on')
      .orderBy('v.name_pinyin')
      .orderBy('t.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

const expiringQuery = (db: DbOrTrx, actor: Actor, grant: Grant, today: string, until: string) =>
  certificates(db, actor, grant)
    .where('t.expires_on', '>=', today)
    .where('t.expires_on', '<=', until)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('training_certificate as n')
            .select('n.id')
            .whereRef('n.community_id', '=', 't.community_id')
            .whereRef('n.volunteer_id', '=', 't.volunteer_id')
            .whereRef('n.course_id', '=', 't.course_id')
            .where((eb) => eb.or([eb('n.expires_on', 'is', null), eb('n.expires_on', '>', eb.ref('t.expires_on'))])),
        ),
      ),
    );
