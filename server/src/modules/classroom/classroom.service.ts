// The 4:30 classroom (四点半课堂): after school, children of working (often migrant) parents do homework with
// volunteer tutors until a family member collects them. Staff enrol children with a guardian's consent and
// name the adults authorised to collect each child; each adult has a pickup code of their own (stored only as
// a keyed hash, shown once), so the record says into whose care the child left. A child is checked in once
// per session and checked out only to an active authorised adult of that child, proven by their code or their
// registered phone; every guardian gets an SMS at both events, in the same transaction. A child expected but
// not arrived by the expected-by time raises one alert. Closing a session records the tutors' hours.
//
// Access: classroom.manage (staff) for enrolment, sessions and figures; classroom.attend for the day's work —
// staff on any session (none still to come), a volunteer tutor (scope 'self') only on today's session and only
// when its rota names them.
import { randomInt } from 'node:crypto';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { ClassroomAdultTable, ClassroomChildTable, ClassroomSessionTable } from '../../db/schema/classroom.ts';
import { authorize, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { normalizeMobile } from '../../../../domain/shared/phone.ts';
import { minuteText } from '../../../../domain/appointments/schedule.ts';
import { shanghaiInstant, shanghaiLocal, weekdayOf } from '../../../../domain/shared/dates.ts';
import {
  expectedOn,
  familyKey,
  figuresOf,
  minutesBetween,
  rotaWork,
  termDates,
} from '../../../../domain/classroom/rules.ts';
import type {
  AdultInput,
  BoardState,
  BoardView,
  CheckOutInput,
  CheckOutResult,
  ChildInput,
  ChildView,
  CodeShown,
  FiguresView,
  LogView,
  SessionInput,
  SessionView,
  TermInput,
  TodayView,
} from '../../../../domain/classroom/schemas.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { Override } from '../../../../domain/volunteers/work-policy.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { ReleasedWork } from '../volunteers/guardian-consent.service.ts';
import { alertView, boardChildView, childView, logView, sessionView } from './classroom.mapper.ts';
import { ContactService } from '../contacts/contacts.service.ts';
import type { Page } from '../../../../domain/shared/schemas.ts';
import * as repo from './classroom.repository.ts';
import { addCheckInToRollups } from './classroom.rollup.ts';
import { staffPhones } from '../auth/staff-directory.ts';

/** The author of what the classroom's own jobs record. */
const SYSTEM = { accountId: null, name: '系统', role: null };
/** Refused pickups of one child in a day after which a tutor (not staff) can no longer try. */
export const MAX_REFUSED_PICKUPS = 5;
const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const clock = (iso: string) => minuteText(shanghaiLocal(iso).minute);

export type { CodeShown };

export class ClassroomService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly notifier: Notifier,
    private readonly hours: HoursService,
    private readonly cipher: FieldCipher,
    private readonly eligibility: EligibilityService,
    private readonly contacts: ContactService = new ContactService(),
  ) {}

  /** The one gate for the 4:30 rota: tutors of a session on its day, from its start to its end. */
  private async gateRota(
    db: DbOrTrx,
    actor: Actor,
    ctx: RequestContext,
    s: { id?: string; date: string; starts: string; ends: string },
    volunteerIds: readonly string[],
    override?: Override | null,
  ) {
    await this.eligibility.gate(db, actor, ctx, {
      work: rotaWork(s),
      volunteerIds,
      entityType: 'classroom_session',
      entityId: s.id ?? s.date,
      override,
    });
  }

  /** The keyed hash of an adult's pickup code: without the server's key a stolen table does not give the codes. */
  codeHash(communityId: string, adultId: string, code: string): string {
    return this.cipher.token(communityId, `classroom.pickup.${adultId}`, code);
  }

  // ------------------------------------------------------------------ access

  private async childOr404(communityId: string, id: string, db: DbOrTrx = this.db): Promise<ClassroomChildTable> {
    const c = await repo.getChild(db, communityId, id);
    if (!c) throw new AppError('not_found', { entity: 'classroom_child' });
    return c;
  }

  private async sessionOr404(communityId: string, id: string, db: DbOrTrx = this.db): Promise<ClassroomSessionTable> {
    const s = await repo.getSession(db, communityId, id);
    if (!s) throw new AppError('not_found', { entity: 'classroom_session' });
    return s;
  }

  /** Staff may work any session; a tutor only one whose rota names them. Returns the tutor's volunteer id, if any. */
  private async attends(
    actor: Actor,
    s: ClassroomSessionTable,
    db: DbOrTrx = this.db,
  ): Promise<{ grant: Grant; volunteerId: string | null }> {
    const grant = authorize(actor, 'classroom.attend');
    const self = await this.directory.self(actor, db);
    if (grant.scope === 'community') return { grant, volunteerId: self?.id ?? null };
    if (self && (await repo.onRota(db, actor.communityId, s.id, self.id))) {
      // A rota is for its own day: yesterday's or next week's children are not a tutor's business today.
      if (s.date !== todayInShanghai()) throw new AppError('classroom_not_today', { date: s.date });
      return { grant, volunteerId: self.id };
    }
    throw new AppError('classroom_not_on_rota', { date: s.date });
  }

  /** Nobody is checked in or out of a session still to come (it would tell the family something false). */
  private static notAhead(s: ClassroomSessionTable) {
    if (s.date > todayInShanghai()) throw new AppError('classroom_not_today', { date: s.date });
  }

  // ------------------------------------------------------------------ children and adults

  async children(actor: Actor, f: repo.ChildFilter, ctx: RequestContext): Promise<Page<ChildView>> {
    authorize(actor, 'classroom.manage');
    const status = f.status;
    const { rows, total } = await repo.listChildren(this.db, actor.communityId, f);
    const adults = await repo.adultsOf(
      this.db,
      actor.communityId,
      rows.map((r) => r.id),
    );
    // Children's data is sensitive (under 14): reading the roll is recorded.
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'classroom.children.read',
      entityType: 'classroom_child',
      detail: { status, q: f.q ?? null, page: f.page, count: rows.length },
    });
    return {
      items: rows.map((c) =>
        childView(
          c,
          adults.filter((a) => a.child_id === c.id),
        ),
      ),
      total,
      page: f.page,
      pageSize: f.pageSize,
    };
  }

  private newCode(taken: ReadonlySet<string>, communityId: string, adultId: string): { code: string; hash: string } {
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const hash = this.codeHash(communityId, adultId, code);
      if (!taken.has(code)) return { code, hash };
    }
  }

  /**
   * A code no other adult of the child has (their hashes are keyed by their own ids), so a code names exactly one
   * person.
   */
  private async freshCode(
    db: DbOrTrx,
    communityId: string,
    childId: string,
    adultId: string,
  ): Promise<{ code: string; hash: string }> {
    const others = (await repo.adultsOf(db, communityId, [childId])).filter((o) => o.id !== adultId && o.code_hash);
    for (;;) {
      const pick = this.newCode(new Set(), communityId, adultId);
      if (!others.some((o) => o.code_hash === this.codeHash(communityId, o.id, pick.code))) return pick;
    }
  }

  async enrol(actor: Actor, input: ChildInput, ctx: RequestContext): Promise<{ id: string; codes: CodeShown[] }> {
    authorize(actor, 'classroom.manage');
    await this.checkRegistry(actor.communityId, input.residentId ?? null, input.householdId ?? null);
    const now = new Date().toISOString();
    const id = uuidv7();
    return this.db.transaction().execute(async (trx) => {
      await repo.insertChild(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        gender: input.gender,
        birth_date: input.birthDate,
        school: input.school,
        grade: input.grade,
        resident_id: input.residentId ?? null,
        household_id: input.householdId ?? null,
        weekdays: input.weekdays,
        enrolled_on: input.enrolledOn,
        left_on: null,
        status: 'active',
        consent_by: input.consentBy,
        consent_relation: input.consentRelation,
        consent_at: now,
        note: input.note ?? null,
        created_at: now,
        updated_at: now,
      });
      const codes: CodeShown[] = [];
      const taken = new Set<string>();
      for (const a of input.adults) codes.push(await this.insertAdult(trx, actor.communityId, id, a, taken, now));
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.enrol',
        entityType: 'classroom_child',
        entityId: id,
        detail: {
          name: input.name,
          consentBy: input.consentBy,
          consentRelation: input.consentRelation,
          adults: input.adults.length,
        },
      });
      return { id, codes };
    });
  }

  private async checkRegistry(communityId: string, residentId: string | null, householdId: string | null) {
    const fields: Array<{ field: string; message: string }> = [];
    if (residentId && !(await repo.residentExists(this.db, communityId, residentId)))
      fields.push({ field: 'residentId', message: 'invalid.unknownResident' });
    if (householdId && !(await repo.householdExists(this.db, communityId, householdId)))
      fields.push({ field: 'householdId', message: 'invalid.unknownHousehold' });
    if (fields.length) throw new AppError('validation', { fields });
  }

  private async insertAdult(
    trx: Trx,
    communityId: string,
    childId: string,
    a: AdultInput,
    taken: Set<string> | null,
    now: string,
  ): Promise<CodeShown> {
    const adultId = uuidv7();
    // At enrolment the codes drawn so far are known; an adult added later is checked against the stored ones.
    const { code, hash } = taken
      ? this.newCode(taken, communityId, adultId)
      : await this.freshCode(trx, communityId, childId, adultId);
    taken?.add(code);
    try {
      await repo.insertAdult(trx, {
        community_id: communityId,
        id: adultId,
        child_id: childId,
        name: a.name,
        relation: a.relation,
        phone: a.phone,
        is_guardian: a.isGuardian ? 1 : 0,
        code_hash: hash,
        code_set_at: now,
        active: 1,
        created_at: now,
        updated_at: now,
      });
    } catch (err) {
      if (repo.isUniqueViolation(err))
        throw new AppError('validation', { fields: [{ field: 'phone', message: 'classroom.adultPhoneTwice' }] });
      throw err;
    }
    return { adultId, name: a.name, relation: a.relation, code };
  }

  async updateChild(
    actor: Actor,
    id: string,
    patch: { school?: string; grade?: string; weekdays?: string; note?: string | null; leftOn?: string },
    ctx: RequestContext,
  ) {
    authorize(actor, 'classroom.manage');
    const c = await this.childOr404(actor.communityId, id);
    if (patch.leftOn && patch.leftOn < c.enrolled_on)
      throw new AppError('validation', { fields: [{ field: 'leftOn', message: 'invalid.endBeforeStart' }] });
    await this.db.transaction().execute(async (trx) => {
      await repo.updateChild(trx, actor.communityId, id, {
        ...(patch.school !== undefined && { school: patch.school }),
        ...(patch.grade !== undefined && { grade: patch.grade }),
        ...(patch.weekdays !== undefined && { weekdays: patch.weekdays }),
        ...(patch.note !== undefined && { note: patch.note ?? null }),
        ...(patch.leftOn !== undefined && { left_on: patch.leftOn, status: 'left' }),
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.child.update',
        entityType: 'classroom_child',
        entityId: id,
        detail: { ...patch },
      });
    });
  }

  async addAdult(actor: Actor, childId: string, input: AdultInput, ctx: RequestContext): Promise<CodeShown> {
    authorize(actor, 'classroom.manage');
    await this.childOr404(actor.communityId, childId);
    return this.db.transaction().execute(async (trx) => {
      const shown = await this.insertAdult(trx, actor.communityId, childId, input, null, new Date().toISOString());
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.adult.add',
        entityType: 'classroom_adult',
        entityId: shown.adultId,
        detail: { childId, name: input.name, relation: input.relation, isGuardian: input.isGuardian },
      });
      return shown;
    });
  }

  async setAdultActive(actor: Actor, adultId: string, active: boolean, ctx: RequestContext) {
    authorize(actor, 'classroom.manage');
    const a = await repo.getAdult(this.db, actor.communityId, adultId);
    if (!a) throw new AppError('not_found', { entity: 'classroom_adult' });
    await this.db.transaction().execute(async (trx) => {
      if (
        !active &&
        a.is_guardian === 1 &&
        a.active === 1 &&
        (await this.guardians(trx, actor.communityId, a.child_id)).length <= 1
      ) {
        // Without an active guardian nobody would be told when the child arrives or leaves.
        throw new AppError('validation', { fields: [{ field: 'active', message: 'classroom.lastGuardian' }] });
      }
      await repo.updateAdult(trx, actor.communityId, adultId, {
        active: active ? 1 : 0,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.adult.active',
        entityType: 'classroom_adult',
        entityId: adultId,
        detail: { active },
      });
    });
  }

  /** A new code for one adult, shown this once; the old one stops working. */
  async resetCode(actor: Actor, adultId: string, ctx: RequestContext): Promise<CodeShown> {
    authorize(actor, 'classroom.manage');
    const a = await repo.getAdult(this.db, actor.communityId, adultId);
    if (!a) throw new AppError('not_found', { entity: 'classroom_adult' });
    const pick = await this.freshCode(this.db, actor.communityId, a.child_id, a.id);
    await this.db.transaction().execute(async (trx) => {
      await repo.updateAdult(trx, actor.communityId, adultId, {
        code_hash: pick.hash,
        code_set_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.adult.code',
        entityType: 'classroom_adult',
        entityId: adultId,
        detail: { childId: a.child_id },
      });
    });
    return { adultId, name: a.name, relation: a.relation, code: pick.code };
  }

  // ------------------------------------------------------------------ sessions and the rota

  /**
   * Sessions on every school day of a term (skipping holidays and days that already have one), with the weekly
   * rota.
   */
  async generateTerm(
    actor: Actor,
    input: TermInput,
    ctx: RequestContext,
  ): Promise<{ created: number; skipped: number }> {
    authorize(actor, 'classroom.manage');
    const dates = termDates(input.from, input.to, input.holidays);
    const wanted = Object.values(input.rota).flat() as string[];
    const known = await repo.volunteersExist(this.db, actor.communityId, wanted);
    const unknown = wanted.find((v) => !known.has(v));
    if (unknown) throw new AppError('validation', { fields: [{ field: 'rota', message: 'invalid.unknownVolunteer' }] });
    // Each weekday's tutors pass the gate on that weekday's first school day of the term.
    for (const [wd, ids] of Object.entries(input.rota)) {
      const first = dates.find((d) => weekdayOf(d) === Number(wd));
      if (first && ids?.length)
        await this.gateRota(this.db, actor, ctx, { date: first, starts: input.starts, ends: input.ends }, ids);
    }
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const existing = new Set(
        (await repo.sessionsBetween(trx, actor.communityId, input.from, input.to)).map((s) => s.date),
      );
      let created = 0;
      for (const date of dates) {
        if (existing.has(date)) continue;
        const id = uuidv7();
        await repo.insertSession(trx, {
          community_id: actor.communityId,
          id,
          date,
          starts: input.starts,
          expected_by: input.expectedBy,
          ends: input.ends,
          place: input.place,
          closed_at: null,
          closed_by_name: null,
          created_at: now,
        });
        const wd = weekdayOf(date) as 1 | 2 | 3 | 4 | 5;
        await repo.insertRota(trx, actor.communityId, id, [...new Set(input.rota[wd] ?? [])]);
        created++;
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.term',
        entityType: 'classroom_session',
        detail: { from: input.from, to: input.to, created },
      });
      return { created, skipped: dates.length - created };
    });
  }

  /** One extra session (any day of the week), with its tutors. */
  async addSession(actor: Actor, input: SessionInput, ctx: RequestContext): Promise<{ id: string }> {
    authorize(actor, 'classroom.manage');
    const ids = [...new Set(input.volunteerIds)];
    const known = await repo.volunteersExist(this.db, actor.communityId, ids);
    if (ids.some((v) => !known.has(v)))
      throw new AppError('validation', { fields: [{ field: 'volunteerIds', message: 'invalid.unknownVolunteer' }] });
    const id = uuidv7();
    try {
      await this.db.transaction().execute(async (trx) => {
        await this.gateRota(trx, actor, ctx, { id, ...input }, ids);
        await repo.insertSession(trx, {
          community_id: actor.communityId,
          id,
          date: input.date,
          starts: input.starts,
          expected_by: input.expectedBy,
          ends: input.ends,
          place: input.place,
          closed_at: null,
          closed_by_name: null,
          created_at: new Date().toISOString(),
        });
        await repo.insertRota(trx, actor.communityId, id, ids);
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'classroom.session',
          entityType: 'classroom_session',
          entityId: id,
          detail: { date: input.date, volunteerIds: ids },
        });
      });
    } catch (err) {
      if (repo.isUniqueViolation(err))
        throw new AppError('validation', { fields: [{ field: 'date', message: 'classroom.sessionExists' }] });
      throw err;
    }
    return { id };
  }

  async sessions(actor: Actor, from: string, to: string): Promise<{ items: SessionView[] }> {
    authorize(actor, 'classroom.manage');
    const rows = await repo.sessionsBetween(this.db, actor.communityId, from, to);
    const rota = await repo.rotaOf(
      this.db,
      actor.communityId,
      rows.map((s) => s.id),
    );
    const countOf = await repo.attendedCounts(
      this.db,
      actor.communityId,
      rows.map((s) => s.id),
    );
    return {
      items: rows.map((s) => ({
        ...sessionView(
          s,
          rota.filter((r) => r.session_id === s.id),
        ),
        attended: countOf.get(s.id) ?? 0,
      })),
    };
  }

  async setRota(
    actor: Actor,
    sessionId: string,
    volunteerIds: string[],
    ctx: RequestContext,
    override?: Override | null,
  ) {
    authorize(actor, 'classroom.manage');
    const s = await this.sessionOr404(actor.communityId, sessionId);
    if (s.closed_at) throw new AppError('classroom_session_closed', { date: s.date });
    const ids = [...new Set(volunteerIds)];
    const known = await repo.volunteersExist(this.db, actor.communityId, ids);
    if (ids.some((v) => !known.has(v)))
      throw new AppError('validation', { fields: [{ field: 'volunteerIds', message: 'invalid.unknownVolunteer' }] });
    await this.db.transaction().execute(async (trx) => {
      await this.gateRota(trx, actor, ctx, s, ids, override);
      await repo.clearRota(trx, actor.communityId, sessionId);
      await repo.insertRota(trx, actor.communityId, sessionId, ids);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.rota',
        entityType: 'classroom_session',
        entityId: sessionId,
        detail: { volunteerIds: ids },
      });
    });
  }

  /**
   * A guardian withdrew consent: the volunteer comes off the rota of every session from today on not yet closed,
   * inside the caller's transaction. Closed sessions (their attendance and hours) stay as they are.
   */
  async releaseVolunteer(trx: Trx, communityId: string, volunteerId: string, _reason: string): Promise<ReleasedWork[]> {
    const released: ReleasedWork[] = [];
    for (const s of await repo.rotaDaysOf(trx, communityId, volunteerId, todayInShanghai())) {
      if (s.closed_at) continue;
      const others = (await repo.rotaOf(trx, communityId, [s.id])).filter((r) => r.volunteer_id !== volunteerId);
      await repo.clearRota(trx, communityId, s.id);
      await repo.insertRota(
        trx,
        communityId,
        s.id,
        others.map((r) => r.volunteer_id),
      );
      released.push({ kind: 'classroom_rota', id: s.id, label: `四点半课堂 ${s.date}` });
    }
    return released;
  }

  /** Closes a held session: the tutors who came get its hours in the ledger (source 'classroom'). */
  async close(
    actor: Actor,
    sessionId: string,
    presentIds: string[],
    ctx: RequestContext,
  ): Promise<{ recorded: number; overlapping: string[] }> {
    authorize(actor, 'classroom.manage');
    const s = await this.sessionOr404(actor.communityId, sessionId);
    if (s.date > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'sessionId', message: 'invalid.inFuture' }] });
    const present = new Set(presentIds);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      if (!(await repo.closeSession(trx, actor.communityId, sessionId, now, actor.name)))
        throw new AppError('classroom_session_closed', { date: s.date });
      // A closed session can no longer be worked: a child still inside must first be handed over, so the record
      // always says into whose care each child left.
      const inside = await repo.childrenInside(trx, actor.communityId, sessionId);
      if (inside.length)
        throw new AppError('classroom_children_inside', {
          count: inside.length,
          names: inside.slice(0, 5).join('、') + (inside.length > 5 ? '…' : ''),
        });
      const rota = await repo.rotaOf(trx, actor.communityId, [sessionId]);
      if ([...present].some((v) => !rota.some((r) => r.volunteer_id === v)))
        throw new AppError('validation', {
          fields: [{ field: 'presentVolunteerIds', message: 'classroom.notOnRota' }],
        });
      let recorded = 0;
      const overlapping: string[] = [];
      for (const r of rota) {
        const came = present.has(r.volunteer_id);
        await repo.setPresent(trx, actor.communityId, sessionId, r.volunteer_id, came);
        if (!came) continue;
        try {
          await this.hours.recordService(trx, {
            communityId: actor.communityId,
            volunteerId: r.volunteer_id,
            source: 'classroom',
            sourceId: sessionId,
            serviceDate: s.date,
            startedAt: shanghaiInstant(s.date, toMinute(s.starts)),
            endedAt: shanghaiInstant(s.date, toMinute(s.ends)),
            minutes: minutesBetween(s.starts, s.ends),
            description: `四点半课堂 · ${s.place}`,
            recordedBy: { accountId: actor.accountId, name: actor.name },
          });
          recorded++;
        } catch (err) {
          // Service already recorded at the same time (an activity, say) is a question for the hours desk, not a reason
          // to keep the session open for everyone: the overlap check only reads, so the transaction goes on.
          if (err instanceof AppError && err.code === 'hours_overlap') {
            overlapping.push(r.name);
            continue;
          }
          throw err;
        }
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.close',
        entityType: 'classroom_session',
        entityId: sessionId,
        detail: { present: [...present], overlapping },
      });
      return { recorded, overlapping };
    });
  }

  /** My 4:30 rota days from today on (volunteer.self): for the combined 我的任务 list. */
  async myRotaDays(
    actor: Actor,
  ): Promise<Array<{ sessionId: string; date: string; starts: string; ends: string; place: string }>> {
    const v = await this.directory.self(actor);
    if (!v) return [];
    const rows = await repo.rotaDaysOf(this.db, actor.communityId, v.id, todayInShanghai());
    return rows.map((s) => ({ sessionId: s.id, date: s.date, starts: s.starts, ends: s.ends, place: s.place }));
  }

  // ------------------------------------------------------------------ the day's board

  async today(actor: Actor, ctx: RequestContext): Promise<TodayView> {
    const grant = authorize(actor, 'classroom.attend');
    const s = await repo.sessionOn(this.db, actor.communityId, todayInShanghai());
    if (!s) return { session: null };
    // Any volunteer may open the classroom page (to take a rota day someone offers): not being on today's rota is
    // an answer, not a refusal. The board itself stays refused to them.
    if (grant.scope !== 'community') {
      const self = await this.directory.self(actor);
      if (!self || !(await repo.onRota(this.db, actor.communityId, s.id, self.id)))
        return { session: null, notOnRota: true };
    }
    return this.board(actor, s.id, ctx);
  }

  async board(actor: Actor, sessionId: string, ctx: RequestContext): Promise<BoardView> {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    await this.attends(actor, s);
    const [children, attendance, rota, alerts] = await Promise.all([
      repo.childrenOn(this.db, actor.communityId, s.date),
      repo.attendanceOf(this.db, actor.communityId, s.id),
      repo.rotaOf(this.db, actor.communityId, [s.id]),
      repo.alertsOf(this.db, actor.communityId, [s.id]),
    ]);
    const att = new Map(attendance.map((a) => [a.child_id, a]));
    // Every child enrolled that day: the expected first; one who comes on another day can be checked in too.
    const shown = [...children].sort((a, b) => Number(expectedOn(b, s.date)) - Number(expectedOn(a, s.date)));
    const adults = await repo.adultsOf(
      this.db,
      actor.communityId,
      shown.map((c) => c.id),
    );
    const adultName = new Map(adults.map((a) => [a.id, `${a.relation} ${a.name}`]));
    const childName = new Map(shown.map((c) => [c.id, c.name]));
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'classroom.board.read',
      entityType: 'classroom_session',
      entityId: s.id,
      detail: { children: shown.length },
    });
    return {
      session: sessionView(s, rota),
      children: shown.map((c) => {
        const a = att.get(c.id);
        const state: BoardState = a?.checked_out_at
          ? 'out'
          : a?.checked_in_at
            ? 'in'
            : a?.absent_reported_at
              ? 'absent'
              : expectedOn(c, s.date)
                ? 'expected'
                : 'off';
        return boardChildView(
          c,
          state,
          a,
          a?.out_adult_id ? (adultName.get(a.out_adult_id) ?? null) : null,
          adults.filter((x) => x.child_id === c.id && x.active === 1),
        );
      }),
      alerts: alerts.map((a) => alertView(a, childName.get(a.child_id) ?? '')),
    };
  }

  private async guardians(db: DbOrTrx, communityId: string, childId: string): Promise<ClassroomAdultTable[]> {
    return (await repo.adultsOf(db, communityId, [childId])).filter((a) => a.is_guardian === 1 && a.active === 1);
  }

  private async enrolledChild(
    communityId: string,
    childId: string,
    date: string,
    db: DbOrTrx = this.db,
  ): Promise<ClassroomChildTable> {
    const c = await this.childOr404(communityId, childId, db);
    if (c.enrolled_on > date || (c.left_on && c.left_on < date))
      throw new AppError('classroom_not_enrolled', { name: c.name });
    return c;
  }

  async checkIn(
    actor: Actor,
    sessionId: string,
    childId: string,
    ctx: RequestContext,
  ): Promise<{ checkedInAt: string }> {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    await this.attends(actor, s);
    ClassroomService.notAhead(s);
    if (s.closed_at) throw new AppError('classroom_session_closed', { date: s.date });
    const c = await this.enrolledChild(actor.communityId, childId, s.date);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      await repo.ensureAttendance(trx, actor.communityId, s.id, c.id);
      // The conditional update is the guard: of two tutors tapping at once, exactly one changes the row.
      const by = { at: now, accountId: actor.accountId, name: actor.name };
      if (!(await repo.checkIn(trx, actor.communityId, s.id, c.id, by))) {
        const a = await repo.getAttendance(trx, actor.communityId, s.id, c.id);
        throw new AppError('classroom_already_in', {
          name: c.name,
          time: a?.checked_in_at ? clock(a.checked_in_at) : '',
          by: a?.checked_in_by_name ?? '',
        });
      }
      // The figures' rollups, in the same transaction: the child came this year, and the session was held.
      await addCheckInToRollups(trx, actor.communityId, s.date, c.id);
      for (const g of await this.guardians(trx, actor.communityId, c.id)) {
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: g.phone,
          template: 'classroom.checkedIn',
          payload: { child: c.name, time: clock(now), place: s.place },
        });
      }
      // The child came: a session for their household in the record of service (a child outside the registry has none).
      if (c.household_id || c.resident_id)
        await this.contacts.record(trx, [
          {
            communityId: actor.communityId,
            kind: 'classroom_session',
            sourceId: s.id,
            householdId: c.household_id,
            residentId: c.resident_id,
            householdLevel: true,
            occurredAt: now,
            volunteerId: (await this.directory.self(actor, trx))?.id ?? null,
            servedBy: actor.name,
          },
        ]);
      // A late child has arrived: their open alert is answered by the check-in itself (the family gets the text above).
      await repo.clearAlertOf(trx, actor.communityId, s.id, c.id, { ...by, note: `${clock(now)} 到达签到` });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.checkin',
        entityType: 'classroom_child',
        entityId: c.id,
        detail: { sessionId: s.id, date: s.date },
      });
      return { checkedInAt: now };
    });
  }

  /** Out only to an active authorised adult of this child, proven by their own code or their registered phone. */
  async checkOut(actor: Actor, sessionId: string, input: CheckOutInput, ctx: RequestContext): Promise<CheckOutResult> {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    const { grant } = await this.attends(actor, s);
    ClassroomService.notAhead(s);
    const c = await this.childOr404(actor.communityId, input.childId);
    const a = await repo.getAttendance(this.db, actor.communityId, s.id, c.id);
    if (!a?.checked_in_at) throw new AppError('classroom_not_in', { name: c.name });
    if (a.checked_out_at) throw new AppError('classroom_already_out', { name: c.name, time: clock(a.checked_out_at) });
    const tutor = grant.scope !== 'community';
    // A code has a million values: a tutor gets MAX_REFUSED_PICKUPS tries per child and session, each taken by a
    // conditional update before the proof is looked at, so guesses sent all at once cannot slip past the count.
    // Staff, who can see the roll and call the family, are not limited (their misses still count).
    if (tutor && !(await repo.takePickupTry(this.db, actor.communityId, s.id, c.id, MAX_REFUSED_PICKUPS)))
      throw new AppError('classroom_pickup_locked', { name: c.name, tries: MAX_REFUSED_PICKUPS });
    const adults = (await repo.adultsOf(this.db, actor.communityId, [c.id])).filter((x) => x.active === 1);
    let matches: ClassroomAdultTable[];
    if (input.method === 'code')
      matches = adults.filter(
        (x) => x.code_hash !== null && x.code_hash === this.codeHash(actor.communityId, x.id, input.code),
      );
    else {
      const phone = normalizeMobile(input.phone);
      matches = phone ? adults.filter((x) => x.phone === phone) : [];
    }
    // The tutor said whom they are handing the child to: the proof must be that adult's own. A proof that fits
    // two people names no one.
    if (input.adultId) matches = matches.filter((x) => x.id === input.adultId);
    const adult = matches.length === 1 ? matches[0] : undefined;
    if (!adult) {
      if (!tutor) await repo.countPickupMiss(this.db, actor.communityId, s.id, c.id);
      // Refused without a hint of who would have been accepted; the attempt itself is kept in the audit log.
      await this.audit.recordBy(this.db, actor, ctx, {
        action: 'classroom.pickup.refused',
        entityType: 'classroom_child',
        entityId: c.id,
        detail: { sessionId: s.id, method: input.method },
      });
      throw new AppError('classroom_pickup_refused', { name: c.name });
    }
    const picked: ClassroomAdultTable = adult;
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      // Conditional: of two check-outs at once, exactly one is recorded (and sends the messages).
      const out = { at: now, accountId: actor.accountId, name: actor.name, adultId: picked.id, method: input.method };
      if (!(await repo.checkOut(trx, actor.communityId, s.id, c.id, out)))
        throw new AppError('classroom_already_out', { name: c.name, time: '' });
      const collectedBy = `${picked.relation} ${picked.name}`;
      for (const g of adults.filter((x) => x.is_guardian === 1)) {
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: g.phone,
          template: 'classroom.checkedOut',
          payload: { child: c.name, time: clock(now), collectedBy },
        });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.checkout',
        entityType: 'classroom_child',
        entityId: c.id,
        detail: { sessionId: s.id, adultId: picked.id, method: input.method },
      });
      return { checkedOutAt: now, collectedBy, method: input.method };
    });
  }

  /** A guardian said beforehand the child will not come: no alert for that child that day. */
  async reportAbsence(actor: Actor, sessionId: string, childId: string, note: string, ctx: RequestContext) {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    await this.attends(actor, s);
    const c = await this.enrolledChild(actor.communityId, childId, s.date);
    await this.db.transaction().execute(async (trx) => {
      await repo.ensureAttendance(trx, actor.communityId, s.id, c.id);
      const by = { at: new Date().toISOString(), name: actor.name, note };
      if (!(await repo.reportAbsence(trx, actor.communityId, s.id, c.id, by))) {
        const a = await repo.getAttendance(trx, actor.communityId, s.id, c.id);
        throw new AppError('classroom_already_in', {
          name: c.name,
          time: a?.checked_in_at ? clock(a.checked_in_at) : '',
          by: a?.checked_in_by_name ?? '',
        });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.absence',
        entityType: 'classroom_child',
        entityId: c.id,
        detail: { sessionId: s.id, note },
      });
    });
  }

  // ------------------------------------------------------------------ arrival alerts

  /** On demand, from the board: raise the alerts now due for this session. */
  async checkArrivals(actor: Actor, sessionId: string): Promise<{ raised: number }> {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    await this.attends(actor, s);
    return { raised: await this.raiseFor(s, new Date()) };
  }

  /** The job: every community's session today, once past its expected-by time. */
  async raiseDueAlerts(now = new Date()): Promise<number> {
    const today = todayInShanghai(now);
    const open = await repo.openSessionsOn(this.db, today);
    let raised = 0;
    for (const s of open) raised += await this.raiseFor(s, now);
    return raised;
  }

  private async raiseFor(s: ClassroomSessionTable, now: Date): Promise<number> {
    if (
      s.closed_at ||
      s.date !== todayInShanghai(now) ||
      now.toISOString() < shanghaiInstant(s.date, toMinute(s.expected_by))
    )
      return 0;
    const children = (await repo.childrenOn(this.db, s.community_id, s.date)).filter((c) => expectedOn(c, s.date));
    const att = new Map((await repo.attendanceOf(this.db, s.community_id, s.id)).map((a) => [a.child_id, a]));
    const missing = children.filter((c) => {
      const a = att.get(c.id);
      return !a?.checked_in_at && !a?.absent_reported_at;
    });
    if (!missing.length) return 0;
    const already = new Set((await repo.alertsOf(this.db, s.community_id, [s.id])).map((a) => a.child_id));
    const tutors = await repo.rotaOf(this.db, s.community_id, [s.id]);
    const onDuty = tutors.length
      ? tutors.map((t) => t.phone)
      : (await staffPhones(this.db, s.community_id)).map((s) => s.phone);
    let raised = 0;
    for (const c of missing) {
      if (already.has(c.id)) continue;
      const at = now.toISOString();
      const ok = await this.db.transaction().execute(async (trx) => {
        const raisedNow = await repo.insertAlertOnce(trx, {
          community_id: s.community_id,
          id: uuidv7(),
          session_id: s.id,
          child_id: c.id,
          raised_at: at,
          cleared_at: null,
          cleared_by: null,
          cleared_by_name: null,
          note: null,
        });
        if (!raisedNow) return false;
        const payload = { child: c.name, expectedBy: s.expected_by, place: s.place };
        for (const g of await this.guardians(trx, s.community_id, c.id))
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: g.phone,
            template: 'classroom.notArrived',
            payload,
          });
        for (const p of new Set(onDuty))
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: p,
            template: 'classroom.notArrivedStaff',
            payload,
          });
        await this.audit.recordBy(trx, { communityId: s.community_id, ...SYSTEM }, null, {
          action: 'classroom.alert',
          entityType: 'classroom_child',
          entityId: c.id,
          detail: { sessionId: s.id },
        });
        return true;
      });
      if (ok) raised++;
    }
    return raised;
  }

  async clearAlert(actor: Actor, alertId: string, note: string, ctx: RequestContext) {
    const alert = await repo.getAlert(this.db, actor.communityId, alertId);
    if (!alert) throw new AppError('not_found', { entity: 'classroom_alert' });
    const s = await this.sessionOr404(actor.communityId, alert.session_id);
    await this.attends(actor, s);
    await this.db.transaction().execute(async (trx) => {
      const by = { at: new Date().toISOString(), accountId: actor.accountId, name: actor.name, note };
      if (!(await repo.clearAlert(trx, actor.communityId, alertId, by)))
        throw new AppError('classroom_alert_cleared', {});
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.alert.clear',
        entityType: 'classroom_child',
        entityId: alert.child_id,
        detail: { alertId, note },
      });
    });
  }

  // ------------------------------------------------------------------ tutors' logs

  async addLog(
    actor: Actor,
    sessionId: string,
    input: { childId?: string | null; subject: string; content: string },
    ctx: RequestContext,
  ): Promise<{ id: string }> {
    const s = await this.sessionOr404(actor.communityId, sessionId);
    const { volunteerId } = await this.attends(actor, s);
    if (input.childId) await this.childOr404(actor.communityId, input.childId);
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertLog(trx, {
        community_id: actor.communityId,
        id,
        session_id: s.id,
        volunteer_id: volunteerId,
        author_name: actor.name,
        child_id: input.childId ?? null,
        subject: input.subject,
        content: input.content,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'classroom.log',
        entityType: 'classroom_session',
        entityId: s.id,
        detail: { subject: input.subject },
      });
    });
    return { id };
  }

  async logs(actor: Actor, from: string, to: string): Promise<{ items: LogView[] }> {
    authorize(actor, 'classroom.manage');
    const rows = await repo.logsOf(this.db, actor.communityId, from, to);
    return { items: rows.map(logView) };
  }

  // ------------------------------------------------------------------ figures

  /** Children and families served, sessions held and tutor-hours, per calendar year and in total. */
  async figures(actor: Actor, since: number | undefined): Promise<FiguresView> {
    authorize(actor, 'classroom.manage');
    const from = `${since ?? 2000}-01-01`;
    const cid = actor.communityId;
    const childYears = await repo.childYearsSince(this.db, cid, from);
    const family = new Map(
      (await repo.families(this.db, cid)).map((c) => [
        c.id,
        familyKey(c.householdId, c.guardianPhones.length ? c.guardianPhones : [c.id]),
      ]),
    );
    const sessions = await repo.sessionGroupsSince(this.db, cid, from, todayInShanghai());
    return figuresOf(
      // One entry per child and year: figuresOf counts distinct children and families by the year of the date.
      childYears.map((a) => ({ date: a.year, childId: a.child_id, family: family.get(a.child_id)! })),
      // One entry per year, hours and held or not, standing for that many sessions and their tutors' minutes.
      sessions.map((s) => ({
        date: s.year,
        held: s.held,
        count: s.sessions,
        tutorMinutes: s.tutors * minutesBetween(s.starts, s.ends),
      })),
    );
  }
}
