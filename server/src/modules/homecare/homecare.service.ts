// Home care (居家照护): tasks for named residents, hospital accompaniment rotas, and holiday delivery runs.
// Staff (homecare.manage) run all three; volunteers (volunteer.self) take open tasks and shifts on the phone,
// record them done (hours go to the ledger in the same transaction) and confirm deliveries in the buildings
// they are assigned to, seeing recipients' names masked. Every race (two volunteers taking one shift, a
// confirmation and a close) is settled by a conditional update, on both databases.
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { authorize } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, shanghaiInstant, shanghaiLocal, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { minuteText } from '../../../../domain/appointments/schedule.ts';
import { festivals, type FestivalKey } from '../../../../domain/calendar/calendar.ts';
import type { SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import {
  DEFAULT_RUN_GROUPS,
  MAX_STAY_DAYS,
  compareAddress,
  festivalDate,
  figuresOf,
  isOutstanding,
  isUncoveredSoon,
  maskResidentName,
  shiftMinutes,
  shiftsBetween,
  TASK_LABEL,
  UNCOVERED_WINDOW_HOURS,
  type Figures,
  type RecipientStatus,
  type RecipientView,
  type RunInput,
  type RunView,
  type ShiftStatus,
  type ShiftView,
  type StayView,
  type TaskInput,
  type TaskKind,
  type TaskStatus,
  type TaskView,
} from '../../../../domain/homecare/homecare.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { ReleasedWork } from '../volunteers/guardian-consent.service.ts';
import { groupTag, tagDecoder, type ResidentDirectory } from '../registry/resident-directory.ts';
import { staffPhones } from '../auth/staff-directory.ts';
import { ContactService } from '../contacts/contacts.service.ts';
import { EligibilityService } from '../service-types/service-types.service.ts';
import { minuteOf, type Override, type Work } from '../../../../domain/volunteers/work-policy.ts';
import * as repo from './homecare.repository.ts';

export class HomecareService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly residents: ResidentDirectory,
    private readonly hours: HoursService,
    private readonly notifier: Notifier,
    private readonly cipher: FieldCipher,
    private readonly eligibility: EligibilityService,
    private readonly contacts: ContactService = new ContactService(),
  ) {}

  /** A home task as work for the one gate: its day and time (an hour from its time), bathing is personal care. */
  private static taskWork(t: { kind: string; due_on: string; due_time: string | null }): Work {
    const start = t.due_time ? minuteOf(t.due_time) : null;
    return {
      kind: 'homecare_task',
      personalCare: t.kind === 'bathing',
      date: t.due_on,
      when: start === null ? null : { date: t.due_on, startMinute: start, endMinute: start + 60 },
    };
  }

  /** A hospital shift as work: its local day and minutes, running past midnight when it does. */
  private static shiftWork(f: { starts_at: string; ends_at: string }): Work {
    const local = shanghaiLocal(f.starts_at);
    const minutes = Math.round((Date.parse(f.ends_at) - Date.parse(f.starts_at)) / 60_000);
    return {
      kind: 'hospital_shift',
      when: { date: local.date, startMinute: local.minute, endMinute: local.minute + Math.max(0, minutes) },
    };
  }

  /** The caller's own approved volunteer record; only approved volunteers take work or confirm deliveries. */
  private async me(actor: Actor, db: DbOrTrx = this.db) {
    const v = await this.directory.self(actor, db);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    if (v.status !== 'approved') throw new AppError('volunteer_not_approved', {});
    return v;
  }

  private async resident(communityId: string, residentId: string, db: DbOrTrx = this.db) {
    const r = await this.residents.get(communityId, residentId, db);
    if (!r)
      throw new AppError('validation', { fields: [{ field: 'residentId', message: 'homecare.unknownResident' }] });
    return r;
  }

  private async volunteer(communityId: string, volunteerId: string, db: DbOrTrx = this.db) {
    const [v] = await repo.approvedVolunteers(db, communityId, [volunteerId]);
    if (!v)
      throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'homecare.unknownVolunteer' }] });
    return v;
  }

  // ============================================================================================ tasks

  async createTask(actor: Actor, input: TaskInput, ctx: RequestContext): Promise<TaskView> {
    authorize(actor, 'homecare.manage');
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.resident(actor.communityId, input.residentId, trx);
      if (input.volunteerId) {
        await this.volunteer(actor.communityId, input.volunteerId, trx);
        await this.eligibility.gate(trx, actor, ctx, {
          work: HomecareService.taskWork({ kind: input.kind, due_on: input.dueOn, due_time: input.dueTime ?? null }),
          volunteerIds: [input.volunteerId],
          residentId: input.residentId,
          entityType: 'homecare_task',
          entityId: id,
          override: input.override,
        });
      }
      const now = new Date().toISOString();
      await repo.insertTask(trx, {
        community_id: actor.communityId,
        id,
        resident_id: input.residentId,
        kind: input.kind,
        due_on: input.dueOn,
        due_time: input.dueTime ?? null,
        volunteer_id: input.volunteerId ?? null,
        status: input.volunteerId ? 'assigned' : 'open',
        note: input.note || null,
        repeat_days: input.repeatDays ?? null,
        minutes: null,
        done_at: null,
        done_note: null,
        hours_entry_id: null,
        cancel_reason: null,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.task.create',
        entityType: 'homecare_task',
        entityId: id,
        detail: { residentId: input.residentId, kind: input.kind, dueOn: input.dueOn },
      });
    });
    return this.taskView(actor, id, true);
  }

  private async taskView(actor: Actor, id: string, full: boolean, db: DbOrTrx = this.db): Promise<TaskView> {
    const t = await repo.getTask(db, actor.communityId, id);
    if (!t) throw new AppError('not_found', { entity: 'homecare_task' });
    return toTaskView(t, full);
  }

  async listTasks(actor: Actor, f: { status?: TaskStatus; residentId?: string }): Promise<TaskView[]> {
    authorize(actor, 'homecare.manage');
    return (await repo.listTasks(this.db, actor.communityId, f)).map((t) => toTaskView(t, true));
  }

  /** A page of tasks for the console, with the total. */
  async pageTasks(
    actor: Actor,
    f: { status?: TaskStatus; residentId?: string; page: number; pageSize: number },
  ): Promise<{ items: TaskView[]; total: number; page: number; pageSize: number }> {
    authorize(actor, 'homecare.manage');
    const { rows, total } = await repo.pageTasks(this.db, actor.communityId, f);
    return { items: rows.map((t) => toTaskView(t, true)), total, page: f.page, pageSize: f.pageSize };
  }

  async assignTask(
    actor: Actor,
    id: string,
    volunteerId: string | null,
    ctx: RequestContext,
    override?: Override | null,
  ): Promise<TaskView> {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      if (volunteerId) {
        await this.volunteer(actor.communityId, volunteerId, trx);
        const t = await repo.getTask(trx, actor.communityId, id);
        if (t)
          await this.eligibility.gate(trx, actor, ctx, {
            work: HomecareService.taskWork(t),
            volunteerIds: [volunteerId],
            residentId: t.resident_id,
            entityType: 'homecare_task',
            entityId: id,
            override,
          });
      }
      const n = await repo.updateTaskIf(trx, actor.communityId, id, ['open', 'assigned'], {
        volunteer_id: volunteerId,
        status: volunteerId ? 'assigned' : 'open',
        updated_at: new Date().toISOString(),
      });
      if (!n) await this.refuseTask(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.task.assign',
        entityType: 'homecare_task',
        entityId: id,
        detail: { volunteerId },
      });
    });
    return this.taskView(actor, id, true);
  }

  async cancelTask(actor: Actor, id: string, reason: string, ctx: RequestContext): Promise<TaskView> {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      const n = await repo.updateTaskIf(trx, actor.communityId, id, ['open', 'assigned'], {
        status: 'cancelled',
        cancel_reason: reason,
        updated_at: new Date().toISOString(),
      });
      if (!n) await this.refuseTask(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.task.cancel',
        entityType: 'homecare_task',
        entityId: id,
        detail: { reason },
      });
    });
    return this.taskView(actor, id, true);
  }

  /** Why a conditional update of a task changed nothing: absent (404) or no longer in that state (409). */
  private async refuseTask(db: DbOrTrx, communityId: string, id: string): Promise<never> {
    const t = await repo.getTask(db, communityId, id);
    if (!t) throw new AppError('not_found', { entity: 'homecare_task' });
    throw new AppError('homecare_task_not_open', { status: t.status });
  }

  /** A volunteer takes an open task: one conditional update, so of two taking it at once exactly one gets it. */
  async takeTask(actor: Actor, id: string, ctx: RequestContext): Promise<TaskView> {
    const v = await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      const t = await repo.getTask(trx, actor.communityId, id);
      if (t && t.status === 'open')
        await this.eligibility.gate(trx, actor, ctx, {
          work: HomecareService.taskWork(t),
          volunteerIds: [v.id],
          residentId: t.resident_id,
          entityType: 'homecare_task',
          entityId: id,
        });
      const n = await repo.updateTaskIf(
        trx,
        actor.communityId,
        id,
        ['open'],
        { volunteer_id: v.id, status: 'assigned', updated_at: new Date().toISOString() },
        { volunteerId: null },
      );
      if (!n) {
        const t = await repo.getTask(trx, actor.communityId, id);
        if (!t) throw new AppError('not_found', { entity: 'homecare_task' });
        throw new AppError(t.status === 'assigned' ? 'homecare_taken' : 'homecare_task_not_open', { status: t.status });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.task.take',
        entityType: 'homecare_task',
        entityId: id,
        detail: { volunteerId: v.id },
      });
    });
    return this.taskView(actor, id, true);
  }

  /**
   * Done, with the minutes and a note: the volunteer's hours go to the ledger ('home_care') in the same
   * transaction, and a repeating task (a monthly haircut) gets its next one, same volunteer.
   */
  async completeTask(
    actor: Actor,
    id: string,
    input: { minutes: number; note?: string },
    asStaff: boolean,
    ctx: RequestContext,
  ): Promise<TaskView> {
    const v = asStaff ? (authorize(actor, 'homecare.manage'), null) : await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      const t = await repo.getTask(trx, actor.communityId, id);
      if (!t) throw new AppError('not_found', { entity: 'homecare_task' });
      if (v && t.volunteer_id !== v.id) throw new AppError('not_found', { entity: 'homecare_task' });
      EligibilityService.refuseBeforeStart(t.due_on);
      const now = new Date().toISOString();
      const n = await repo.updateTaskIf(
        trx,
        actor.communityId,
        id,
        ['assigned'],
        { status: 'done', minutes: input.minutes, done_note: input.note || null, done_at: now, updated_at: now },
        { volunteerId: t.volunteer_id },
      );
      if (!n || !t.volunteer_id) throw new AppError('homecare_task_not_open', { status: t.status });
      const today = todayInShanghai();
      const servedOn = t.due_on < today ? t.due_on : today;
      await this.contacts.record(trx, [
        {
          communityId: actor.communityId,
          kind: 'homecare_task',
          sourceId: id,
          residentId: t.resident_id,
          occurredOn: servedOn,
          occurredAt: servedOn === today ? now : null,
          volunteerId: t.volunteer_id,
        },
      ]);
      const entry = await this.hours.recordService(trx, {
        communityId: actor.communityId,
        volunteerId: t.volunteer_id,
        source: 'home_care',
        sourceId: id,
        serviceDate: servedOn,
        minutes: input.minutes,
        description: `${TASK_LABEL[t.kind as TaskKind]} · ${maskResidentName(t.resident_name)}`,
        recordedBy: { accountId: actor.accountId, name: actor.name },
      });
      if (entry.id)
        await trx
          .updateTable('homecare_task')
          .set({ hours_entry_id: entry.id })
          .where('community_id', '=', actor.communityId)
          .where('id', '=', id)
          .execute();
      if (t.repeat_days) {
        const next = addDays(t.due_on, t.repeat_days);
        await repo.insertTask(trx, {
          community_id: actor.communityId,
          id: uuidv7(),
          resident_id: t.resident_id,
          kind: t.kind,
          due_on: next > today ? next : addDays(today, t.repeat_days),
          due_time: t.due_time,
          volunteer_id: t.volunteer_id,
          status: 'assigned',
          note: t.note,
          repeat_days: t.repeat_days,
          minutes: null,
          done_at: null,
          done_note: null,
          hours_entry_id: null,
          cancel_reason: null,
          created_by: actor.accountId,
          created_at: now,
          updated_at: now,
        });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.task.done',
        entityType: 'homecare_task',
        entityId: id,
        detail: { minutes: input.minutes, volunteerId: t.volunteer_id },
      });
    });
    return this.taskView(actor, id, true);
  }

  /**
   * The phone: my tasks (full name, I am going there) and, unless `open: false` (我的任务 shows only mine), the open
   * ones to take (masked until taken).
   */
  async myTasks(actor: Actor, want = { open: true }): Promise<{ mine: TaskView[]; open: TaskView[] }> {
    const v = await this.me(actor);
    const since = addDays(todayInShanghai(), -30);
    const [mine, open] = await Promise.all([
      repo.listTasks(this.db, actor.communityId, { volunteerId: v.id, dueFrom: since, limit: 100 }),
      want.open
        ? repo.listTasks(this.db, actor.communityId, {
            status: 'open',
            dueFrom: addDays(todayInShanghai(), -7),
            limit: 100,
          })
        : [],
    ]);
    return {
      mine: mine.filter((t) => t.status !== 'cancelled').map((t) => toTaskView(t, true)),
      open: open.map((t) => toTaskView(t, false)),
    };
  }

  /**
   * A guardian withdrew consent: inside the caller's transaction the volunteer's assigned tasks go back to open,
   * their hospital shifts not yet begun back to open, and they come off the buildings of open runs from today on.
   * Done tasks, served shifts and closed runs stay as they are.
   */
  async releaseVolunteer(trx: Trx, communityId: string, volunteerId: string, _reason: string): Promise<ReleasedWork[]> {
    const now = new Date().toISOString();
    const released: ReleasedWork[] = [];
    for (const t of await repo.listTasks(trx, communityId, { volunteerId, status: 'assigned' })) {
      const n = await repo.updateTaskIf(
        trx,
        communityId,
        t.id,
        ['assigned'],
        { volunteer_id: null, status: 'open', updated_at: now },
        { volunteerId },
      );
      if (n) released.push({ kind: 'homecare_task', id: t.id, label: `上门服务 ${t.due_on}` });
    }
    for (const f of await repo.shiftsOf(trx, communityId, volunteerId, now)) {
      if (f.status !== 'assigned' || f.starts_at <= now) continue;
      const n = await repo.updateShiftIf(
        trx,
        communityId,
        f.id,
        ['assigned'],
        { volunteer_id: null, status: 'open' },
        { volunteerId },
      );
      if (n) released.push({ kind: 'hospital_shift', id: f.id, label: `医院陪护 ${shanghaiLocalText(f.starts_at)}` });
    }
    const today = todayInShanghai();
    for (const a of await repo.myAssignments(trx, communityId, volunteerId)) {
      if (!(await repo.lockOpenRun(trx, communityId, a.run_id))) continue; // closed runs keep who delivered
      const run = (await repo.getRun(trx, communityId, a.run_id))!;
      if (run.run_date < today) continue;
      const others = (await repo.assignmentsOf(trx, communityId, a.run_id))
        .filter((x) => x.building === a.building && x.volunteer_id !== volunteerId)
        .map((x) => x.volunteer_id);
      await repo.replaceAssignments(trx, communityId, a.run_id, a.building, others);
      released.push({ kind: 'delivery_building', id: a.run_id, label: `${run.title} ${a.building}` });
    }
    return released;
  }

  // ========================================================================================= hospital

  async createStay(
    actor: Actor,
    input: {
      residentId: string;
      hospital: string;
      ward?: string | null;
      admittedOn: string;
      expectedDischargeOn: string;
      note?: string;
    },
    ctx: RequestContext,
  ): Promise<StayView> {
    authorize(actor, 'homecare.manage');
    if (input.expectedDischargeOn < input.admittedOn)
      throw new AppError('validation', {
        fields: [{ field: 'expectedDischargeOn', message: 'homecare.dischargeBeforeAdmission' }],
      });
    if (addDays(input.admittedOn, MAX_STAY_DAYS) < input.expectedDischargeOn)
      throw new AppError('validation', { fields: [{ field: 'expectedDischargeOn', message: 'homecare.stayTooLong' }] });
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await this.resident(actor.communityId, input.residentId, trx);
      await repo.insertStay(trx, {
        community_id: actor.communityId,
        id,
        resident_id: input.residentId,
        hospital: input.hospital,
        ward: input.ward || null,
        admitted_on: input.admittedOn,
        expected_discharge_on: input.expectedDischargeOn,
        discharged_on: null,
        note: input.note || null,
        created_by: actor.accountId,
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.stay.create',
        entityType: 'hospital_stay',
        entityId: id,
        detail: { residentId: input.residentId, hospital: input.hospital },
      });
    });
    return (await this.stays(actor, id))[0]!;
  }

  async stays(actor: Actor, onlyId?: string): Promise<StayView[]> {
    authorize(actor, 'homecare.manage');
    const rows = onlyId
      ? [await repo.getStay(this.db, actor.communityId, onlyId)].filter((x) => !!x)
      : await repo.listStays(this.db, actor.communityId);
    if (onlyId && !rows.length) throw new AppError('not_found', { entity: 'hospital_stay' });
    const now = Date.now();
    const counts = await repo.shiftCounts(
      this.db,
      actor.communityId,
      rows.map((r) => r!.id),
      new Date(now).toISOString(),
      new Date(now + UNCOVERED_WINDOW_HOURS * 3600_000).toISOString(),
    );
    return rows.map((s) => {
      const c = { total: 0, open: 0, assigned: 0, done: 0, uncoveredSoon: 0 };
      for (const x of counts.filter((k) => k.stay_id === s!.id)) {
        if (x.status !== 'cancelled') c.total += Number(x.n);
        if (x.status === 'open' || x.status === 'assigned' || x.status === 'done') c[x.status] += Number(x.n);
        // A stay that has ended has no gaps left to fill (shifts before the discharge stay as they were).
        if (!s!.discharged_on) c.uncoveredSoon += Number(x.soon ?? 0);
      }
      return {
        id: s!.id,
        residentId: s!.resident_id,
        residentName: s!.resident_name,
        hospital: s!.hospital,
        ward: s!.ward,
        admittedOn: s!.admitted_on,
        expectedDischargeOn: s!.expected_discharge_on,
        dischargedOn: s!.discharged_on,
        note: s!.note,
        shifts: c,
      };
    });
  }

  /** The rota around the stay: 08–14, 14–20, 20–08 each day from today (or admission) to the expected discharge. */
  async generateShifts(
    actor: Actor,
    stayId: string,
    input: { from?: string; to?: string },
    ctx: RequestContext,
  ): Promise<{ created: number }> {
    authorize(actor, 'homecare.manage');
    return this.db.transaction().execute(async (trx) => {
      const s = await repo.getStay(trx, actor.communityId, stayId);
      if (!s) throw new AppError('not_found', { entity: 'hospital_stay' });
      if (s.discharged_on) throw new AppError('homecare_stay_ended', { on: s.discharged_on });
      const today = todayInShanghai();
      const from = input.from ?? (s.admitted_on > today ? s.admitted_on : today);
      const to = input.to ?? s.expected_discharge_on;
      if (to < from) throw new AppError('validation', { fields: [{ field: 'to', message: 'homecare.rangeReversed' }] });
      if (from < s.admitted_on)
        throw new AppError('validation', { fields: [{ field: 'from', message: 'homecare.rotaBeforeAdmission' }] });
      if (addDays(from, MAX_STAY_DAYS) < to)
        throw new AppError('validation', { fields: [{ field: 'to', message: 'homecare.stayTooLong' }] });
      const created = await repo.insertShifts(
        trx,
        shiftsBetween(from, to).map((x) => ({
          community_id: actor.communityId,
          id: uuidv7(),
          stay_id: stayId,
          starts_at: x.startsAt,
          ends_at: x.endsAt,
          volunteer_id: null,
          status: 'open',
          done_at: null,
          note: null,
          hours_entry_id: null,
        })),
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.stay.shifts',
        entityType: 'hospital_stay',
        entityId: stayId,
        detail: { from, to, created },
      });
      return { created };
    });
  }

  async stayShifts(actor: Actor, stayId: string): Promise<ShiftView[]> {
    authorize(actor, 'homecare.manage');
    if (!(await repo.getStay(this.db, actor.communityId, stayId)))
      throw new AppError('not_found', { entity: 'hospital_stay' });
    return (await repo.shiftsOfStay(this.db, actor.communityId, stayId)).map((f) => toShiftView(f, true));
  }

  /** Ending a stay (early or on time) cancels the shifts after it; volunteers on them are told. */
  async discharge(actor: Actor, stayId: string, dischargedOn: string, ctx: RequestContext): Promise<StayView> {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      const s = await repo.getStay(trx, actor.communityId, stayId);
      if (!s) throw new AppError('not_found', { entity: 'hospital_stay' });
      if (dischargedOn < s.admitted_on)
        throw new AppError('validation', {
          fields: [{ field: 'dischargedOn', message: 'homecare.dischargeBeforeAdmission' }],
        });
      if (dischargedOn > todayInShanghai())
        throw new AppError('validation', { fields: [{ field: 'dischargedOn', message: 'invalid.inFuture' }] });
      if (!(await repo.dischargeStay(trx, actor.communityId, stayId, dischargedOn)))
        throw new AppError('homecare_stay_ended', { on: s.discharged_on });
      // Shifts from the morning after discharge, and any later today not yet begun.
      const nextMorning = shanghaiInstant(addDays(dischargedOn, 1), 0);
      const nowIso = new Date().toISOString();
      const from = dischargedOn === todayInShanghai() && nowIso < nextMorning ? nowIso : nextMorning;
      const { cancelled, assigned } = await repo.cancelShiftsFrom(trx, actor.communityId, stayId, from);
      for (const a of assigned) {
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: a.phone,
          template: 'homecare.shift_cancelled',
          payload: { name: a.name, hospital: s.hospital, startsAt: a.starts_at },
        });
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.stay.discharge',
        entityType: 'hospital_stay',
        entityId: stayId,
        detail: { dischargedOn, cancelled },
      });
    });
    return (await this.stays(actor, stayId))[0]!;
  }

  async assignShift(
    actor: Actor,
    id: string,
    volunteerId: string | null,
    ctx: RequestContext,
    override?: Override | null,
  ): Promise<ShiftView> {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      if (volunteerId) {
        const v = await this.volunteer(actor.communityId, volunteerId, trx);
        const f = await repo.getShift(trx, actor.communityId, id);
        if (f) {
          await this.eligibility.gate(trx, actor, ctx, {
            work: HomecareService.shiftWork(f),
            volunteerIds: [volunteerId],
            residentId: f.resident_id,
            entityType: 'hospital_shift',
            entityId: id,
            override,
          });
          await this.refuseClash(trx, actor.communityId, { id: volunteerId, name: v.name }, f);
        }
      }
      const n = await repo.updateShiftIf(trx, actor.communityId, id, ['open', 'assigned'], {
        volunteer_id: volunteerId,
        status: volunteerId ? 'assigned' : 'open',
      });
      if (!n) await this.refuseShift(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.shift.assign',
        entityType: 'hospital_shift',
        entityId: id,
        detail: { volunteerId },
      });
    });
    return this.shiftView(actor, id, true);
  }

  /** One volunteer, one place at a time: a shift overlapping one they already hold is refused. */
  private async refuseClash(
    db: DbOrTrx,
    communityId: string,
    v: { id: string; name: string },
    f: { id: string; starts_at: string; ends_at: string },
  ) {
    const clash = await repo.clashingShift(db, communityId, v.id, f.starts_at, f.ends_at, f.id);
    if (clash)
      throw new AppError('homecare_shift_clash', { name: v.name, startsAt: shanghaiLocalText(clash.starts_at) });
  }

  private async refuseShift(db: DbOrTrx, communityId: string, id: string): Promise<never> {
    const f = await repo.getShift(db, communityId, id);
    if (!f) throw new AppError('not_found', { entity: 'hospital_shift' });
    throw new AppError(f.status === 'assigned' ? 'homecare_taken' : 'homecare_shift_not_open', { status: f.status });
  }

  private async shiftView(actor: Actor, id: string, full: boolean): Promise<ShiftView> {
    const f = await repo.getShift(this.db, actor.communityId, id);
    if (!f) throw new AppError('not_found', { entity: 'hospital_shift' });
    return toShiftView(f, full);
  }

  async takeShift(actor: Actor, id: string, ctx: RequestContext): Promise<ShiftView> {
    const v = await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      const f = await repo.getShift(trx, actor.communityId, id);
      if (!f) throw new AppError('not_found', { entity: 'hospital_shift' });
      if (f.discharged_on || f.ends_at <= new Date().toISOString())
        throw new AppError('homecare_shift_not_open', { status: f.status });
      if (f.status === 'open')
        await this.eligibility.gate(trx, actor, ctx, {
          work: HomecareService.shiftWork(f),
          volunteerIds: [v.id],
          residentId: f.resident_id,
          entityType: 'hospital_shift',
          entityId: id,
        });
      await this.refuseClash(trx, actor.communityId, v, f);
      const n = await repo.updateShiftIf(
        trx,
        actor.communityId,
        id,
        ['open'],
        { volunteer_id: v.id, status: 'assigned' },
        { volunteerId: null },
      );
      if (!n) await this.refuseShift(trx, actor.communityId, id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.shift.take',
        entityType: 'hospital_shift',
        entityId: id,
        detail: { volunteerId: v.id },
      });
    });
    return this.shiftView(actor, id, true);
  }

  /** A shift served: its clock times go to the ledger ('home_care'), so overlapping claims are refused there. */
  async completeShift(
    actor: Actor,
    id: string,
    note: string | undefined,
    asStaff: boolean,
    ctx: RequestContext,
  ): Promise<ShiftView> {
    const v = asStaff ? (authorize(actor, 'homecare.manage'), null) : await this.me(actor);
    await this.db.transaction().execute(async (trx) => {
      const f = await repo.getShift(trx, actor.communityId, id);
      if (!f) throw new AppError('not_found', { entity: 'hospital_shift' });
      if (v && f.volunteer_id !== v.id) throw new AppError('not_found', { entity: 'hospital_shift' });
      const now = new Date().toISOString();
      if (f.starts_at > now) throw new AppError('homecare_shift_not_started', { startsAt: f.starts_at });
      const n = await repo.updateShiftIf(
        trx,
        actor.communityId,
        id,
        ['assigned'],
        { status: 'done', done_at: now, note: note || null },
        { volunteerId: f.volunteer_id },
      );
      if (!n || !f.volunteer_id) throw new AppError('homecare_shift_not_open', { status: f.status });
      await this.contacts.record(trx, [
        {
          communityId: actor.communityId,
          kind: 'hospital_shift',
          sourceId: id,
          residentId: f.resident_id,
          occurredAt: f.starts_at,
          volunteerId: f.volunteer_id,
        },
      ]);
      const entry = await this.hours.recordService(trx, {
        communityId: actor.communityId,
        volunteerId: f.volunteer_id,
        source: 'home_care',
        sourceId: id,
        serviceDate: shanghaiLocal(f.starts_at).date,
        startedAt: f.starts_at,
        endedAt: f.ends_at,
        minutes: shiftMinutes({ startsAt: f.starts_at, endsAt: f.ends_at }),
        description: `住院陪护 · ${f.hospital} · ${maskResidentName(f.resident_name)}`,
        recordedBy: { accountId: actor.accountId, name: actor.name },
      });
      if (entry.id)
        await trx
          .updateTable('hospital_shift')
          .set({ hours_entry_id: entry.id })
          .where('community_id', '=', actor.communityId)
          .where('id', '=', id)
          .execute();
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.shift.done',
        entityType: 'hospital_shift',
        entityId: id,
        detail: { volunteerId: f.volunteer_id },
      });
    });
    return this.shiftView(actor, id, true);
  }

  /** The caller's hospital shifts, and (unless `open: false`) the open ones of the next fortnight. */
  async myShifts(actor: Actor, want = { open: true }): Promise<{ mine: ShiftView[]; open: ShiftView[] }> {
    const v = await this.me(actor);
    const now = Date.now();
    const [mine, open] = await Promise.all([
      repo.shiftsOf(this.db, actor.communityId, v.id, new Date(now - 7 * 86400_000).toISOString()),
      want.open
        ? repo.openShifts(
            this.db,
            actor.communityId,
            new Date(now).toISOString(),
            new Date(now + 14 * 86400_000).toISOString(),
          )
        : [],
    ]);
    return { mine: mine.map((f) => toShiftView(f, true)), open: open.map((f) => toShiftView(f, false)) };
  }

  // ============================================================================================= runs

  /**
   * A run for a festival: the list is built from the chosen special groups (active residents, each once, with
   * every group they are in), by the registry's own resident filter; the date comes from the lunar calendar.
   */
  async createRun(actor: Actor, input: RunInput, ctx: RequestContext): Promise<RunView> {
    authorize(actor, 'homecare.manage');
    const festival = festivals(input.year).find((f) => f.key === input.festival)!;
    const groups = [...new Set(input.groups ?? DEFAULT_RUN_GROUPS)];
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      const list = await this.buildList(trx, actor.communityId, groups);
      await repo.insertRun(trx, {
        community_id: actor.communityId,
        id,
        festival: input.festival,
        year: input.year,
        run_date: festivalDate(input.festival as FestivalKey, input.year),
        title: input.title || `${input.year}年${festival.name.zh}慰问`,
        items: input.items,
        groups: JSON.stringify(groups),
        status: 'open',
        created_by: actor.accountId,
        created_at: new Date().toISOString(),
        closed_by: null,
        closed_at: null,
        last_notice_on: null,
      });
      await repo.insertRecipients(
        trx,
        list.map((r) => ({
          community_id: actor.communityId,
          run_id: id,
          resident_id: r.id,
          household_id: r.householdId,
          building: r.building,
          unit: r.unit,
          room: r.room,
          groups: this.storedGroups(actor.communityId, r.groups),
          status: 'pending',
          attempts: 0,
          confirmed_by: null,
          confirmed_by_name: null,
          confirmed_at: null,
          note: null,
          close_reason: null,
          added_reason: null,
        })),
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.create',
        entityType: 'delivery_run',
        entityId: id,
        detail: { festival: input.festival, year: input.year, groups, recipients: list.length },
      });
    });
    return (await this.runs(actor, [id]))[0]!;
  }

  /**
   * A recipient's groups as stored: as resident_tag stores them, health-related ones (disabled) a keyed token,
   * so the delivery table alone does not say who is ill.
   */
  private storedGroups(communityId: string, groups: readonly SpecialGroup[]): string {
    return JSON.stringify(groups.map((g) => groupTag(this.cipher, communityId, g)));
  }

  /** Everyone active in any of the groups, once, with the groups they are in. */
  async buildList(db: DbOrTrx, communityId: string, groups: readonly SpecialGroup[]) {
    const byId = new Map<
      string,
      { id: string; householdId: string; building: string; unit: string; room: string; groups: SpecialGroup[] }
    >();
    for (const g of groups) {
      for await (const batch of this.residents.withTag(communityId, groupTag(this.cipher, communityId, g), db)) {
        for (const r of batch) {
          const had = byId.get(r.id);
          if (had) had.groups.push(g);
          else
            byId.set(r.id, {
              id: r.id,
              householdId: r.householdId,
              building: r.building,
              unit: r.unit,
              room: r.room,
              groups: [g],
            });
        }
      }
    }
    return [...byId.values()].sort(compareAddress);
  }

  async runs(actor: Actor, ids?: string[]): Promise<RunView[]> {
    authorize(actor, 'homecare.manage');
    const rows = await repo.listRuns(this.db, actor.communityId, ids);
    const counts = await repo.statusCounts(
      this.db,
      actor.communityId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toRunView(r, figuresFromCounts(counts.filter((c) => c.run_id === r.id))));
  }

  /** The full list (names, special groups) is sensitive: each read by staff is audited. */
  async runDetail(actor: Actor, runId: string, ctx: RequestContext) {
    authorize(actor, 'homecare.manage');
    const d = await this.detail(actor.communityId, runId, true);
    await this.audit.recordBy(this.db, actor, ctx, {
      action: 'homecare.run.read',
      entityType: 'delivery_run',
      entityId: runId,
      detail: { recipients: d.figures.total },
    });
    return d;
  }

  private async detail(communityId: string, runId: string, full: boolean, onlyBuildings?: string[]) {
    const run = await repo.getRun(this.db, communityId, runId);
    if (!run) throw new AppError('not_found', { entity: 'delivery_run' });
    const [recipients, assignments] = await Promise.all([
      repo.recipientsOf(this.db, communityId, runId, onlyBuildings),
      repo.assignmentsOf(this.db, communityId, runId),
    ]);
    const decode = tagDecoder(this.cipher, communityId);
    const views = recipients.map((r) => toRecipientView(r, full, decode)).sort(compareAddress);
    const byBuilding = new Map<string, RecipientView[]>();
    for (const v of views) (byBuilding.get(v.building) ?? byBuilding.set(v.building, []).get(v.building)!).push(v);
    const buildings = [...byBuilding.entries()].map(([building, rs]) => ({
      building,
      figures: figuresOf(rs),
      recipients: rs,
      volunteers: assignments.filter((a) => a.building === building).map((a) => ({ id: a.volunteer_id, name: a.name })),
    }));
    return {
      ...toRunView(run, figuresOf(views)),
      buildings,
      outstanding: views.filter((v) => isOutstanding(v.status)),
    };
  }

  async addRecipient(actor: Actor, runId: string, residentId: string, reason: string, ctx: RequestContext) {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      const run = await this.lockedOpenRun(trx, actor.communityId, runId);
      const r = await this.residents.home(actor.communityId, residentId, trx);
      if (!r)
        throw new AppError('validation', { fields: [{ field: 'residentId', message: 'homecare.unknownResident' }] });
      const had = await repo.getRecipient(trx, actor.communityId, runId, residentId);
      const decode = tagDecoder(this.cipher, actor.communityId);
      const groups = (await this.residents.tags(actor.communityId, residentId, trx))
        .map((t) => decode.get(t))
        .filter((g): g is SpecialGroup => !!g);
      if (had && had.status !== 'removed') throw new AppError('homecare_already_on_list', { name: r.name });
      if (had) {
        await repo.updateRecipientIf(trx, actor.communityId, runId, residentId, ['removed'], {
          status: 'pending',
          added_reason: reason,
          close_reason: null,
        });
      } else {
        await repo.insertRecipients(trx, [
          {
            community_id: actor.communityId,
            run_id: run.id,
            resident_id: residentId,
            household_id: r.householdId,
            building: r.building,
            unit: r.unit,
            room: r.room,
            groups: this.storedGroups(actor.communityId, groups),
            status: 'pending',
            attempts: 0,
            confirmed_by: null,
            confirmed_by_name: null,
            confirmed_at: null,
            note: null,
            close_reason: null,
            added_reason: reason,
          },
        ]);
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.add',
        entityType: 'delivery_run',
        entityId: runId,
        detail: { residentId, reason },
      });
    });
    return this.detail(actor.communityId, runId, true);
  }

  async removeRecipient(actor: Actor, runId: string, residentId: string, reason: string, ctx: RequestContext) {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      await this.lockedOpenRun(trx, actor.communityId, runId);
      const n = await repo.updateRecipientIf(trx, actor.communityId, runId, residentId, ['pending', 'absent'], {
        status: 'removed',
        close_reason: reason,
      });
      if (!n) await this.refuseRecipient(trx, actor.communityId, runId, residentId);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.remove',
        entityType: 'delivery_run',
        entityId: runId,
        detail: { residentId, reason },
      });
    });
    return this.detail(actor.communityId, runId, true);
  }

  async assignBuilding(
    actor: Actor,
    runId: string,
    building: string,
    volunteerIds: string[],
    ctx: RequestContext,
    override?: Override | null,
  ) {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      const run = await this.lockedOpenRun(trx, actor.communityId, runId); // two staff saving one building take turns
      if (!(await repo.buildingsOfRun(trx, actor.communityId, runId)).some((b) => b.building === building)) {
        throw new AppError('validation', { fields: [{ field: 'building', message: 'homecare.buildingNotOnRun' }] });
      }
      const ids = [...new Set(volunteerIds)];
      if ((await repo.approvedVolunteers(trx, actor.communityId, ids)).length !== ids.length)
        throw new AppError('validation', { fields: [{ field: 'volunteerIds', message: 'homecare.unknownVolunteer' }] });
      await this.eligibility.gate(trx, actor, ctx, {
        work: { kind: 'delivery', date: run.run_date },
        volunteerIds: ids,
        entityType: 'delivery_run',
        entityId: runId,
        override,
      });
      await repo.replaceAssignments(trx, actor.communityId, runId, building, ids);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.assign',
        entityType: 'delivery_run',
        entityId: runId,
        detail: { building, volunteerIds: ids },
      });
    });
    return this.detail(actor.communityId, runId, true);
  }

  private async openRun(db: DbOrTrx, communityId: string, runId: string) {
    const run = await repo.getRun(db, communityId, runId);
    if (!run) throw new AppError('not_found', { entity: 'delivery_run' });
    if (run.status !== 'open') throw new AppError('homecare_run_closed', { title: run.title });
    return run;
  }

  /** The open run, locked for this transaction: adds, removals, confirmations and the close of one run take turns. */
  private async lockedOpenRun(trx: Trx, communityId: string, runId: string) {
    await repo.lockOpenRun(trx, communityId, runId);
    return this.openRun(trx, communityId, runId);
  }

  /** Why a recipient could not be changed: not on the list (404), already confirmed (409), or the run closed. */
  private async refuseRecipient(db: DbOrTrx, communityId: string, runId: string, residentId: string): Promise<never> {
    const run = await this.openRun(db, communityId, runId);
    const r = await repo.getRecipient(db, communityId, runId, residentId);
    if (!r || r.status === 'removed') throw new AppError('homecare_not_on_list', { title: run.title });
    throw new AppError('homecare_already_confirmed', { status: r.status, by: r.confirmed_by_name ?? '' });
  }

  /**
   * 送达 / 不在家 / 谢绝: one conditional update while the recipient is still to be reached and the run open.
   * A volunteer confirms only in the buildings they are assigned to; staff anywhere on the list. Confirming
   * someone not on the list, or twice, is refused and changes nothing.
   */
  async confirm(
    actor: Actor,
    runId: string,
    input: { residentId: string; outcome: 'delivered' | 'absent' | 'declined'; note?: string },
    asStaff: boolean,
    ctx: RequestContext,
  ) {
    let buildings: string[] | undefined;
    let volunteerId: string | null = null;
    if (asStaff) authorize(actor, 'homecare.manage');
    else {
      const v = await this.me(actor);
      volunteerId = v.id;
      buildings = (await repo.myAssignments(this.db, actor.communityId, v.id, runId)).map((a) => a.building);
      if (!buildings.length) throw new AppError('not_found', { entity: 'delivery_run' });
    }
    await this.db.transaction().execute(async (trx) => {
      await repo.lockOpenRun(trx, actor.communityId, runId);
      const r = await repo.getRecipient(trx, actor.communityId, runId, input.residentId);
      if (buildings && r && !buildings.includes(r.building)) {
        const run = await this.openRun(trx, actor.communityId, runId);
        throw new AppError('homecare_not_on_list', { title: run.title });
      }
      const now = new Date().toISOString();
      const set = {
        status: input.outcome,
        confirmed_by: actor.accountId,
        confirmed_by_name: actor.name,
        confirmed_at: now,
        note: input.note || null,
      };
      const n = await repo.updateRecipientIf(
        trx,
        actor.communityId,
        runId,
        input.residentId,
        ['pending', 'absent'],
        set,
        true,
      );
      if (!n) await this.refuseRecipient(trx, actor.communityId, runId, input.residentId);
      // Handed over: the recipient's contact (one per resident and run); not at home or declined is none.
      if (input.outcome === 'delivered')
        await this.contacts.record(trx, [
          {
            communityId: actor.communityId,
            kind: 'delivery',
            sourceId: runId,
            residentId: input.residentId,
            occurredAt: now,
            volunteerId,
            servedBy: actor.name,
          },
        ]);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.confirm',
        entityType: 'delivery_run',
        entityId: runId,
        detail: { residentId: input.residentId, outcome: input.outcome },
      });
    });
    return this.detail(actor.communityId, runId, asStaff, buildings);
  }

  /**
   * Closing: everyone still to be reached needs a reason, or the close is refused with their names (nobody
   * is missed without Linli saying so). Reasons for someone not on the list are refused too.
   */
  async closeRun(
    actor: Actor,
    runId: string,
    reasons: Array<{ residentId: string; reason: string }>,
    ctx: RequestContext,
  ) {
    authorize(actor, 'homecare.manage');
    await this.db.transaction().execute(async (trx) => {
      const run = await this.lockedOpenRun(trx, actor.communityId, runId);
      const rs = await repo.recipientsOf(trx, actor.communityId, runId);
      const given = new Map(reasons.map((r) => [r.residentId, r.reason]));
      const onList = new Set(rs.filter((r) => r.status !== 'removed').map((r) => r.resident_id));
      if (reasons.some((r) => !onList.has(r.residentId)))
        throw new AppError('homecare_not_on_list', { title: run.title });
      const outstanding = rs.filter((r) => isOutstanding(r.status as RecipientStatus)).sort(compareAddress);
      const missing = outstanding.filter((r) => !given.get(r.resident_id));
      if (missing.length) {
        throw new AppError('homecare_run_outstanding', {
          count: missing.length,
          names: missing
            .slice(0, 20)
            .map((r) => r.name)
            .join('、'),
          residents: missing.map((r) => ({
            residentId: r.resident_id,
            name: r.name,
            address: `${r.building}${r.unit}单元${r.room}`,
          })),
        });
      }
      for (const r of outstanding) {
        const n = await trx
          .updateTable('delivery_recipient')
          .set({ close_reason: given.get(r.resident_id)! })
          .where('community_id', '=', actor.communityId)
          .where('run_id', '=', runId)
          .where('resident_id', '=', r.resident_id)
          .where('status', '=', r.status)
          .executeTakeFirst();
        if (!Number(n.numUpdatedRows)) throw new AppError('conflict', {});
      }
      if (!(await repo.closeRun(trx, actor.communityId, runId, actor.accountId, new Date().toISOString())))
        throw new AppError('homecare_run_closed', { title: run.title });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'homecare.run.close',
        entityType: 'delivery_run',
        entityId: runId,
        detail: { outstanding: outstanding.length },
      });
    });
    return this.detail(actor.communityId, runId, true);
  }

  /** The phone: open runs I deliver in, with the figures of my buildings. */
  async myRuns(actor: Actor): Promise<Array<RunView & { buildings: string[] }>> {
    const v = await this.me(actor);
    const mine = await repo.myAssignments(this.db, actor.communityId, v.id);
    const runIds = [...new Set(mine.map((a) => a.run_id))];
    const rows = (await repo.listRuns(this.db, actor.communityId, runIds)).filter((r) => r.status === 'open');
    const out = [];
    for (const r of rows) {
      const buildings = mine.filter((a) => a.run_id === r.id).map((a) => a.building);
      const counts = await repo.statusCounts(this.db, actor.communityId, [r.id], buildings);
      out.push({ ...toRunView(r, figuresFromCounts(counts)), buildings });
    }
    return out;
  }

  /** One run as a volunteer sees it: only their buildings, names masked, addresses by building-unit-room. */
  async myRun(actor: Actor, runId: string) {
    const v = await this.me(actor);
    const buildings = (await repo.myAssignments(this.db, actor.communityId, v.id, runId)).map((a) => a.building);
    if (!buildings.length) throw new AppError('not_found', { entity: 'delivery_run' });
    return this.detail(actor.communityId, runId, false, buildings);
  }

  // ============================================================================================= search

  async searchResidents(actor: Actor, q: string) {
    authorize(actor, 'homecare.manage');
    return (await this.residents.find(actor.communityId, q, 20)).map((r) => ({
      id: r.id,
      name: r.name,
      address: r.address,
    }));
  }

  // =============================================================================================== jobs

  /**
   * The daily notice to each community's staff and admins: open runs past their date with people not yet
   * reached (once a day per run), and accompaniment shifts in the next 48 hours with nobody on them.
   */
  async dailyNotices(now = new Date()): Promise<{ runs: number; shifts: number }> {
    const today = todayInShanghai(now);
    return this.db.transaction().execute(async (trx: Trx) => {
      let runs = 0;
      const phonesOf = new Map<string, Array<{ phone: string; name: string }>>();
      const phones = async (c: string) => phonesOf.get(c) ?? phonesOf.set(c, await staffPhones(trx, c)).get(c)!;
      for (const r of await repo.overdueRunsAll(trx, today)) {
        if (!(await repo.markNoticed(trx, r.community_id, r.id, today))) continue;
        runs += 1;
        for (const p of await phones(r.community_id)) {
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: p.phone,
            template: 'homecare.run_outstanding',
            payload: { title: r.title, runDate: r.run_date, outstanding: Number(r.n) },
          });
        }
      }
      const shifts = await repo.uncoveredShiftsAll(
        trx,
        now.toISOString(),
        new Date(now.getTime() + UNCOVERED_WINDOW_HOURS * 3600_000).toISOString(),
      );
      const byCommunity = new Map<string, typeof shifts>();
      for (const s of shifts)
        (byCommunity.get(s.community_id) ?? byCommunity.set(s.community_id, []).get(s.community_id)!).push(s);
      for (const [c, list] of byCommunity) {
        for (const p of await phones(c)) {
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: p.phone,
            template: 'homecare.shifts_uncovered',
            payload: { count: list.length, first: list[0]!.starts_at, hospital: list[0]!.hospital },
          });
        }
      }
      return { runs, shifts: shifts.length };
    });
  }
}

