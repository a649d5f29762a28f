// Activities (志愿活动): activities with shifts and places, series by RRULE, festival templates, performances,
// sign-up (self, team leader, staff group) with a waitlist, reminders, a personal iCal feed, and check-in and
// out by the rotating QR code, the volunteer card or the staff list. Check-out records the service minutes
// (clipped to the shift) in the hours ledger inside the same transaction.
//
// A freed place goes straight to the first on the waitlist, who is told by message: volunteers (many of them
// elders) expect "候补" to mean "you are in when someone drops out", and an offer that lapses after two
// hours would pass over exactly those who do not watch their phones. Whoever cannot come cancels as usual.
//
// A check-in far from the place is recorded and flagged for review, not refused: old phones report positions
// hundreds of metres off, and refusing a volunteer standing at the door would be worse than a second look.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { Db, DbOrTrx, Trx } from '../../db/database.ts';
import type { ActivityTable, Database } from '../../db/schema/index.ts';
import { authorize, type Grant } from '../../platform/access.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { GroupCommit, GroupCommitError, type BatchScope } from '../../platform/group-commit.ts';
import { SameTurn } from '../../platform/same-turn.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import { addDays, ageOn, shanghaiInstant, shanghaiLocal, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { minuteText } from '../../../../domain/appointments/schedule.ts';
import { occurrences, parseRule } from '../../../../domain/pairings/recurrence.ts';
import {
  acceptedSteps,
  checkinOpen,
  clipToShift,
  codeExpiresAt,
  digitsOf,
  distanceMetres,
  DEFAULT_TOLERANCE_M,
  stepAt,
  STEP_SECONDS,
} from '../../../../domain/activities/checkin.ts';
import { templateFor, templatesBetween } from '../../../../domain/activities/templates.ts';
import { CalendarRangeError } from '../../../../domain/calendar/calendar.ts';
import {
  MAX_IMAGE_BYTES,
  MAX_PHOTOS,
  toMinute,
  type ActivityInput,
  type ActivityPatch,
  type CompanionRef,
  type ProgrammeInput,
  type SeriesInput,
  type ShiftInput,
} from '../../../../domain/activities/schemas.ts';
import type { ActivityView, CompanionChoiceView, SignupView } from '../../../../domain/activities/views.ts';
import { maskName } from '../../../../domain/records/certificates.ts';
import type { ReviewReason } from '../../../../domain/hours/schemas.ts';
import type { Companion, Work, WorkRefusal } from '../../../../domain/volunteers/work-policy.ts';
import { DEFAULT_AGE_POLICY } from '../../../../domain/volunteers/eligibility.ts';
import type { HoursService } from '../hours/hours.service.ts';
import { requirementsOf, type EligibilityService, type WorkCheck } from '../service-types/service-types.service.ts';
import type { VolunteerDirectory, VolunteerOwner } from '../volunteers/volunteer-directory.ts';
import type { ReleasedWork } from '../volunteers/guardian-consent.service.ts';
import { calendar, SHANGHAI, type CalendarEvent } from '../../platform/ical.ts';
import { ContactService } from '../contacts/contacts.service.ts';
import * as repo from './activities.repository.ts';
import { knownPlaces } from './activities-places.ts';
import { organiserPhones } from './selfservice.repository.ts';

/** A series has its activities made this many days ahead; the daily job keeps the horizon. */
export const SERIES_HORIZON_DAYS = 90;
/** A forgotten check-out is closed this long after the shift ends. */
const CHECKOUT_GRACE_MS = 60 * 60_000;
/** Reasons that say a volunteer is busy, not unfit: signing up is their own word that they will come. */
const AVAILABILITY_REASONS = new Set(['unavailable', 'blackout']);
/** 小小志愿者: the gate's refusals about a minor's accompanying adult, answered with their own codes. */
const JUNIOR_REASONS = new Set<WorkRefusal>(['junior_adult_required', 'junior_adult_invalid']);
/** The adult a sign-up names, as stored. */
const companionOfRow = (s: {
  companion_resident_id?: string | null;
  companion_volunteer_id?: string | null;
}): CompanionRef | null =>
  s.companion_resident_id
    ? { kind: 'family', id: s.companion_resident_id }
    : s.companion_volunteer_id
      ? { kind: 'volunteer', id: s.companion_volunteer_id }
      : null;

type Who = { accountId: string | null; name: string; role: string | null };
/** A volunteer's commitments in another module, as calendar events (from 30 days before `now` on). */
export type FeedSource = (communityId: string, volunteerId: string, now: Date) => Promise<CalendarEvent[]>;
type ShiftRow = Awaited<ReturnType<typeof repo.getShift>> & {};
type ActivityRow = ActivityTable;
type Fields = Omit<ActivityInput, 'status'> & { status?: string };

export function checkinPath(activityId: string, code: string): string {
  return `/m/activities/checkin/${activityId}?code=${code}`;
}

function shiftTimes(date: string, s: Pick<ShiftInput, 'start' | 'end'>) {
  return { starts_at: shanghaiInstant(date, toMinute(s.start)), ends_at: shanghaiInstant(date, toMinute(s.end)) };
}
const hhmmOf = (iso: string) => minuteText(shanghaiLocal(iso).minute);
/** A shift's end as HH:MM of its day: one ending at midnight ends at 24:00, not 00:00 (which would read as before). */
const endHhmmOf = (s: { starts_at: string; ends_at: string }) =>
  minuteText(
    Math.min(
      24 * 60,
      shanghaiLocal(s.starts_at).minute + Math.round((Date.parse(s.ends_at) - Date.parse(s.starts_at)) / 60_000),
    ),
  );

/** The festival calendar covers 1950–2100: a date outside it is the caller's mistake, answered as one. */
function calendarRange<T>(field: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof CalendarRangeError)
      throw new AppError('validation', { fields: [{ field, message: 'invalid.year' }] });
    throw err;
  }
}

