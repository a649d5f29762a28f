// Training: courses, sessions with a capacity, attendance and the certificates attending earns
// (volunteer regulation art. 16: training where a task needs it). A certificate expires validity_months
// after the session's date; expiring ones are listed and flagged 30 days ahead.
import type { Db, DbOrTrx, DatabaseKind } from '../../db/database.ts';
import { can, type Grant } from '../../platform/access.ts';
import { authorize } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import type { AttendanceStatus, CourseInput, SessionInput } from '../../../../domain/volunteers/service-schemas.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './training.repository.ts';

/** YYYY-MM-DD plus whole months, the day clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12),
    nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(ny, 4)}-${pad(nm + 1)}-${pad(Math.min(d, last))}`;
}

const toCourse = (c: {
  id: string;
  code: string;
  title: string;
  validity_months: number | null;
  description: string | null;
}) => ({ id: c.id, code: c.code, title: c.title, validityMonths: c.validity_months, description: c.description });

export class TrainingService {
  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
  ) {}

  // ---------------- courses ----------------

  async courses(actor: Actor) {
    return (await repo.listCourses(this.db, actor.communityId)).map(toCourse);
  }

  async createCourse(actor: Actor, input: CourseInput, ctx: RequestContext) {
    if (await repo.findCourseByCode(this.db, actor.communityId, input.code)) {
      throw new AppError('conflict', {
        reason: input.code,
        fields: [{ field: 'code', message: 'invalid.duplicateCode' }],
      });
    }
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertCourse(trx, {
        community_id: actor.communityId,
        id,
        code: input.code,
        title: input.title,
        validity_months: input.validityMonths ?? null,
        description: input.description ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.course.create',
        entityType: 'training_course',
        entityId: id,
        detail: { code: input.code },
      });
    });
    return { id };
  }

  async updateCourse(actor: Actor, id: string, input: Partial<CourseInput>, ctx: RequestContext) {
    const c = await repo.getCourse(this.db, actor.communityId, id);
    if (!c) throw new AppError('not_found', { entity: 'course' });
    if (input.code && input.code !== c.code && (await repo.findCourseByCode(this.db, actor.communityId, input.code))) {
      throw new AppError('conflict', {
        reason: input.code,
        fields: [{ field: 'code', message: 'invalid.duplicateCode' }],
      });
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.updateCourse(trx, actor.communityId, id, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.title !== undefined && { title: input.title }),
        ...(input.validityMonths !== undefined && { validity_months: input.validityMonths ?? null }),
        ...(input.description !== undefined && { description: input.description ?? null }),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.course.update',
        entityType: 'training_course',
        entityId: id,
        detail: { fields: Object.keys(input) },
      });
    });
  }

  // ---------------- sessions ----------------

  async sessions(actor: Actor, f: { courseId?: string; page: number; pageSize: number }) {
    const { rows, total } = await repo.listSessions(this.db, actor.communityId, f);
    const items = rows.map((s) => ({
      id: s.id,
      courseId: s.course_id,
      courseCode: s.course_code,
      courseTitle: s.course_title,
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      place: s.place,
      trainer: s.trainer,
      capacity: s.capacity,
      signedUp: Number(s.signed_up ?? 0),
    }));
    return { items, total, page: f.page, pageSize: f.pageSize };
  }

  async createSession(actor: Actor, input: SessionInput, ctx: RequestContext) {
    if (!(await repo.getCourse(this.db, actor.communityId, input.courseId)))
      throw new AppError('not_found', { entity: 'course', fields: [{ field: 'courseId', message: 'invalid.id' }] });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertSession(trx, {
        community_id: actor.communityId,
        id,
        course_id: input.courseId,
        starts_at: new Date(input.startsAt).toISOString(),
        ends_at: new Date(input.endsAt).toISOString(),
        place: input.place,
        trainer: input.trainer ?? null,
        capacity: input.capacity ?? null,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.session.create',
        entityType: 'training_session',
        entityId: id,
        detail: { courseId: input.courseId, startsAt: input.startsAt },
      });
    });
    return { id };
  }

  private async sessionOr404(sessionId: string, actor: Actor, db: DbOrTrx = this.db) {
    const s = await repo.getSession(db, actor.communityId, sessionId);
    if (!s) throw new AppError('not_found', { entity: 'session' });
    return s;
  }

  async attendance(actor: Actor, grant: Grant, sessionId: string) {
    await this.sessionOr404(sessionId, actor);
    const rows = await repo.listAttendance(this.db, actor, grant, sessionId);
    return rows.map((a) => ({
      volunteerId: a.volunteer_id,
      name: a.name,
      status: a.status as AttendanceStatus,
      updatedAt: a.updated_at,
    }));
  }

  /**
   * Signs a volunteer up. The count and the insert run under the session's lock, so a session never goes over capacity.
   */
  private async signUp(actor: Actor, sessionId: string, volunteerId: string, ctx: RequestContext, self: boolean) {
    await this.db.transaction().execute(async (trx) => {
      const s = await repo.lockSession(trx, this.kind, actor.communityId, sessionId);
      if (!s) throw new AppError('not_found', { entity: 'session' });
      if (await repo.getAttendance(trx, actor.communityId, sessionId, volunteerId))
        throw new AppError('conflict', {
          reason: 'already',
          fields: [{ field: 'volunteerId', message: 'invalid.alreadySignedUp' }],
        });
      if (self && s.starts_at < new Date().toISOString()) throw new AppError('session_closed');
      if (s.capacity !== null && (await repo.countAttendance(trx, actor.communityId, sessionId)) >= s.capacity)
        throw new AppError('session_full', { capacity: s.capacity });
      await repo.insertAttendance(trx, actor.communityId, sessionId, volunteerId, new Date().toISOString());
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.signup',
        entityType: 'training_session',
        entityId: sessionId,
        detail: { volunteerId },
      });
    });
  }

  async register(actor: Actor, grant: Grant, sessionId: string, volunteerId: string, ctx: RequestContext) {
    await this.sessionOr404(sessionId, actor);
    // Staff manage training for the whole community; the volunteer must still exist here.
    const v = await this.directory.owner(actor.communityId, volunteerId);
    if (!v)
      throw new AppError('not_found', {
        entity: 'volunteer',
        fields: [{ field: 'volunteerId', message: 'invalid.id' }],
      });
    if (v.status !== 'approved') throw new AppError('volunteer_not_approved');
    await this.signUp(actor, sessionId, volunteerId, ctx, false);
  }

  async signUpSelf(actor: Actor, sessionId: string, ctx: RequestContext) {
    const me = await this.directory.self(actor);
    if (!me) throw new AppError('not_found', { entity: 'volunteer' });
    if (me.status !== 'approved') throw new AppError('volunteer_not_approved');
    await this.sessionOr404(sessionId, actor);
    await this.signUp(actor, sessionId, me.id, ctx, true);
  }

  async unregister(actor: Actor, sessionId: string, volunteerId: string, ctx: RequestContext) {
    await this.db.transaction().execute(async (trx) => {
      const a = await repo.getAttendance(trx, actor.communityId, sessionId, volunteerId);
      if (!a) throw new AppError('not_found', { entity: 'attendance' });
      await repo.deleteCertificateForSession(trx, actor.communityId, sessionId, volunteerId);
      await repo.deleteAttendance(trx, actor.communityId, sessionId, volunteerId);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.unregister',
        entityType: 'training_session',
        entityId: sessionId,
        detail: { volunteerId },
      });
    });
  }

  /** Marks attendance. 'attended' issues the certificate (once); changing it back withdraws that certificate. */
  async mark(actor: Actor, sessionId: string, volunteerId: string, status: AttendanceStatus, ctx: RequestContext) {
    return this.db.transaction().execute(async (trx) => {
      const s = await this.sessionOr404(sessionId, actor, trx);
      const a = await repo.getAttendance(trx, actor.communityId, sessionId, volunteerId);
      if (!a) throw new AppError('not_found', { entity: 'attendance' });
      const now = new Date().toISOString();
      await repo.setAttendance(trx, actor.communityId, sessionId, volunteerId, status, now);
      let certificate: { id: string; issuedOn: string; expiresOn: string | null } | null = null;
      if (status === 'attended') {
        const existing = await repo.certificateForSession(trx, actor.communityId, sessionId, volunteerId);
        if (existing) certificate = { id: existing.id, issuedOn: existing.issued_on, expiresOn: existing.expires_on };
        else {
          const course = (await repo.getCourse(trx, actor.communityId, s.course_id))!;
          const issuedOn = todayInShanghai(new Date(s.starts_at));
          certificate = {
            id: uuidv7(),
            issuedOn,
            expiresOn: course.validity_months ? addMonths(issuedOn, course.validity_months) : null,
          };
          await repo.insertCertificate(trx, {
            community_id: actor.communityId,
            id: certificate.id,
            volunteer_id: volunteerId,
            course_id: s.course_id,
            session_id: sessionId,
            issued_on: issuedOn,
            expires_on: certificate.expiresOn,
            created_at: now,
            notified_on: null,
          });
        }
      } else {
        await repo.deleteCertificateForSession(trx, actor.communityId, sessionId, volunteerId);
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'training.attendance',
        entityType: 'training_session',
        entityId: sessionId,
        detail: { volunteerId, status, certificateId: certificate?.id ?? null },
      });
      return { status, certificate };
    });
  }

  // ---------------- certificates ----------------

  async certificatesOf(actor: Actor, volunteerId: string) {
    // A volunteer reads their own; staff read those of volunteers in their scope.
    const grant = can(actor, 'volunteers.read')
      ? authorize(actor, 'volunteers.read')
      : authorize(actor, 'volunteer.self');
    await this.directory.inScope(actor, grant, volunteerId);
    return (await repo.certificatesOf(this.db, actor, grant, volunteerId)).map(toCertificate);
  }

  async expiring(actor: Actor, grant: Grant, days: number, f: { q?: string; page: number; pageSize: number }) {
    const today = todayInShanghai();
    const { rows, total } = await repo.expiringCertificates(this.db, actor, grant, today, addDays(today, days), f);
    return { items: rows.map(toCertificate), total, page: f.page, pageSize: f.pageSize };
  }
}

function toCertificate(c: {
  id: string;
  volunteer_id: string;
  volunteer_name: string;
  course_id: string;
  course_code: string;
  course_title: string;
  session_id: string | null;
  issued_on: string;
  expires_on: string | null;
}) {
  return {
    id: c.id,
    volunteerId: c.volunteer_id,
    volunteerName: c.volunteer_name,
    courseId: c.course_id,
    courseCode: c.course_code,
    courseTitle: c.course_title,
    sessionId: c.session_id,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
  };
}