// ============================================================================================== views

/** An instant as Shanghai people read it in a message: 2026-11-29 20:00. */
function shanghaiLocalText(iso: string): string {
  const l = shanghaiLocal(iso);
  return `${l.date} ${minuteText(l.minute)}`;
}

function toTaskView(t: repo.TaskRow, full: boolean): TaskView {
  return {
    id: t.id,
    residentId: t.resident_id,
    residentName: full ? t.resident_name : maskResidentName(t.resident_name),
    address: `${t.building}${t.unit}单元${t.room}`,
    kind: t.kind as TaskKind,
    dueOn: t.due_on,
    dueTime: t.due_time,
    volunteerId: t.volunteer_id,
    volunteerName: t.volunteer_name ?? null,
    status: t.status as TaskStatus,
    note: t.note,
    repeatDays: t.repeat_days == null ? null : Number(t.repeat_days),
    minutes: t.minutes == null ? null : Number(t.minutes),
    doneAt: t.done_at,
    doneNote: t.done_note,
    cancelReason: t.cancel_reason,
  };
}

function toShiftView(f: repo.ShiftRow, full: boolean): ShiftView {
  return {
    id: f.id,
    stayId: f.stay_id,
    startsAt: f.starts_at,
    endsAt: f.ends_at,
    volunteerId: f.volunteer_id,
    volunteerName: f.volunteer_name ?? null,
    status: f.status as ShiftStatus,
    uncoveredSoon:
      !f.discharged_on &&
      isUncoveredSoon({ startsAt: f.starts_at, endsAt: f.ends_at, status: f.status as ShiftStatus }),
    hospital: f.hospital,
    ward: f.ward,
    residentName: full ? f.resident_name : maskResidentName(f.resident_name),
  };
}