export class ActivitiesService {
  /**
   * Sign-ups arriving together share one transaction, each in its own savepoint: one disk flush per batch, not per
   * sign-up.
   */
  readonly signupCommits: GroupCommit<Database>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly directory: VolunteerDirectory,
    private readonly eligibility: EligibilityService,
    private readonly hours: HoursService,
    private readonly notifier: Notifier,
    private readonly cipher: FieldCipher,
    private readonly contacts: ContactService = new ContactService(),
  ) {
    this.signupCommits = new GroupCommit(db, { maxBatch: 100 });
    this.postgres = repo.isPostgres(db);
  }
  private readonly postgres: boolean;

  private static who(actor: Actor): Who {
    return { accountId: actor.accountId, name: actor.name, role: actor.role };
  }
  private static readonly SYSTEM: Who = { accountId: null, name: '系统', role: null };

  // ------------------------------------------------------------------ scope

  private async activityOr404(communityId: string, id: string, db: DbOrTrx = this.db): Promise<ActivityRow> {
    const a = await repo.getActivity(db, communityId, id);
    if (!a) throw new AppError('not_found', { entity: 'activity' });
    return a;
  }

  /** A team leader runs the activities their team organises; staff run every activity. */
  private assertRuns(actor: Actor, grant: Grant, a: ActivityRow) {
    if (grant.scope === 'community') return;
    if (grant.scope === 'team' && actor.teamId && a.organiser_team_id === actor.teamId) return;
    throw new AppError('out_of_scope', { scope: grant.scope });
  }

  /** At an activity a team leader may also check in their own members, whoever organised it. */
  private assertAttends(actor: Actor, grant: Grant, a: ActivityRow, v: VolunteerOwner) {
    if (grant.scope === 'team' && actor.teamId && v.teamIds?.includes(actor.teamId)) return;
    this.assertRuns(actor, grant, a);
  }

  private async checkRefs(communityId: string, f: Partial<Fields>) {
    const fields: Array<{ field: string; message: string }> = [];
    if (f.organiserTeamId && !(await repo.teamExists(this.db, communityId, f.organiserTeamId)))
      fields.push({ field: 'organiserTeamId', message: 'invalid.id' });
    if (f.organiserUnitId && !(await repo.unitExists(this.db, communityId, f.organiserUnitId)))
      fields.push({ field: 'organiserUnitId', message: 'invalid.id' });
    if (f.serviceTypeId)
      await this.eligibility
        .serviceType(communityId, f.serviceTypeId)
        .catch(() => fields.push({ field: 'serviceTypeId', message: 'invalid.id' }));
    if (fields.length) throw new AppError('validation', { fields });
  }

  // ------------------------------------------------------------------ activities

  /** Writes an activity and its shifts (no checks): the one insert path of create, series and templates. */
  private async insert(
    trx: Trx,
    communityId: string,
    f: Fields,
    extra: { seriesId?: string | null; templateKey?: string | null; createdBy: string | null },
    now: string,
  ) {
    const id = uuidv7();
    const shifts = f.shifts.map((s, i) => ({
      community_id: communityId,
      id: uuidv7(),
      activity_id: id,
      position: i,
      name: s.name,
      ...shiftTimes(f.date, s),
      places: s.places,
      taken: 0,
    }));
    await repo.insertActivity(trx, {
      community_id: communityId,
      id,
      kind: f.kind,
      title: f.title,
      description: f.description ?? null,
      organiser_team_id: f.organiserTeamId ?? null,
      organiser_unit_id: f.organiserUnitId ?? null,
      place: f.place,
      lat: f.lat ?? null,
      lng: f.lng ?? null,
      tolerance_m: f.toleranceM ?? null,
      date: f.date,
      starts_at: shifts.map((s) => s.starts_at).sort()[0]!,
      ends_at: shifts
        .map((s) => s.ends_at)
        .sort()
        .at(-1)!,
      service_type_id: f.serviceTypeId ?? null,
      junior_volunteers: f.juniorVolunteers ? 1 : 0,
      status: f.status ?? 'draft',
      series_id: extra.seriesId ?? null,
      template_key: extra.templateKey ?? null,
      audience_count: null,
      created_by: extra.createdBy,
      created_at: now,
      updated_at: now,
    });
    await repo.insertShifts(trx, shifts);
    return id;
  }

  private async prepare(actor: Actor, f: Partial<Fields>) {
    const grant = authorize(actor, 'activities.manage');
    // A team leader's activities are their team's.
    if (grant.scope === 'team') {
      if (!actor.teamId) throw new AppError('out_of_scope', { scope: 'team' });
      if (f.organiserTeamId && f.organiserTeamId !== actor.teamId)
        throw new AppError('out_of_scope', { scope: 'team' });
      f.organiserTeamId = actor.teamId;
    }
    await this.checkRefs(actor.communityId, f);
    return grant;
  }

  async create(actor: Actor, input: ActivityInput, ctx: RequestContext, templateKey: string | null = null) {
    const f = { ...input };
    await this.prepare(actor, f);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const id = await this.insert(trx, actor.communityId, f, { templateKey, createdBy: actor.accountId }, now);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.create',
        entityType: 'activity',
        entityId: id,
        detail: { title: f.title, date: f.date, templateKey },
      });
      return { id };
    });
  }

  async update(actor: Actor, id: string, patch: ActivityPatch, ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    if (a.status === 'cancelled') throw new AppError('activity_not_changeable', { title: a.title });
    // A leader can neither hand the activity to another team nor detach it from theirs (they could not manage it
    // after).
    if (grant.scope === 'team' && patch.organiserTeamId !== undefined && patch.organiserTeamId !== actor.teamId)
      throw new AppError('out_of_scope', { scope: 'team' });
    await this.checkRefs(actor.communityId, patch);
    const now = new Date().toISOString();
    const promoted: Array<{ id: string; volunteer_id: string }> = [];
    await this.db.transaction().execute(async (trx) => {
      await this.audit.lockChain(trx, actor.communityId); // before any shift row, in the sign-up batches' order
      const current = await repo.shiftsOf(trx, actor.communityId, [id]);
      const date = patch.date ?? a.date;
      const wanted: ShiftInput[] =
        patch.shifts ??
        current.map((s) => ({
          id: s.id,
          name: s.name,
          start: hhmmOf(s.starts_at),
          end: endHhmmOf(s),
          places: s.places,
        }));
      const keep = new Set(wanted.map((s) => s.id).filter(Boolean));
      for (const s of current) {
        if (keep.has(s.id)) continue;
        const hasPeople = (await repo.waitlistHead(trx, actor.communityId, s.id, 1)).length > 0 || s.taken > 0;
        if (hasPeople)
          throw new AppError('validation', { fields: [{ field: 'shifts', message: 'activities.shiftHasSignups' }] });
        await repo.deleteShift(trx, actor.communityId, s.id);
      }
      for (const [i, s] of wanted.entries()) {
        const old = s.id ? current.find((c) => c.id === s.id) : undefined;
        if (s.id && !old)
          throw new AppError('validation', { fields: [{ field: `shifts.${i}.id`, message: 'invalid.id' }] });
        if (old) {
          if (s.places < old.taken)
            throw new AppError('validation', {
              fields: [{ field: `shifts.${i}.places`, message: 'activities.placesBelowTaken' }],
            });
          await repo.updateShift(trx, actor.communityId, old.id, {
            name: s.name,
            position: i,
            places: s.places,
            ...shiftTimes(date, s),
          });
          // More places: the waitlist moves up at once (a minor on a 小小志愿者 activity only with their adult).
          const flagged =
            patch.juniorVolunteers === undefined ? a : { ...a, junior_volunteers: patch.juniorVolunteers ? 1 : 0 };
          for (const w of await repo.waitlistHead(trx, actor.communityId, old.id, s.places - old.taken)) {
            if (!(await this.companionHolds(trx, flagged, old, w))) continue;
            if (!(await repo.takePlace(trx, actor.communityId, old.id))) break;
            if (await repo.promote(trx, actor.communityId, w.id, now)) promoted.push(w);
            else await repo.freePlace(trx, actor.communityId, old.id);
          }
        } else {
          await repo.insertShifts(trx, [
            {
              community_id: actor.communityId,
              id: uuidv7(),
              activity_id: id,
              position: i,
              name: s.name,
              ...shiftTimes(date, s),
              places: s.places,
              taken: 0,
            },
          ]);
        }
      }
      const times = wanted.map((s) => shiftTimes(date, s));
      await repo.updateActivity(trx, actor.communityId, id, {
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.description !== undefined && { description: patch.description ?? null }),
        ...(patch.organiserTeamId !== undefined && { organiser_team_id: patch.organiserTeamId ?? null }),
        ...(patch.organiserUnitId !== undefined && { organiser_unit_id: patch.organiserUnitId ?? null }),
        ...(patch.place !== undefined && { place: patch.place }),
        ...(patch.lat !== undefined && { lat: patch.lat ?? null, lng: patch.lng ?? null }),
        ...(patch.toleranceM !== undefined && { tolerance_m: patch.toleranceM ?? null }),
        ...(patch.serviceTypeId !== undefined && { service_type_id: patch.serviceTypeId ?? null }),
        ...(patch.juniorVolunteers !== undefined && { junior_volunteers: patch.juniorVolunteers ? 1 : 0 }),
        date,
        starts_at: times.map((t) => t.starts_at).sort()[0]!,
        ends_at: times
          .map((t) => t.ends_at)
          .sort()
          .at(-1)!,
        updated_at: now,
      });
      for (const p of promoted) await this.tellPromoted(trx, actor.communityId, p.id);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.update',
        entityType: 'activity',
        entityId: id,
        detail: { fields: Object.keys(patch), promoted: promoted.length },
      });
    });
  }

  async setStatus(actor: Actor, id: string, to: 'published' | 'cancelled', ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (
        !(await repo.setStatus(
          trx,
          actor.communityId,
          id,
          to === 'published' ? ['draft'] : ['draft', 'published'],
          to,
          now,
        ))
      ) {
        throw new AppError('activity_not_changeable', { title: a.title });
      }
      if (to === 'cancelled') {
        // Everyone signed up hears that it is off.
        for (const s of await repo.signupsOfActivity(trx, actor.communityId, id)) {
          if (s.status === 'cancelled') continue;
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: s.volunteer_phone,
            template: 'activities.cancelled',
            payload: { name: s.volunteer_name, title: a.title, date: a.date },
          });
        }
      }
      await this.audit.recordBy(trx, actor, ctx, {
        action: `activities.${to === 'published' ? 'publish' : 'cancel'}`,
        entityType: 'activity',
        entityId: id,
      });
    });
  }

  private async views(communityId: string, rows: repo.ActivityListRow[]): Promise<ActivityView[]> {
    const ids = rows.map((r) => r.id);
    const [shifts, waiting, images] = await Promise.all([
      repo.shiftsOf(this.db, communityId, ids),
      repo.waitingCounts(this.db, communityId, ids),
      repo.imagesOf(this.db, communityId, ids),
    ]);
    const wait = new Map(waiting.map((w) => [w.shift_id, Number(w.n)]));
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as ActivityView['kind'],
      title: r.title,
      description: r.description,
      place: r.place,
      lat: r.lat === null ? null : Number(r.lat),
      lng: r.lng === null ? null : Number(r.lng),
      toleranceM: r.tolerance_m,
      date: r.date,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      status: r.status as ActivityView['status'],
      serviceTypeId: r.service_type_id,
      organiserTeamId: r.organiser_team_id,
      organiserTeamName: r.team_name ?? null,
      organiserUnitId: r.organiser_unit_id,
      organiserUnitName: r.unit_name ?? null,
      seriesId: r.series_id,
      templateKey: r.template_key,
      audienceCount: r.audience_count === null ? null : Number(r.audience_count),
      posterId: images.find((i) => i.activity_id === r.id && i.role === 'poster')?.id ?? null,
      juniorVolunteers: !!r.junior_volunteers,
      shifts: shifts
        .filter((s) => s.activity_id === r.id)
        .map((s) => ({
          id: s.id,
          name: s.name,
          start: hhmmOf(s.starts_at),
          end: endHhmmOf(s),
          startsAt: s.starts_at,
          endsAt: s.ends_at,
          places: Number(s.places),
          taken: Number(s.taken),
          waiting: wait.get(s.id) ?? 0,
        })),
    }));
  }

  async list(actor: Actor, q: { from?: string; to?: string; status?: string }) {
    authorize(actor, 'activities.manage');
    const from = q.from ?? addDays(todayInShanghai(), -30),
      to = q.to ?? addDays(from, 120);
    return this.views(
      actor.communityId,
      await repo.listActivities(this.db, actor.communityId, {
        fromIso: shanghaiInstant(from, 0),
        toIso: shanghaiInstant(addDays(to, 1), 0),
        status: q.status,
      }),
    );
  }

  async detail(actor: Actor, id: string) {
    const grant = authorize(actor, 'activities.manage');
    const a = await repo.activityView(this.db, actor.communityId, id);
    if (!a) throw new AppError('not_found', { entity: 'activity' });
    const [view] = await this.views(actor.communityId, [a]);
    const images = await repo.imagesOf(this.db, actor.communityId, [id]);
    return {
      ...view!,
      youRun:
        grant.scope === 'community' ||
        (grant.scope === 'team' && !!actor.teamId && a.organiser_team_id === actor.teamId),
      programme: await repo.programmeOf(this.db, actor.communityId, id),
      photoIds: images.filter((i) => i.role === 'photo').map((i) => i.id),
    };
  }

  /**
   * Everyone signed up, for whoever runs the activity; a team leader at another team's activity sees only their own
   * members.
   */
  async signups(actor: Actor, id: string) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    const rows = await repo.signupsOfActivity(this.db, actor.communityId, id);
    if (grant.scope === 'community' || (grant.scope === 'team' && actor.teamId && a.organiser_team_id === actor.teamId))
      return rows.map(toSignupView);
    if (!actor.teamId) return [];
    const members = await this.directory.membersOf(
      actor.communityId,
      actor.teamId,
      rows.map((r) => r.volunteer_id),
    );
    return rows.filter((r) => members.has(r.volunteer_id)).map(toSignupView);
  }

  // ------------------------------------------------------------------ residents served

  /** The residents this activity served (a health talk's audience, the elders at a haircut day), as named. */
  async servedResidents(actor: Actor, id: string) {
    const grant = authorize(actor, 'activities.manage');
    this.assertRuns(actor, grant, await this.activityOr404(actor.communityId, id));
    const rows = await this.contacts.ofSource(this.db, actor.communityId, 'activity', [id]);
    return rows.map((r) => ({ residentId: r.resident_id!, name: r.resident_name ?? '', servedOn: r.occurred_on }));
  }

  /**
   * After an activity, those who run it name the residents it served: each becomes a contact in the record of
   * service (kind 'activity'), in the same transaction; residents left off the new list are taken back.
   */
  async setServedResidents(actor: Actor, id: string, residentIds: readonly string[], ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    if (a.status === 'cancelled') throw new AppError('not_found', { entity: 'activity' });
    if (a.starts_at > new Date().toISOString())
      throw new AppError('validation', { fields: [{ field: 'residentIds', message: 'invalid.inFuture' }] });
    const wanted = [...new Set(residentIds)];
    await this.db.transaction().execute(async (trx) => {
      const known = wanted.length
        ? await trx
            .selectFrom('resident')
            .select('id')
            .where('community_id', '=', actor.communityId)
            .where('id', 'in', wanted)
            .execute()
        : [];
      if (known.length !== wanted.length)
        throw new AppError('validation', { fields: [{ field: 'residentIds', message: 'invalid.unknownResident' }] });
      const before = await this.contacts.ofSource(trx, actor.communityId, 'activity', [id]);
      const keep = new Set(wanted);
      for (const r of before)
        if (r.resident_id && !keep.has(r.resident_id))
          await this.contacts.withdraw(trx, actor.communityId, 'activity', id, r.resident_id);
      await this.contacts.record(
        trx,
        wanted.map((residentId) => ({
          communityId: actor.communityId,
          kind: 'activity' as const,
          sourceId: id,
          residentId,
          occurredAt: a.starts_at,
          servedBy: a.title,
        })),
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activity.served_residents',
        entityType: 'activity',
        entityId: id,
        detail: { count: wanted.length },
      });
    });
    return this.servedResidents(actor, id);
  }

  // ------------------------------------------------------------------ series and templates

  async createSeries(actor: Actor, input: SeriesInput, ctx: RequestContext) {
    const f = { ...input.activity, date: input.startDate };
    await this.prepare(actor, f);
    const id = uuidv7();
    const now = new Date().toISOString();
    const horizon = addDays(todayInShanghai(), SERIES_HORIZON_DAYS);
    const made = await this.db.transaction().execute(async (trx) => {
      await repo.insertSeries(trx, {
        community_id: actor.communityId,
        id,
        rule: input.rule,
        start_date: input.startDate,
        until_date: input.untilDate ?? null,
        // A start in the past makes no past activities: generation begins today at the earliest.
        template: JSON.stringify({ ...input.activity, organiserTeamId: f.organiserTeamId ?? null }),
        generated_to: addDays(input.startDate > todayInShanghai() ? input.startDate : todayInShanghai(), -1),
        created_by: actor.accountId,
        created_at: now,
      });
      const n = await this.generate(trx, actor.communityId, id, horizon, now);
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.series.create',
        entityType: 'activity_series',
        entityId: id,
        detail: { rule: input.rule, made: n },
      });
      return n;
    });
    return { id, made };
  }

  /** Makes the series' activities up to `to` (skipping dates it already has); returns how many were made. */
  private async generate(trx: Trx, communityId: string, seriesId: string, to: string, now: string): Promise<number> {
    const s = (await repo.listSeries(trx, communityId)).find((x) => x.id === seriesId)!;
    const rule = parseRule(s.rule);
    if (!rule.ok) return 0;
    const from = addDays(s.generated_to, 1);
    const have = new Set((await repo.seriesDates(trx, communityId, seriesId)).map((r) => r.date));
    const template = JSON.parse(s.template) as Omit<Fields, 'date'>;
    let n = 0;
    for (const date of occurrences(rule.rule, s.start_date, s.until_date, from, to)) {
      if (have.has(date)) continue;
      await this.insert(trx, communityId, { ...template, date }, { seriesId, createdBy: s.created_by }, now);
      n++;
    }
    await repo.setGeneratedTo(trx, communityId, seriesId, s.until_date && s.until_date < to ? s.until_date : to);
    return n;
  }

  /** The daily job: every series keeps its activities made SERIES_HORIZON_DAYS ahead. */
  async extendSeries(now = new Date()): Promise<number> {
    const horizon = addDays(todayInShanghai(now), SERIES_HORIZON_DAYS);
    let n = 0;
    for (const s of await repo.seriesBehind(this.db, horizon)) {
      n += await this.db
        .transaction()
        .execute((trx) => this.generate(trx, s.community_id, s.id, horizon, now.toISOString()));
    }
    return n;
  }

  async series(actor: Actor) {
    authorize(actor, 'activities.manage');
    return (await repo.listSeries(this.db, actor.communityId)).map((s) => ({
      id: s.id,
      rule: s.rule,
      startDate: s.start_date,
      untilDate: s.until_date,
      title: (JSON.parse(s.template) as { title: string }).title,
      generatedTo: s.generated_to,
    }));
  }

  templates(from: string, days: number) {
    return calendarRange('from', () => templatesBetween(from, addDays(from, days)));
  }

  async fromTemplate(
    actor: Actor,
    key: string,
    input: { date: string; place?: string; organiserTeamId?: string | null },
    ctx: RequestContext,
  ) {
    const t = calendarRange('date', () => templateFor(key, Number(input.date.slice(0, 4))));
    if (!t) throw new AppError('not_found', { entity: 'template' });
    return this.create(
      actor,
      {
        kind: t.kind,
        title: t.title,
        description: t.description,
        place: input.place ?? '社区服务站',
        date: input.date,
        organiserTeamId: input.organiserTeamId ?? null,
        shifts: t.shifts,
        status: 'draft',
      },
      ctx,
      t.key,
    );
  }

  /**
   * A draft copy of an activity on another date: title, description, place and its point, organiser, service type
   * and the shifts with their times and places. Sign-ups, attendance, programme and images stay with the original.
   */
  async copy(actor: Actor, id: string, input: { date: string }, ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    const shifts = (await repo.shiftsOf(this.db, actor.communityId, [id])).map((s) => ({
      name: s.name,
      start: hhmmOf(s.starts_at),
      end: endHhmmOf(s),
      places: s.places,
    }));
    const f: Fields = {
      kind: a.kind as ActivityInput['kind'],
      title: a.title,
      description: a.description,
      organiserTeamId: a.organiser_team_id,
      organiserUnitId: a.organiser_unit_id,
      place: a.place,
      lat: a.lat,
      lng: a.lng,
      toleranceM: a.tolerance_m,
      date: input.date,
      shifts,
      serviceTypeId: a.service_type_id,
      status: 'draft',
    };
    await this.prepare(actor, f);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const created = await this.insert(
        trx,
        actor.communityId,
        f,
        { templateKey: a.template_key, createdBy: actor.accountId },
        now,
      );
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.copy',
        entityType: 'activity',
        entityId: created,
        detail: { from: id, title: f.title, date: f.date },
      });
      return { id: created };
    });
  }

  /** The places the console's picker offers: earlier activities' places with their points, and building addresses. */
  async places(actor: Actor) {
    authorize(actor, 'activities.manage');
    return knownPlaces(this.db, actor.communityId);
  }

  // ------------------------------------------------------------------ performances

  async setProgramme(actor: Actor, id: string, input: ProgrammeInput, ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    if (a.kind !== 'performance')
      throw new AppError('validation', { fields: [{ field: 'kind', message: 'activities.notPerformance' }] });
    await this.db.transaction().execute(async (trx) => {
      await repo.replaceProgramme(
        trx,
        actor.communityId,
        id,
        input.items.map((it, i) => ({
          community_id: actor.communityId,
          id: uuidv7(),
          activity_id: id,
          position: i,
          ...it,
        })),
      );
      if (input.audienceCount !== undefined)
        await repo.updateActivity(trx, actor.communityId, id, {
          audience_count: input.audienceCount ?? null,
          updated_at: new Date().toISOString(),
        });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.programme',
        entityType: 'activity',
        entityId: id,
        detail: { items: input.items.length, audience: input.audienceCount ?? null },
      });
    });
  }

  async showsPerTeam(actor: Actor, year: number) {
    authorize(actor, 'activities.manage');
    const rows = await repo.showsPerTeam(
      this.db,
      actor.communityId,
      shanghaiInstant(`${year}-01-01`, 0),
      shanghaiInstant(`${year + 1}-01-01`, 0),
    );
    return rows.map((r) => ({
      teamId: r.organiser_team_id,
      teamName: r.name ?? null,
      shows: Number(r.shows),
      audience: Number(r.audience ?? 0),
    }));
  }

  async addImage(actor: Actor, id: string, input: { role: 'poster' | 'photo'; data: string }, ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    const b64 = input.data.replace(/^data:[^,]*,/, '');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
      throw new AppError('validation', { fields: [{ field: 'data', message: 'activities.imageType' }] });
    const bytes = Buffer.from(b64, 'base64');
    if (bytes.length > MAX_IMAGE_BYTES)
      throw new AppError('validation', { fields: [{ field: 'data', message: 'activities.imageTooLarge' }] });
    const mime = sniffImage(bytes);
    if (!mime) throw new AppError('validation', { fields: [{ field: 'data', message: 'activities.imageType' }] });
    const existing = await repo.imagesOf(this.db, actor.communityId, [id]);
    if (input.role === 'photo' && existing.filter((i) => i.role === 'photo').length >= MAX_PHOTOS)
      throw new AppError('validation', { fields: [{ field: 'data', message: 'activities.tooManyPhotos' }] });
    const imageId = uuidv7();
    await this.db.transaction().execute(async (trx) => {
      if (input.role === 'poster') await repo.deletePoster(trx, actor.communityId, id);
      await repo.insertImage(trx, {
        community_id: actor.communityId,
        id: imageId,
        activity_id: id,
        role: input.role,
        mime,
        bytes: bytes.length,
        data: bytes.toString('base64'),
        created_at: new Date().toISOString(),
      });
      await this.audit.recordBy(trx, actor, ctx, {
        action: 'activities.image',
        entityType: 'activity',
        entityId: id,
        detail: { role: input.role, bytes: bytes.length },
      });
    });
    return { id: imageId };
  }

  async image(actor: Actor, id: string, imageId: string) {
    const img = await repo.getImage(this.db, actor.communityId, id, imageId);
    if (!img) throw new AppError('not_found', { entity: 'activity' });
    return { mime: img.mime, body: Buffer.from(img.data, 'base64') };
  }

  // ------------------------------------------------------------------ sign-up

  /** The shift as work for the gate: its time (past midnight counted on), and its service type if any. */
  private async work(a: ActivityRow, shift: ShiftRow, db: DbOrTrx = this.db): Promise<Work> {
    const local = shanghaiLocal(shift.starts_at);
    const minutes = Math.round((Date.parse(shift.ends_at) - Date.parse(shift.starts_at)) / 60_000);
    const when = { date: local.date, startMinute: local.minute, endMinute: local.minute + Math.max(0, minutes) };
    const s = a.service_type_id ? await this.eligibility.serviceType(a.community_id, a.service_type_id, db) : null;
    return {
      kind: 'activity_shift',
      serviceType: s ? requirementsOf(s) : null,
      skillCode: s?.skill_code,
      when,
      juniorVolunteers: !!a.junior_volunteers,
    };
  }

  /** 小小志愿者: the adult each volunteer named, as the gate reads it; undefined on any other activity. */
  private async companionFacts(
    db: DbOrTrx,
    a: ActivityRow,
    shift: ShiftRow,
    vols: ReadonlyArray<{ id: string }>,
    named: ReadonlyMap<string, CompanionRef | null> | undefined,
  ): Promise<Map<string, Companion | null> | undefined> {
    if (!a.junior_volunteers) return undefined;
    const out = new Map<string, Companion | null>();
    for (const v of vols) {
      const ref = named?.get(v.id);
      out.set(v.id, ref ? await repo.companionFacts(db, a.community_id, shift.id, v.id, ref) : null);
    }
    return out;
  }

  /** The adult to store with a sign-up: named by a minor on a 小小志愿者 activity; nothing otherwise. */
  companionToKeep(a: ActivityRow, shift: ShiftRow, v: VolunteerOwner, ref: CompanionRef | null) {
    if (!a.junior_volunteers || !ref) return null;
    return ageOn(v.birthDate, shanghaiLocal(shift.starts_at).date) < DEFAULT_AGE_POLICY.guardianUnder ? ref : null;
  }

  /**
   * The adult volunteer a minor named may have cancelled since the gate looked (outside the transaction): checked
   * again under the audit chain's lock, which their cancellation takes too.
   */
  async assertCompanionPlaced(trx: Trx, a: ActivityRow, shift: ShiftRow, v: VolunteerOwner, keep: CompanionRef | null) {
    if (keep?.kind !== 'volunteer') return;
    if (!(await repo.companionFacts(trx, a.community_id, shift.id, v.id, keep)).signedUpVolunteer)
      throw new AppError('junior_adult_invalid', { name: v.name, title: a.title });
  }

  /**
   * The one gate (age band, minors' hours, training and insurance as the service type asks, and on a 小小志愿者
   * activity a minor's accompanying adult); refuses in words.
   */
  async assertEligible(
    a: ActivityRow,
    shift: ShiftRow,
    vols: VolunteerOwner[],
    named?: ReadonlyMap<string, CompanionRef | null>,
  ) {
    const work = await this.work(a, shift);
    const companions = await this.companionFacts(this.db, a, shift, vols, named);
    const ids = vols.map((v) => v.id);
    const results = companions
      ? await this.eligibility.checkWork(a.community_id, work, ids, null, this.db, companions)
      : await this.checkTogether(a.community_id, work, ids);
    for (const v of vols) {
      const r = results.find((x) => x.volunteerId === v.id);
      const reasons = (r?.reasons ?? ['not_approved']).filter((x) => !AVAILABILITY_REASONS.has(x));
      // Only the adult is missing or not one who qualifies: said in so many words.
      if (reasons.length && reasons.every((x) => JUNIOR_REASONS.has(x)))
        throw new AppError(reasons[0] as 'junior_adult_required' | 'junior_adult_invalid', {
          name: v.name,
          title: a.title,
        });
      if (reasons.length)
        throw new AppError('activity_not_eligible', {
          name: v.name,
          title: a.title,
          reasons,
          fields: [{ field: 'volunteerId', message: 'volunteer_not_eligible' }],
        });
    }
  }

  /** Gate checks, volunteers and the activity with its shift, asked for by requests arriving together. */
  private readonly gateTurn = new SameTurn<WorkCheck[]>();
  private readonly ownersTurn = new SameTurn<Map<string, VolunteerOwner>>();
  private readonly shiftTurn = new SameTurn<[ActivityRow | undefined, ShiftRow | undefined]>();

  /**
   * The gate's check for sign-ups arriving together for the same work (a burst for one shift): their volunteers are
   * checked in ONE checkWork, which reads each kind of fact in one statement for all of them, rather than one set
   * of reads per request. Each volunteer's result depends only on their own facts and the work (no resident, no
   * companions here), so checking them together decides exactly as checking each alone.
   */
  private checkTogether(communityId: string, work: Work, ids: string[]): Promise<WorkCheck[]> {
    return this.gateTurn.ask(`${communityId}\n${JSON.stringify(work)}`, ids, (all) =>
      this.eligibility.checkWork(communityId, work, all, null, this.db),
    );
  }

  /** The volunteers to sign up, each refused (404, 403) as inScope would; read together with those of a burst. */
  private async volunteersInScope(actor: Actor, grant: Grant, ids: string[]): Promise<VolunteerOwner[]> {
    const found = await this.ownersTurn.ask(actor.communityId, ids, (all) =>
      this.directory.owners(actor.communityId, all),
    );
    return ids.map((id) => this.directory.assertInScope(actor, grant, found.get(id)));
  }

  async openShift(communityId: string, activityId: string, shiftId: string, now: Date) {
    // Read once for a burst of sign-ups arriving together, as any one of them would have read them.
    const [a, shift] = await this.shiftTurn.ask(`${communityId}\n${activityId}\n${shiftId}`, [], () =>
      Promise.all([repo.getActivity(this.db, communityId, activityId), repo.getShift(this.db, communityId, shiftId)]),
    );
    if (!a) throw new AppError('not_found', { entity: 'activity' });
    if (!shift || shift.activity_id !== a.id)
      throw new AppError('not_found', { entity: 'shift', fields: [{ field: 'shiftId', message: 'invalid.id' }] });
    if (a.status !== 'published' || Date.parse(shift.starts_at) <= now.getTime())
      throw new AppError('signup_closed', { title: a.title });
    return { a, shift };
  }

  /**
   * Inside a transaction: a place if one is left (the conditional update decides), the waitlist otherwise. `memo`:
   * the group commit's batch memo, so the audit chain's lock and last link are read once per batch.
   */
  private async place(
    trx: Trx,
    a: ActivityRow,
    shift: ShiftRow,
    v: VolunteerOwner,
    channel: string,
    who: Who,
    ctx: RequestContext | null,
    now: string,
    companion: CompanionRef | null = null,
    memo?: Map<string, unknown>,
  ) {
    // The audit lock before the shift's row, as cancel and update take them: a batch holds both till its commit.
    // (On PostgreSQL's one-statement path below, lastLink takes it, with the chain's last link in the same trip.)
    const keep = this.companionToKeep(a, shift, v, companion);
    const oneStatement = this.postgres && keep?.kind !== 'volunteer';
    if (!oneStatement) await this.audit.lockChain(trx, a.community_id, memo);
    const id = uuidv7();
    const row = {
      community_id: a.community_id,
      id,
      activity_id: a.id,
      shift_id: shift.id,
      volunteer_id: v.id,
      channel,
      signed_up_by: who.accountId,
      created_at: now,
      companion_resident_id: keep?.kind === 'family' ? keep.id : null,
      companion_volunteer_id: keep?.kind === 'volunteer' ? keep.id : null,
    };
    const author = auditWho({ communityId: a.community_id, ...who }, ctx);
    const entry = (status: 'confirmed' | 'waitlisted') => ({
      action: 'activities.signup',
      entityType: 'activity_signup',
      entityId: id,
      detail: {
        activityId: a.id,
        shiftId: shift.id,
        volunteerId: v.id,
        status,
        channel,
        ...(keep && { companion: keep }),
      },
    });
    let status: 'confirmed' | 'waitlisted';
    if (oneStatement) {
      // One round trip for the check, the place, the row and its audit entry (the batch holds the shift's row
      // meanwhile): the entry is made for either outcome, and the statement writes the one that happened.
      const last = await this.audit.lastLink(trx, a.community_id, memo);
      const at = new Date().toISOString();
      const entries = {
        confirmed: this.audit.entryAfter(last, author, entry('confirmed'), at),
        waitlisted: this.audit.entryAfter(last, author, entry('waitlisted'), at),
      };
      const placed = await repo.placeSignupPg(trx, row, entries);
      if (placed === 'duplicate') throw new AppError('already_signed_up', { name: v.name, title: a.title });
      this.audit.linked(entries[placed], memo);
      status = placed;
    } else {
      if (await repo.liveSignupOf(trx, a.community_id, a.id, v.id))
        throw new AppError('already_signed_up', { name: v.name, title: a.title });
      await this.assertCompanionPlaced(trx, a, shift, v, keep);
      status = (await repo.takePlace(trx, a.community_id, shift.id)) ? 'confirmed' : 'waitlisted';
      await repo.insertSignup(trx, { ...row, status });
      await this.audit.record(trx, author, entry(status), memo);
    }
    return {
      id,
      volunteerId: v.id,
      name: v.name,
      status,
    };
  }

  /** A sign-up's writes, in the next group commit; settles once that batch has committed. */
  private async inTransaction<T>(
    fn: (trx: Trx, batch: BatchScope) => Promise<T>,
    names: string,
    title: string,
  ): Promise<T> {
    try {
      return await this.signupCommits.run(fn);
    } catch (err) {
      // The unique index is the backstop for one live sign-up per volunteer and activity.
      if (!(err instanceof AppError) && repo.isUniqueViolation(err))
        throw new AppError('already_signed_up', { name: names, title });
      // The whole batch was rolled back: nothing of this sign-up was kept, and the volunteer may simply try again.
      if (err instanceof GroupCommitError) throw new AppError('signup_not_saved', { title });
      throw err;
    }
  }

  async signUpSelf(
    actor: Actor,
    activityId: string,
    shiftId: string,
    ctx: RequestContext,
    companion: CompanionRef | null = null,
  ) {
    const now = new Date();
    // Who signs up and the shift are read at once (neither depends on the other); refusals keep their order.
    const self = this.directory.self(actor);
    const opened = this.openShift(actor.communityId, activityId, shiftId, now);
    void Promise.allSettled([self, opened]);
    const v = await self;
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const { a, shift } = await opened;
    await this.assertEligible(a, shift, [v], new Map([[v.id, companion]]));
    // Stamped when placed, not when the request came in: the waitlist then runs in the order places were decided.
    return this.inTransaction(
      (trx, batch) =>
        this.place(
          trx,
          a,
          shift,
          v,
          'self',
          ActivitiesService.who(actor),
          ctx,
          new Date().toISOString(),
          companion,
          batch.memo,
        ),
      v.name,
      a.title,
    );
  }

  /** Staff sign up a group; a team leader only members of their own team. All or nothing. */
  async signUpGroup(
    actor: Actor,
    activityId: string,
    input: {
      shiftId: string;
      volunteerIds: string[];
      companions?: Array<{ volunteerId: string; companion: CompanionRef }>;
    },
    ctx: RequestContext,
  ) {
    const grant = authorize(actor, 'activities.manage');
    const now = new Date();
    // The shift and the volunteers are read at once (neither depends on the other); refusals keep their order.
    const opened = this.openShift(actor.communityId, activityId, input.shiftId, now);
    const found = this.volunteersInScope(actor, grant, [...new Set(input.volunteerIds)]);
    void Promise.allSettled([opened, found]);
    const { a, shift } = await opened;
    const vols = await found;
    const named = new Map((input.companions ?? []).map((c) => [c.volunteerId, c.companion] as const));
    await this.assertEligible(a, shift, vols, named);
    const channel = grant.scope === 'team' ? 'leader' : 'staff';
    return this.inTransaction(
      async (trx, batch) => {
        const out = [];
        const at = new Date().toISOString(); // when placed, as in signUpSelf
        const who = ActivitiesService.who(actor);
        for (const v of vols)
          out.push(await this.place(trx, a, shift, v, channel, who, ctx, at, named.get(v.id) ?? null, batch.memo));
        return out;
      },
      vols.map((v) => v.name).join('、'),
      a.title,
    );
  }

  private async tellPromoted(trx: Trx, communityId: string, signupId: string) {
    const s = await repo.signupView(trx, communityId, signupId);
    if (!s) return;
    const l = shanghaiLocal(s.shift_start);
    await this.notifier.send(trx, {
      channel: 'sms',
      recipient: s.volunteer_phone,
      template: 'activities.promoted',
      payload: {
        name: s.volunteer_name,
        title: s.title,
        shift: s.shift_name,
        date: l.date,
        time: minuteText(l.minute),
        place: s.place,
        signupId,
      },
    });
  }

  /** Cancels a live sign-up before its shift starts; a freed place goes to the first on the waitlist at once. */
  private async cancel(
    communityId: string,
    signupId: string,
    who: Who,
    ctx: RequestContext | null,
    allowed: (s: NonNullable<Awaited<ReturnType<typeof repo.getSignup>>>, trx: Trx) => Promise<void>,
  ) {
    const now = new Date();
    return this.db.transaction().execute(async (trx) => {
      // Before any row lock: a sign-up batch holds this lock and then takes shift rows (PostgreSQL deadlock otherwise).
      await this.audit.lockChain(trx, communityId);
      const s = await repo.getSignup(trx, communityId, signupId);
      if (!s) throw new AppError('not_found', { entity: 'signup' });
      await allowed(s, trx);
      const shift = (await repo.getShift(trx, communityId, s.shift_id))!;
      if (Date.parse(shift.starts_at) <= now.getTime()) throw new AppError('signup_closed', { title: '' });
      if (!(await repo.cancelSignup(trx, communityId, s.id, who.accountId ?? who.name, now.toISOString())))
        throw new AppError('not_signed_up', {});
      const promotedId = s.status === 'confirmed' ? await this.freeAndPromote(trx, communityId, s.shift_id, now) : null;
      const unaccompanied = await this.releaseAccompanied(trx, communityId, s.activity_id, s.volunteer_id, now);
      await this.audit.recordBy(trx, { communityId, ...who }, ctx, {
        action: 'activities.signup.cancel',
        entityType: 'activity_signup',
        entityId: s.id,
        detail: { was: s.status, promoted: promotedId, ...(unaccompanied.length && { unaccompanied }) },
      });
      return { promoted: promotedId };
    });
  }

  /** A confirmed place was given up: the first on the waitlist who can still take it gets it, and is told. */
  async freeAndPromote(trx: Trx, communityId: string, shiftId: string, now: Date): Promise<string | null> {
    // Freeing first holds the shift row (PostgreSQL row lock; SQLite's one writer) until commit, so nobody takes
    // the place in between.
    await repo.freePlace(trx, communityId, shiftId);
    let promotedId: string | null = null;
    let at: { a: ActivityRow; shift: ShiftRow } | null = null;
    for (const w of await repo.waitlistHead(trx, communityId, shiftId, 5)) {
      if (!at) {
        const shift = (await repo.getShift(trx, communityId, shiftId))!;
        at = { a: (await repo.getActivity(trx, communityId, shift.activity_id))!, shift };
      }
      if (!(await this.companionHolds(trx, at.a, at.shift, w))) continue;
      if (!(await repo.takePlace(trx, communityId, shiftId))) break;
      if (await repo.promote(trx, communityId, w.id, now.toISOString())) {
        promotedId = w.id;
        break;
      }
      await repo.freePlace(trx, communityId, shiftId);
    }
    if (promotedId) await this.tellPromoted(trx, communityId, promotedId);
    return promotedId;
  }

  /**
   * 小小志愿者: may this waitlisted sign-up move up? The one gate on the minor's accompanying adult (a volunteer must
   * still hold a confirmed place on the shift); any other activity, or an adult, always may.
   */
  private async companionHolds(
    trx: Trx,
    a: ActivityRow,
    shift: ShiftRow,
    w: { volunteer_id: string; companion_resident_id?: string | null; companion_volunteer_id?: string | null },
  ): Promise<boolean> {
    if (!a.junior_volunteers) return true;
    const named = new Map([[w.volunteer_id, companionOfRow(w)]]);
    const [r] = await this.eligibility.checkWork(
      a.community_id,
      await this.work(a, shift, trx),
      [w.volunteer_id],
      null,
      trx,
      await this.companionFacts(trx, a, shift, [{ id: w.volunteer_id }], named),
    );
    return !r?.reasons.some((x) => JUNIOR_REASONS.has(x));
  }

  /**
   * 小小志愿者: an adult's sign-up was cancelled (by them, by staff, 来不了, or a swap). The children who named them
   * are no longer accompanied, so their sign-ups are cancelled too rather than left standing (a freed place goes to
   * the waitlist), and the child, their guardian and the organisers are told through the outbox, so that the family
   * can sign up again with another adult. Inside the caller's transaction, which holds the audit chain's lock.
   */
  async releaseAccompanied(
    trx: Trx,
    communityId: string,
    activityId: string,
    adultId: string,
    now: Date,
  ): Promise<string[]> {
    const rows = await repo.accompaniedBy(trx, communityId, activityId, adultId);
    if (!rows.length) return [];
    const a = (await repo.getActivity(trx, communityId, activityId))!;
    const organisers = await organiserPhones(trx, communityId, a);
    const released: string[] = [];
    for (const s of rows) {
      if (!(await repo.cancelSignup(trx, communityId, s.id, 'companion_cancelled', now.toISOString()))) continue;
      if (s.status === 'confirmed') await this.freeAndPromote(trx, communityId, s.shift_id, now);
      released.push(s.id);
      const l = shanghaiLocal(s.shift_start);
      const payload = {
        name: s.volunteer_name,
        companion: s.companion_volunteer_name ?? '',
        title: s.title,
        shift: s.shift_name,
        date: l.date,
        time: minuteText(l.minute),
        place: s.place,
        signupId: s.id,
      };
      const guardian = await this.directory.guardianPhone(communityId, s.volunteer_id, trx);
      for (const recipient of new Set([s.volunteer_phone, guardian]))
        if (recipient)
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient,
            template: 'activities.junior_unaccompanied',
            payload,
          });
      for (const recipient of organisers)
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient,
          template: 'activities.junior_unaccompanied_organiser',
          payload: { ...payload, activityId },
        });
    }
    return released;
  }

  /**
   * A guardian withdrew consent: the volunteer's sign-ups for shifts not yet started are cancelled, inside the
   * caller's transaction (which holds the audit chain's lock), each freed place going to the waitlist as a
   * cancellation does. Shifts begun or past stay as they are.
   */
  async releaseVolunteer(trx: Trx, communityId: string, volunteerId: string, reason: string): Promise<ReleasedWork[]> {
    const now = new Date();
    const rows = await repo.signupsOfVolunteer(trx, communityId, volunteerId, now.toISOString());
    const released: ReleasedWork[] = [];
    for (const s of rows) {
      if (s.status === 'cancelled' || s.checked_in_at || Date.parse(s.shift_start) <= now.getTime()) continue;
      if (!(await repo.cancelSignup(trx, communityId, s.id, reason, now.toISOString()))) continue;
      if (s.status === 'confirmed') await this.freeAndPromote(trx, communityId, s.shift_id, now);
      const l = shanghaiLocal(s.shift_start);
      released.push({ kind: 'activity_signup', id: s.id, label: `${s.title} ${l.date} ${minuteText(l.minute)}` });
    }
    return released;
  }

  async cancelSelf(actor: Actor, signupId: string, ctx: RequestContext) {
    const v = await this.directory.self(actor);
    return this.cancel(actor.communityId, signupId, ActivitiesService.who(actor), ctx, async (s) => {
      if (!v || s.volunteer_id !== v.id) throw new AppError('not_found', { entity: 'signup' });
    });
  }

  async cancelByStaff(actor: Actor, signupId: string, ctx: RequestContext) {
    const grant = authorize(actor, 'activities.manage');
    return this.cancel(actor.communityId, signupId, ActivitiesService.who(actor), ctx, async (s, trx) => {
      const a = await this.activityOr404(actor.communityId, s.activity_id, trx);
      const v = await this.directory.owner(actor.communityId, s.volunteer_id, trx);
      this.assertAttends(actor, grant, a, v!);
    });
  }

  // ------------------------------------------------------------------ 小小志愿者: whom a minor may name

  /**
   * The short list a minor picks the accompanying adult from: the adults of their household, then the approved
   * adult volunteers with a confirmed place on the shift. Adult on the activity's day; empty on any other activity.
   */
  private async companionChoices(a: ActivityRow, shift: ShiftRow, childId: string, masked: boolean) {
    if (!a.junior_volunteers) return [];
    const day = shanghaiLocal(shift.starts_at).date;
    const adult = (birthDate: string) => ageOn(birthDate, day) >= DEFAULT_AGE_POLICY.guardianUnder;
    const { family, volunteers } = await repo.companionCandidates(this.db, a.community_id, shift.id, childId);
    const out: CompanionChoiceView[] = family
      .filter((r) => adult(r.birth_date))
      .map((r) => ({ kind: 'family', id: r.id, name: r.name, relation: r.relation_to_head }));
    for (const v of volunteers)
      if (adult(v.birth_date))
        out.push({ kind: 'volunteer', id: v.id, name: masked ? maskName(v.name) : v.name, relation: null });
    return out;
  }

  /** Staff or a leader signing a minor up: whom the minor may name (names as the sign-up list shows them). */
  async companionsFor(actor: Actor, activityId: string, q: { shiftId: string; volunteerId?: string }) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, activityId);
    const shift = await repo.getShift(this.db, actor.communityId, q.shiftId);
    if (!shift || shift.activity_id !== a.id)
      throw new AppError('not_found', { entity: 'shift', fields: [{ field: 'shiftId', message: 'invalid.id' }] });
    if (!q.volunteerId)
      throw new AppError('validation', { fields: [{ field: 'volunteerId', message: 'invalid.required' }] });
    const v = await this.directory.inScope(actor, grant, q.volunteerId);
    return this.companionChoices(a, shift, v.id, false);
  }

  /** A minor on the phone: whom I may name (other volunteers' names masked, as on public pages). */
  async myCompanions(actor: Actor, activityId: string, shiftId: string) {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const { a, shift } = await this.openShift(actor.communityId, activityId, shiftId, new Date());
    return this.companionChoices(a, shift, v.id, true);
  }

  // ------------------------------------------------------------------ the volunteer's phone

  async open(actor: Actor) {
    const v = await this.directory.self(actor);
    const now = new Date().toISOString();
    const rows = await repo.listActivities(this.db, actor.communityId, {
      fromIso: now,
      toIso: shanghaiInstant(addDays(todayInShanghai(), 61), 0),
      status: 'published',
    });
    const views = await this.views(actor.communityId, rows);
    const nowMs = Date.parse(now);
    const mine = v
      ? await repo.myLiveSignups(
          this.db,
          actor.communityId,
          v.id,
          rows.map((r) => r.id),
        )
      : [];
    return views.map((a) => {
      const m = mine.find((x) => x.activity_id === a.id);
      return {
        ...a,
        started: Date.parse(a.startsAt) <= nowMs,
        shifts: a.shifts.map((s) => ({ ...s, signUpOpen: Date.parse(s.startsAt) > nowMs })),
        mine: m ? { signupId: m.id, shiftId: m.shift_id, status: m.status as 'confirmed' | 'waitlisted' } : null,
      };
    });
  }

  async mine(actor: Actor) {
    const v = await this.directory.self(actor);
    if (!v) return [];
    const since = new Date(Date.now() - 30 * 86400_000).toISOString();
    return (await repo.signupsOfVolunteer(this.db, actor.communityId, v.id, since)).map(toSignupView);
  }

  async feedPath(actor: Actor, renew: boolean) {
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    await repo.upsertFeed(
      this.db,
      {
        community_id: actor.communityId,
        volunteer_id: v.id,
        token: randomBytes(24).toString('base64url'),
        created_at: new Date().toISOString(),
      },
      renew,
    );
    const f = (await repo.feedOf(this.db, actor.communityId, v.id))!;
    return { path: `/api/activities/feed/${actor.communityId}/${f.token}.ics` };
  }

  /** Commitments of other modules a volunteer's feed also carries (the self-service module adds them). */
  private readonly feedSources: FeedSource[] = [];
  onFeed(source: FeedSource): void {
    this.feedSources.push(source);
  }

  async feed(communityId: string, token: string, now = new Date()): Promise<string | null> {
    const f = await repo.feedByToken(this.db, communityId, token);
    if (!f) return null;
    const rows = await repo.signupsOfVolunteer(
      this.db,
      communityId,
      f.volunteer_id,
      new Date(now.getTime() - 30 * 86400_000).toISOString(),
    );
    const events: CalendarEvent[] = rows
      .filter((s) => s.status === 'confirmed' && s.activity_status === 'published')
      .map((s) => ({
        uid: `${s.id}@linli-activity`,
        start: s.shift_start,
        end: s.shift_end,
        stamp: now.toISOString(),
        summary: `${s.title} · ${s.shift_name}`,
        location: s.place,
      }));
    if (!this.feedSources.length) return calendar(`${f.name} · 志愿活动`, events, { timeZone: SHANGHAI });
    const more = await Promise.all(this.feedSources.map((source) => source(communityId, f.volunteer_id, now)));
    return calendar(`${f.name} · 我的日程`, [...events, ...more.flat()], { timeZone: SHANGHAI });
  }

  // ------------------------------------------------------------------ check-in and out

  private codeAt(communityId: string, activityId: string, step: number): string {
    return digitsOf(
      Buffer.from(this.cipher.token(communityId, 'activity.checkin', `${activityId}:${step}`), 'base64url'),
    );
  }

  /** The code the staff screen shows now, the address its QR opens, and when it stops being accepted. */
  async currentCode(actor: Actor, id: string, origin: string, now = Date.now()) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, id);
    this.assertRuns(actor, grant, a);
    if (a.status !== 'published') throw new AppError('checkin_not_open', { title: a.title });
    const code = this.codeAt(actor.communityId, id, stepAt(now));
    const qrSvg = await QRCode.toString(`${origin}${checkinPath(id, code)}`, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 2,
    });
    return {
      code,
      path: checkinPath(id, code),
      qrSvg,
      title: a.title,
      stepSeconds: STEP_SECONDS,
      refreshAt: new Date((stepAt(now) + 1) * STEP_SECONDS * 1000).toISOString(),
      expiresAt: new Date(codeExpiresAt(now)).toISOString(),
    };
  }

  private codeValid(communityId: string, activityId: string, code: string, now: number): boolean {
    const given = Buffer.from(code);
    return acceptedSteps(now).some((s) => {
      const want = Buffer.from(this.codeAt(communityId, activityId, s));
      return want.length === given.length && timingSafeEqual(want, given);
    });
  }

  /** What the check-in page shows before the volunteer presses the button. */
  async checkinInfo(actor: Actor, activityId: string) {
    const a = await this.activityOr404(actor.communityId, activityId);
    const v = await this.directory.self(actor);
    const s = v ? await repo.liveSignupOf(this.db, actor.communityId, a.id, v.id) : undefined;
    const view = s ? await repo.signupView(this.db, actor.communityId, s.id) : undefined;
    return { activityId: a.id, title: a.title, place: a.place, date: a.date, signup: view ? toSignupView(view) : null };
  }

  /** The volunteer scanned the activity's code: checks in or out their own sign-up, never anyone else's. */
  async scan(
    actor: Actor,
    activityId: string,
    input: { code: string; lat?: number | null; lng?: number | null },
    action: 'in' | 'out',
    ctx: RequestContext,
  ) {
    const now = Date.now();
    const v = await this.directory.self(actor);
    if (!v) throw new AppError('not_found', { entity: 'volunteer' });
    const a = await this.activityOr404(actor.communityId, activityId);
    if (!this.codeValid(actor.communityId, activityId, input.code, now)) throw new AppError('checkin_code_invalid', {});
    const s = await repo.liveSignupOf(this.db, actor.communityId, a.id, v.id);
    if (!s || s.status !== 'confirmed') throw new AppError('not_signed_up', {});
    let distance: number | null = null;
    if (action === 'in' && a.lat !== null && a.lng !== null && input.lat != null && input.lng != null) {
      distance = Math.round(
        distanceMetres({ lat: Number(a.lat), lng: Number(a.lng) }, { lat: input.lat, lng: input.lng }),
      );
    }
    const far = distance !== null && distance > (a.tolerance_m ?? DEFAULT_TOLERANCE_M);
    return this.act(actor.communityId, a, s.id, action, 'qr', ActivitiesService.who(actor), ctx, new Date(now), {
      distance,
      far,
    });
  }

  /** A team leader or staff scanned the volunteer's card. */
  async card(
    actor: Actor,
    activityId: string,
    input: { cardToken: string; action: 'in' | 'out' },
    ctx: RequestContext,
  ) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, activityId);
    const found = await repo.volunteerByCard(this.db, actor.communityId, input.cardToken);
    if (!found) throw new AppError('not_found', { entity: 'volunteer' });
    const v = (await this.directory.owner(actor.communityId, found.id))!;
    this.assertAttends(actor, grant, a, v);
    const s = await repo.liveSignupOf(this.db, actor.communityId, a.id, v.id);
    if (!s || s.status !== 'confirmed') throw new AppError('not_signed_up', { name: v.name });
    return this.act(actor.communityId, a, s.id, input.action, 'card', ActivitiesService.who(actor), ctx, new Date(), {
      distance: null,
      far: false,
    });
  }

  /** Staff mark attendance in the list: in, out, or present for the whole shift (flagged for review). */
  async mark(
    actor: Actor,
    activityId: string,
    input: { signupId: string; action: 'in' | 'out' | 'present' },
    ctx: RequestContext,
  ) {
    const grant = authorize(actor, 'activities.manage');
    const a = await this.activityOr404(actor.communityId, activityId);
    const s = await repo.getSignup(this.db, actor.communityId, input.signupId);
    if (!s || s.activity_id !== a.id) throw new AppError('not_found', { entity: 'signup' });
    this.assertAttends(actor, grant, a, (await this.directory.owner(actor.communityId, s.volunteer_id))!);
    if (s.status !== 'confirmed') throw new AppError('not_signed_up', {});
    const who = ActivitiesService.who(actor);
    if (input.action !== 'present')
      return this.act(actor.communityId, a, s.id, input.action, 'list', who, ctx, new Date(), {
        distance: null,
        far: false,
      });
    const shift = (await repo.getShift(this.db, actor.communityId, s.shift_id))!;
    const now = Date.now();
    if (now < Date.parse(shift.starts_at)) throw new AppError('checkin_not_open', { title: a.title });
    return this.db.transaction().execute(async (trx) => {
      if (
        !(await repo.markIn(trx, actor.communityId, s.id, {
          checked_in_at: shift.starts_at,
          checkin_method: 'list',
          checkin_distance_m: null,
        }))
      )
        throw new AppError('already_checked_in', {});
      await this.audit.recordBy(trx, { communityId: actor.communityId, ...who }, ctx, {
        action: 'activities.checkin',
        entityType: 'activity_signup',
        entityId: s.id,
        detail: { method: 'list', present: true },
      });
      return this.checkOutIn(
        trx,
        a,
        s.id,
        new Date(Math.min(now, Date.parse(shift.ends_at))).toISOString(),
        'list',
        'marked_by_staff',
        who,
        ctx,
      );
    });
  }

  private async act(
    communityId: string,
    a: ActivityRow,
    signupId: string,
    action: 'in' | 'out',
    method: 'qr' | 'card' | 'list',
    who: Who,
    ctx: RequestContext | null,
    now: Date,
    loc: { distance: number | null; far: boolean },
  ) {
    const shift = (await repo.getShift(
      this.db,
      communityId,
      (await repo.getSignup(this.db, communityId, signupId))!.shift_id,
    ))!;
    return this.db.transaction().execute(async (trx) => {
      if (action === 'in') {
        if (
          a.status !== 'published' ||
          !checkinOpen({ startsAt: shift.starts_at, endsAt: shift.ends_at }, now.getTime())
        )
          throw new AppError('checkin_not_open', { title: a.title });
        if (
          !(await repo.markIn(trx, communityId, signupId, {
            checked_in_at: now.toISOString(),
            checkin_method: method,
            checkin_distance_m: loc.distance,
            ...(loc.far && { review_reason: 'location_far' }),
          }))
        ) {
          throw new AppError('already_checked_in', {});
        }
        await this.audit.recordBy(trx, { communityId, ...who }, ctx, {
          action: 'activities.checkin',
          entityType: 'activity_signup',
          entityId: signupId,
          detail: { method, distance: loc.distance, far: loc.far },
        });
        return toSignupView((await repo.signupView(trx, communityId, signupId))!);
      }
      return this.checkOutIn(trx, a, signupId, now.toISOString(), method, null, who, ctx);
    });
  }

  /** Check-out inside a transaction: the minutes within the shift go to the hours ledger as one pending entry. */
  private async checkOutIn(
    trx: Trx,
    a: ActivityRow,
    signupId: string,
    outAt: string,
    method: 'qr' | 'card' | 'list' | 'auto',
    reason: ReviewReason | null,
    who: Who,
    ctx: RequestContext | null,
  ) {
    const s = (await repo.getSignup(trx, a.community_id, signupId))!;
    if (!s.checked_in_at) throw new AppError('not_checked_in', {});
    if (s.checked_out_at) throw new AppError('already_checked_out', {});
    const shift = (await repo.getShift(trx, a.community_id, s.shift_id))!;
    const clip = clipToShift(s.checked_in_at, outAt, { startsAt: shift.starts_at, endsAt: shift.ends_at });
    const review =
      reason ?? (s.review_reason as ReviewReason | null) ?? (s.checkin_method === 'list' ? 'marked_by_staff' : null);
    let entry: { id: string; minutes: number } | null = null;
    if (clip) {
      entry = await this.hours.recordService(trx, {
        communityId: a.community_id,
        volunteerId: s.volunteer_id,
        source: 'activity',
        sourceId: s.id,
        serviceDate: shanghaiLocal(shift.starts_at).date,
        startedAt: clip.startedAt,
        endedAt: clip.endedAt,
        minutes: clip.minutes,
        description: `${a.title} · ${shift.name}`,
        reviewReason: review,
        recordedBy: who.accountId ? { accountId: who.accountId, name: who.name } : null,
      });
    }
    if (
      !(await repo.markOut(trx, a.community_id, s.id, {
        checked_out_at: outAt,
        checkout_method: method,
        hours_entry_id: entry?.id || null,
        minutes: entry?.minutes ?? 0,
        review_reason: review,
      }))
    ) {
      throw new AppError('already_checked_out', {});
    }
    await this.audit.recordBy(trx, { communityId: a.community_id, ...who }, ctx, {
      action: 'activities.checkout',
      entityType: 'activity_signup',
      entityId: s.id,
      detail: { method, minutes: entry?.minutes ?? 0, review },
    });
    return toSignupView((await repo.signupView(trx, a.community_id, s.id))!);
  }

  // ------------------------------------------------------------------ jobs

  /**
   * A forgotten check-out: an hour after the shift ends, the scheduled end is recorded and the entry goes to review.
   */
  async closeForgotten(now = new Date()): Promise<number> {
    let n = 0;
    for (const r of await repo.forgottenCheckouts(this.db, new Date(now.getTime() - CHECKOUT_GRACE_MS).toISOString())) {
      const s = (await repo.getSignup(this.db, r.community_id, r.id))!;
      const a = (await repo.getActivity(this.db, r.community_id, s.activity_id))!;
      const shift = (await repo.getShift(this.db, r.community_id, s.shift_id))!;
      try {
        await this.db
          .transaction()
          .execute((trx) =>
            this.checkOutIn(trx, a, s.id, shift.ends_at, 'auto', 'checkout_missing', ActivitiesService.SYSTEM, null),
          );
        n++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // The ledger refused (overlapping service): close it without hours so the job does not retry for ever; staff
        // can log the hours.
        await repo.markOut(this.db, r.community_id, s.id, {
          checked_out_at: shift.ends_at,
          checkout_method: 'auto',
          hours_entry_id: null,
          minutes: 0,
          review_reason: 'checkout_missing',
        });
      }
    }
    return n;
  }

  /** Reminders the day before (within 24 h) and two hours before; each is sent once. */
  async sendReminders(now = new Date()): Promise<number> {
    const t = now.getTime();
    const at = (ms: number) => new Date(t + ms).toISOString();
    let sent = 0;
    for (const [kind, from, to] of [
      ['soon', at(0), at(2 * 3600_000)],
      ['day', at(2 * 3600_000), at(24 * 3600_000)],
    ] as const) {
      for (const r of await repo.dueReminders(this.db, kind, from, to)) {
        await this.db.transaction().execute(async (trx) => {
          if (!(await repo.markReminded(trx, kind, r.community_id, r.id, now.toISOString()))) return;
          // The day reminder is moot once the two-hour one went out.
          if (kind === 'soon') await repo.markReminded(trx, 'day', r.community_id, r.id, now.toISOString());
          const l = shanghaiLocal(r.starts_at);
          await this.notifier.send(trx, {
            channel: 'sms',
            recipient: r.phone,
            template: kind === 'day' ? 'activities.reminder_day' : 'activities.reminder_soon',
            payload: {
              name: r.name,
              title: r.title,
              shift: r.shift_name,
              date: l.date,
              time: minuteText(l.minute),
              place: r.place,
              signupId: r.id,
              // 还来吗？ The day-before reminder asks, and the link opens the answer buttons on the phone.
              ...(kind === 'day' && { ask: true, answerPath: `/m/activities?answer=${r.id}` }),
            },
          });
          sent++;
        });
      }
    }
    return sent;
  }

  // ------------------------------------------------------------------ attendance for recognition

  /**
   * Read only, one grouped query: per volunteer, confirmed sign-ups for shifts that started between the Shanghai
   * dates `from` and `to` (inclusive) and have ended by `now`, those checked in, and no-shows (never checked in).
   * The quarterly ranking reads attendance through it.
   */
  async attendanceBetween(
    communityId: string,
    from: string,
    to: string,
    volunteerIds?: readonly string[],
    now = new Date(),
  ): Promise<Map<string, { signedUp: number; attended: number; noShows: number }>> {
    const rows = await repo.attendanceByVolunteer(
      this.db,
      communityId,
      shanghaiInstant(from, 0),
      shanghaiInstant(addDays(to, 1), 0),
      now.toISOString(),
      volunteerIds,
    );
    return new Map(
      rows.map((r) => [
        r.volunteerId,
        { signedUp: r.signedUp, attended: r.attended, noShows: r.signedUp - r.attended },
      ]),
    );
  }
}

