// The hours ledger (服务记录) as a service. Activities, pairing visits and appointments record service here
// inside their own transaction; social workers verify entries in a queue or correct them (a correction is
// a new entry that points at the old, never an edit); an admin grants honour hours. Every write moves the
// volunteer's running totals in the same transaction, so a profile reads one row however long the ledger.
//
// Only verified credit minutes count toward stars and points (domain/hours/stars.ts, points.ts). Modules that
// react to verified hours (points) subscribe with onCreditChange and run inside the same transaction.
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../../platform/access.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { isRealDate, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { roundMinutes, type HoursSource, type RoundingRule } from '../../../../domain/hours/ledger.ts';
import { DEFAULT_STAR_THRESHOLDS, nextStar, type StarThresholds } from '../../../../domain/hours/stars.ts';
import { DEFAULT_POINTS_RULE, type PointsRule } from '../../../../domain/hours/points.ts';
import {
  MAX_ENTRY_MINUTES,
  type DisputeView,
  type EntryView,
  type HoursSettingsInput,
  type HoursSummary,
  type ReviewReason,
} from '../../../../domain/hours/schemas.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { Notifier } from '../../platform/notify.ts';
import * as repo from './hours.repository.ts';

/** What a module sends when a volunteer has served: minutes of actual service, travel excluded. */
export interface ServiceRecord {
  communityId: string;
  volunteerId: string;
  source: Exclude<HoursSource, 'honour'>;
  /** The activity sign-up, visit or booking: one original entry per source id and volunteer. */
  sourceId: string;
  serviceDate: string;
  /** Clock times (ISO instants) when known; they let overlapping claims be refused. */
  startedAt?: string | null;
  endedAt?: string | null;
  minutes: number;
  /** What the service was, as the certificate and the volunteer's list show it ("中秋包饺子 · 厨房组"). */
  description: string;
  /** Set when the entry needs a closer look (a forgotten check-out, far from the place…). */
  reviewReason?: ReviewReason | null;
  recordedBy?: { accountId: string; name: string } | null;
}

/** A change in a volunteer's verified credit minutes (positive on verification, either sign on correction). */
export interface CreditChange {
  communityId: string;
  volunteerId: string;
  entryId: string;
  serviceDate: string;
  minutesDelta: number;
}
export type CreditListener = (trx: Trx, changes: CreditChange[]) => Promise<void>;

export interface HoursSettings {
  rounding: RoundingRule | null;
  starThresholds: StarThresholds;
  points: PointsRule;
  updatedAt: string | null;
}

const SYSTEM_NAME = '系统';

export function toEntryView(e: repo.EntryRow): EntryView {
  return {
    id: e.id,
    volunteerId: e.volunteer_id,
    volunteerName: e.volunteer_name,
    source: e.source as EntryView['source'],
    sourceId: e.source_id,
    serviceDate: e.service_date,
    startedAt: e.started_at,
    endedAt: e.ended_at,
    rawMinutes: Number(e.raw_minutes),
    minutes: Number(e.minutes),
    kind: e.kind as EntryView['kind'],
    description: e.description,
    correctsId: e.corrects_id,
    reviewReason: (e.review_reason as ReviewReason | null) ?? null,
    note: e.note,
    recordedByName: e.recorded_by_name,
    createdAt: e.created_at,
    status: e.status as EntryView['status'],
    verifiedByName: e.verified_by_name,
    verifiedAt: e.verified_at,
    correctedBy: e.corrected_by,
  };
}

export class HoursService {
  private readonly listeners: CreditListener[] = [];

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly volunteers: VolunteerDirectory,
    private readonly notifier: Notifier,
  ) {}

  /** Called inside the transaction that verified or corrected the entries. */
  onCreditChange(listener: CreditListener): void {
    this.listeners.push(listener);
  }

  private async emit(trx: Trx, changes: CreditChange[]) {
    const real = changes.filter((c) => c.minutesDelta !== 0);
    if (real.length) for (const l of this.listeners) await l(trx, real);
  }

  // ------------------------------------------------------------------------------------------ settings

  async settings(communityId: string, db: DbOrTrx = this.db): Promise<HoursSettings> {
    const row = await repo.getSettings(db, communityId);
    if (!row)
      return { rounding: null, starThresholds: DEFAULT_STAR_THRESHOLDS, points: DEFAULT_POINTS_RULE, updatedAt: null };
    return {
      rounding:
        row.rounding_unit && row.rounding_mode
          ? { unit: Number(row.rounding_unit) as RoundingRule['unit'], mode: row.rounding_mode as RoundingRule['mode'] }
          : null,
      starThresholds: JSON.parse(row.star_thresholds) as number[],
      points: {
        pointsPerHour: Number(row.points_per_hour),
        dailyCap: row.points_daily_cap === null ? null : Number(row.points_daily_cap),
        totalCap: row.points_total_cap === null ? null : Number(row.points_total_cap),
      },
      updatedAt: row.updated_at,
    };
  }

  async saveSettings(actor: Actor, input: HoursSettingsInput, ctx: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await repo.upsertSettings(trx, {
        community_id: actor.communityId,
        rounding_unit: input.rounding?.unit ?? null,
        rounding_mode: input.rounding?.mode ?? null,
        star_thresholds: JSON.stringify(input.starThresholds),
        points_per_hour: input.pointsPerHour,
        points_daily_cap: input.pointsDailyCap,
        points_total_cap: input.pointsTotalCap,
        updated_by: actor.accountId,
        updated_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'hours.settings',
        entityType: 'community',
        entityId: actor.communityId,
        detail: { ...input },
      });
    });
  }

  // ---------------------------------------------------------------------------------- recording service

  /**
   * Records service as a pending credit entry, inside the caller's transaction. Refuses (AppError, nothing
   * written) minutes that are not a positive whole number within a day's work, a date in the future, clock
   * times that overlap service the volunteer already has recorded, and a second entry for the same source.
   */
  async recordService(trx: Trx, r: ServiceRecord): Promise<{ id: string; minutes: number }> {
    const problems: { field: string; message: string }[] = [];
    if (!Number.isInteger(r.minutes) || r.minutes <= 0)
      problems.push({ field: 'minutes', message: 'hours.minutesPositive' });
    else if (r.minutes > MAX_ENTRY_MINUTES) problems.push({ field: 'minutes', message: 'hours.minutesTooMany' });
    if (!isRealDate(r.serviceDate)) problems.push({ field: 'serviceDate', message: 'invalid.date' });
    else if (r.serviceDate > todayInShanghai()) problems.push({ field: 'serviceDate', message: 'invalid.inFuture' });
    if ((r.startedAt == null) !== (r.endedAt == null) || (r.startedAt && r.endedAt && !(r.startedAt < r.endedAt)))
      problems.push({ field: 'endedAt', message: 'hours.endBeforeStart' });
    if (problems.length) throw new AppError('validation', { fields: problems });
    // Checked before overlap: the same service recorded again would otherwise read as overlapping itself.
    if (await repo.originalOf(trx, r.communityId, r.source, r.sourceId, r.volunteerId))
      throw new AppError('hours_duplicate', {});
    if (r.startedAt && r.endedAt) {
      const clash = await repo.overlapping(trx, r.communityId, r.volunteerId, r.startedAt, r.endedAt);
      if (clash) throw new AppError('hours_overlap', { description: clash.description });
    }
    const settings = await this.settings(r.communityId, trx);
    const minutes = roundMinutes(r.minutes, settings.rounding);
    // Rounding down may leave nothing: a 10-minute stop under a 15-minute rule records no hours.
    if (minutes === 0) return { id: '', minutes: 0 };
    const id = uuidv7();
    const now = new Date().toISOString();
    try {
      await repo.insertEntry(trx, {
        community_id: r.communityId,
        id,
        volunteer_id: r.volunteerId,
        source: r.source,
        source_id: r.sourceId,
        service_date: r.serviceDate,
        started_at: r.startedAt ?? null,
        ended_at: r.endedAt ?? null,
        raw_minutes: r.minutes,
        minutes,
        kind: 'credit',
        description: r.description,
        corrects_id: null,
        corrected_by: null,
        review_reason: r.reviewReason ?? null,
        note: null,
        recorded_by: r.recordedBy?.accountId ?? null,
        recorded_by_name: r.recordedBy?.name ?? SYSTEM_NAME,
        created_at: now,
        status: 'pending',
        verified_by: null,
        verified_by_name: null,
        verified_at: null,
      });
    } catch (err) {
      if (repo.isUniqueViolation(err)) throw new AppError('hours_duplicate', {});
      throw err;
    }
    await repo.addToTotals(
      trx,
      r.communityId,
      r.volunteerId,
      { credit: 0, honour: 0, pending: minutes, entries: 1, serviceDate: r.serviceDate },
      now,
    );
    return { id, minutes };
  }

  /** An admin grants honour hours (荣誉时长): verified at once, never counted as service (stars, points). */
  async grantHonour(
    actor: Actor,
    input: { volunteerId: string; serviceDate: string; minutes: number; reason: string },
    ctx: RequestContext,
  ): Promise<{ id: string }> {
    const v = await this.volunteers.owner(actor.communityId, input.volunteerId);
    if (!v)
      throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'invalid.unknownVolunteer' }] });
    if (input.serviceDate > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'serviceDate', message: 'invalid.inFuture' }] });
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertEntry(trx, {
        community_id: actor.communityId,
        id,
        volunteer_id: v.id,
        source: 'honour',
        source_id: id,
        service_date: input.serviceDate,
        started_at: null,
        ended_at: null,
        raw_minutes: input.minutes,
        minutes: input.minutes,
        kind: 'honour',
        description: input.reason,
        corrects_id: null,
        corrected_by: null,
        review_reason: null,
        note: input.reason,
        recorded_by: actor.accountId,
        recorded_by_name: actor.name,
        created_at: now,
        status: 'verified',
        verified_by: actor.accountId,
        verified_by_name: actor.name,
        verified_at: now,
      });
      await repo.addToTotals(
        trx,
        actor.communityId,
        v.id,
        { credit: 0, honour: input.minutes, pending: 0, entries: 1, serviceDate: input.serviceDate },
        now,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'hours.honour',
        entityType: 'volunteer',
        entityId: v.id,
        detail: { entryId: id, minutes: input.minutes, reason: input.reason },
      });
    });
    return { id };
  }

  // ------------------------------------------------------------------------------ verification queue

  async queue(actor: Actor, f: repo.QueueFilter & { mine?: boolean }, page: number, pageSize: number) {
    authorize(actor, 'hours.verify');
    const { mine, ...filter } = f;
    if (mine) filter.socialWorkerId = actor.accountId;
    const { items, total } = await repo.queue(this.db, actor.communityId, filter, page, pageSize);
    return { items: items.map(toEntryView), total, page, pageSize };
  }

  /** Verifies pending entries. Entries already verified or corrected meanwhile are reported, not an error. */
  async verify(
    actor: Actor,
    ids: readonly string[],
    ctx: RequestContext,
  ): Promise<{ verified: string[]; skipped: string[] }> {
    const verified: string[] = [];
    const skipped: string[] = [];
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const changes: CreditChange[] = [];
      // One lock order for every writer (entries by id, then totals by volunteer; a correction takes one entry, then
      // its total): two staff verifying crossing batches on PostgreSQL would otherwise deadlock on the totals rows.
      const wanted = [...new Set(ids)];
      const done = new Map<string, repo.EntryRow>();
      for (const id of [...wanted].sort()) {
        const e = await repo.getEntry(trx, actor.communityId, id);
        if (e && (await repo.markVerified(trx, actor.communityId, id, actor, now))) done.set(id, e);
      }
      const byVolunteer = new Map<string, number>();
      for (const e of done.values())
        byVolunteer.set(e.volunteer_id, (byVolunteer.get(e.volunteer_id) ?? 0) + Number(e.minutes));
      for (const [volunteerId, m] of [...byVolunteer].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        await repo.addToTotals(
          trx,
          actor.communityId,
          volunteerId,
          { credit: m, honour: 0, pending: -m, entries: 0, serviceDate: null },
          now,
        );
      }
      for (const id of wanted) {
        const e = done.get(id);
        if (!e) {
          skipped.push(id);
          continue;
        }
        changes.push({
          communityId: actor.communityId,
          volunteerId: e.volunteer_id,
          entryId: id,
          serviceDate: e.service_date,
          minutesDelta: Number(e.minutes),
        });
        verified.push(id);
      }
      if (verified.length)
        await this.audit.recordBy(trx, actor, ctx, {
          action: 'hours.verify',
          entityType: 'hours_entry',
          detail: { ids: verified },
        });
      await this.emit(trx, changes);
    });
    return { verified, skipped };
  }

  /**
   * Corrects an entry: a new, verified entry with the right minutes (0 voids) that points at the old one.
   * Only the latest entry of a chain can be corrected; two staff correcting at once, one wins.
   */
  async correct(
    actor: Actor,
    id: string,
    input: { minutes: number; reason: string },
    ctx: RequestContext,
  ): Promise<{ id: string }> {
    const newId = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.getEntry(trx, actor.communityId, id);
      if (!before) throw new AppError('not_found', { entity: 'hours_entry' });
      // Honour hours are the admin's grant: only the admin corrects them.
      if (before.kind === 'honour') authorize(actor, 'hours.grant');
      // The conditional update locks the row: a verification racing with us has either finished or waits.
      if (!(await repo.markCorrected(trx, actor.communityId, id, newId))) throw new AppError('correction_conflict', {});
      const e = (await repo.getEntry(trx, actor.communityId, id))!;
      const old = Number(e.minutes);
      await repo.insertEntry(trx, {
        community_id: actor.communityId,
        id: newId,
        volunteer_id: e.volunteer_id,
        source: e.source,
        source_id: e.source_id,
        service_date: e.service_date,
        started_at: e.started_at,
        ended_at: e.ended_at,
        raw_minutes: input.minutes,
        minutes: input.minutes,
        kind: e.kind,
        description: e.description,
        corrects_id: e.id,
        corrected_by: null,
        review_reason: null,
        note: input.reason,
        recorded_by: actor.accountId,
        recorded_by_name: actor.name,
        created_at: now,
        status: 'verified',
        verified_by: actor.accountId,
        verified_by_name: actor.name,
        verified_at: now,
      });
      const wasVerified = e.status === 'verified';
      const d =
        e.kind === 'honour'
          ? { credit: 0, honour: input.minutes - old, pending: 0 }
          : { credit: input.minutes - (wasVerified ? old : 0), honour: 0, pending: wasVerified ? 0 : -old };
      // A void (0 minutes) removes the entry from the count of entries that count.
      await repo.addToTotals(
        trx,
        actor.communityId,
        e.volunteer_id,
        { ...d, entries: input.minutes === 0 ? -1 : 0, serviceDate: null },
        now,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'hours.correct',
        entityType: 'hours_entry',
        entityId: e.id,
        detail: { correctionId: newId, from: old, to: input.minutes, reason: input.reason },
      });
      if (e.kind === 'credit')
        await this.emit(trx, [
          {
            communityId: actor.communityId,
            volunteerId: e.volunteer_id,
            entryId: newId,
            serviceDate: e.service_date,
            minutesDelta: d.credit,
          },
        ]);
    });
    return { id: newId };
  }

  // ------------------------------------------------------------------------------------ disputes

  /** A volunteer raises an error in an entry of theirs, or a service missing from their record. */
  async raiseDispute(
    actor: Actor,
    input: { entryId?: string | null; serviceDate?: string | null; reason: string },
    ctx: RequestContext,
  ): Promise<{ id: string }> {
    const me = await this.volunteers.self(actor);
    if (!me) throw new AppError('not_found', { entity: 'volunteer' });
    let serviceDate = input.serviceDate ?? null;
    if (input.entryId) {
      const e = await repo.getEntry(this.db, actor.communityId, input.entryId);
      // Someone else's entry is answered like a missing one: nothing says it exists.
      if (!e || e.volunteer_id !== me.id)
        throw new AppError('validation', { fields: [{ field: 'entryId', message: 'hours.notYourEntry' }] });
      serviceDate = e.service_date;
    } else if (serviceDate! > todayInShanghai()) {
      throw new AppError('validation', { fields: [{ field: 'serviceDate', message: 'invalid.inFuture' }] });
    }
    const id = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertDispute(trx, {
        community_id: actor.communityId,
        id,
        volunteer_id: me.id,
        entry_id: input.entryId ?? null,
        service_date: serviceDate!,
        reason: input.reason,
        status: 'open',
        created_at: new Date().toISOString(),
        resolved_by: null,
        resolved_by_name: null,
        resolved_at: null,
        resolution: null,
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'hours.dispute',
        entityType: 'hours_dispute',
        entityId: id,
        detail: { entryId: input.entryId ?? null, serviceDate },
      });
    });
    return { id };
  }

  async myDisputes(actor: Actor): Promise<DisputeView[]> {
    const me = await this.volunteers.self(actor);
    if (!me) throw new AppError('not_found', { entity: 'volunteer' });
    return (await repo.disputes(this.db, actor.communityId, { volunteerId: me.id })).map(toDisputeView);
  }

  async disputes(
    actor: Actor,
    status: 'open' | 'resolved' | undefined,
    page: { page: number; pageSize: number },
  ): Promise<{ items: DisputeView[]; total: number; page: number; pageSize: number }> {
    authorize(actor, 'hours.verify');
    const { rows, total } = await repo.disputesPage(this.db, actor.communityId, { status, ...page });
    return { items: rows.map(toDisputeView), total, page: page.page, pageSize: page.pageSize };
  }

  /** Staff answer a dispute (after correcting the entry, if it was wrong); the volunteer is told by SMS. */
  async resolveDispute(actor: Actor, id: string, resolution: string, ctx: RequestContext): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // By id: the list reads only the newest 500, and an older open objection must still be answerable.
      const [d] = await repo.disputes(trx, actor.communityId, { id });
      if (!d) throw new AppError('not_found', { entity: 'hours_dispute' });
      if (!(await repo.resolveDispute(trx, actor.communityId, id, actor, resolution, new Date().toISOString())))
        throw new AppError('dispute_resolved', {});
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'hours.dispute_resolved',
        entityType: 'hours_dispute',
        entityId: id,
        detail: { resolution },
      });
      if (d.volunteer_phone)
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: d.volunteer_phone,
          template: 'hours.dispute_resolved',
          payload: { serviceDate: d.service_date, resolution },
        });
    });
  }

  // ------------------------------------------------------------------------------------ reading

  /** Totals and star level of one volunteer, from the running totals: one indexed row. */
  async summary(
    communityId: string,
    volunteer: { id: string; name: string },
    db: DbOrTrx = this.db,
  ): Promise<HoursSummary> {
    const [t, settings] = await Promise.all([
      repo.totalsOf(db, communityId, volunteer.id),
      this.settings(communityId, db),
    ]);
    return summaryOf(volunteer, t, settings.starThresholds);
  }

  /** Summaries of many volunteers (lists, rankings). */
  async summaries(
    communityId: string,
    volunteers: readonly { id: string; name: string }[],
    db: DbOrTrx = this.db,
  ): Promise<HoursSummary[]> {
    const [rows, settings] = await Promise.all([
      repo.totalsOfMany(
        db,
        communityId,
        volunteers.map((v) => v.id),
      ),
      this.settings(communityId, db),
    ]);
    const byId = new Map(rows.map((r) => [r.volunteer_id, r]));
    return volunteers.map((v) => summaryOf(v, byId.get(v.id), settings.starThresholds));
  }

  async entries(communityId: string, volunteerId: string, page: number, pageSize: number) {
    const { items, total } = await repo.entriesOf(this.db, communityId, volunteerId, page, pageSize);
    return { items: items.map(toEntryView), total, page, pageSize };
  }

  /**
   * Verified service of one volunteer in a period, grouped by what it was (for certificates). Pending entries
   * and corrected-away entries are left out; honour minutes come apart and are never service.
   */
  async verifiedService(communityId: string, volunteerId: string, from: string, to: string, db: DbOrTrx = this.db) {
    const rows = await repo.verifiedByService(db, communityId, volunteerId, from, to);
    const lines = rows
      .filter((r) => r.kind === 'credit')
      .map((r) => ({
        source: r.source,
        description: r.description,
        entries: Number(r.entries),
        minutes: Number(r.minutes),
        firstDate: r.first_date,
        lastDate: r.last_date,
      }));
    const honourMinutes = rows.filter((r) => r.kind === 'honour').reduce((s, r) => s + Number(r.minutes), 0);
    return { lines, serviceMinutes: lines.reduce((s, l) => s + l.minutes, 0), honourMinutes };
  }

  /** The caller's own hours; null when they are not a volunteer. */
  async mine(actor: Actor, page: number, pageSize: number) {
    const v = await this.volunteers.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const [summary, list] = await Promise.all([
      this.summary(actor.communityId, v),
      this.entries(actor.communityId, v.id, page, pageSize),
    ]);
    return { summary, entries: list };
  }

  /** A volunteer's hours as staff (or a team leader, a unit coordinator) see them, within their scope. */
  async ofVolunteer(actor: Actor, volunteerId: string, page: number, pageSize: number) {
    const grant = authorize(actor, 'volunteers.read');
    const v = await this.volunteers.inScope(actor, grant, volunteerId);
    const [summary, list] = await Promise.all([
      this.summary(actor.communityId, v),
      this.entries(actor.communityId, v.id, page, pageSize),
    ]);
    return { summary, entries: list };
  }
}