/** Volunteers see a masked name and the door, never which groups (some are health data) the person is in. */
function toRecipientView(r: repo.RecipientRow, full: boolean, decode: Map<string, SpecialGroup>): RecipientView {
  return {
    residentId: r.resident_id,
    name: full ? r.name : maskResidentName(r.name),
    building: r.building,
    unit: r.unit,
    room: r.room,
    groups: full
      ? (JSON.parse(r.groups) as string[]).map((t) => decode.get(t)).filter((g): g is SpecialGroup => !!g)
      : [],
    status: r.status as RecipientStatus,
    attempts: Number(r.attempts),
    confirmedByName: r.confirmed_by_name,
    confirmedAt: r.confirmed_at,
    note: r.note,
    closeReason: r.close_reason,
  };
}

function toRunView(
  r: {
    id: string;
    festival: string;
    year: number;
    run_date: string;
    title: string;
    items: string;
    groups: string;
    status: string;
    created_at: string;
    closed_at: string | null;
  },
  figures: Figures,
): RunView {
  return {
    id: r.id,
    festival: r.festival as FestivalKey,
    year: Number(r.year),
    runDate: r.run_date,
    title: r.title,
    items: r.items,
    groups: JSON.parse(r.groups),
    status: r.status as 'open' | 'closed',
    createdAt: r.created_at,
    closedAt: r.closed_at,
    figures,
  };
}

function figuresFromCounts(counts: ReadonlyArray<{ status: string; n: number | string | bigint }>): Figures {
  const f: Figures = { total: 0, delivered: 0, absent: 0, declined: 0, pending: 0, removed: 0 };
  for (const c of counts) {
    const n = Number(c.n);
    if (c.status in f) f[c.status as RecipientStatus] += n;
    if (c.status !== 'removed') f.total += n;
  }
  return f;
}