export function toSignupView(s: repo.SignupRow): SignupView {
  return {
    id: s.id,
    activityId: s.activity_id,
    title: s.title,
    place: s.place,
    activityStatus: s.activity_status,
    shiftId: s.shift_id,
    shiftName: s.shift_name,
    shiftStart: s.shift_start,
    shiftEnd: s.shift_end,
    volunteerId: s.volunteer_id,
    volunteerName: s.volunteer_name,
    status: s.status as SignupView['status'],
    channel: s.channel,
    createdAt: s.created_at,
    promotedAt: s.promoted_at,
    checkedInAt: s.checked_in_at,
    checkinMethod: s.checkin_method,
    checkinDistanceM: s.checkin_distance_m === null ? null : Number(s.checkin_distance_m),
    checkedOutAt: s.checked_out_at,
    checkoutMethod: s.checkout_method,
    minutes: s.minutes === null ? null : Number(s.minutes),
    reviewReason: s.review_reason,
    hoursEntryId: s.hours_entry_id,
    companionName: s.companion_resident_name ?? s.companion_volunteer_name ?? null,
    companionKind: s.companion_resident_id ? 'family' : s.companion_volunteer_id ? 'volunteer' : null,
  };
}

/** PNG or JPEG by their magic bytes, whatever the name or the stated type says. */
export function sniffImage(b: Buffer): 'image/png' | 'image/jpeg' | null {
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}