function toDisputeView(d: Awaited<ReturnType<typeof repo.disputes>>[number]): DisputeView {
  return {
    id: d.id,
    volunteerId: d.volunteer_id,
    volunteerName: d.volunteer_name,
    entryId: d.entry_id,
    entryDescription: d.entry_description ?? null,
    entryMinutes: d.entry_minutes === null || d.entry_minutes === undefined ? null : Number(d.entry_minutes),
    serviceDate: d.service_date,
    reason: d.reason,
    status: d.status as DisputeView['status'],
    createdAt: d.created_at,
    resolvedByName: d.resolved_by_name,
    resolvedAt: d.resolved_at,
    resolution: d.resolution,
  };
}

function summaryOf(
  v: { id: string; name: string },
  t:
    | {
        credit_minutes: number;
        honour_minutes: number;
        pending_minutes: number;
        entries: number;
        last_service_date: string | null;
      }
    | undefined,
  thresholds: StarThresholds,
): HoursSummary {
  const credit = Number(t?.credit_minutes ?? 0) / 60;
  const star = nextStar(credit, thresholds);
  return {
    volunteerId: v.id,
    name: v.name,
    creditHours: round2(credit),
    honourHours: round2(Number(t?.honour_minutes ?? 0) / 60),
    pendingHours: round2(Number(t?.pending_minutes ?? 0) / 60),
    entries: Number(t?.entries ?? 0),
    lastServiceDate: t?.last_service_date ?? null,
    starLevel: star.level,
    hoursToNextStar: star.hoursToNext === null ? null : round2(star.hoursToNext),
    starThresholds: [...thresholds],
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
