// Appointments for professional services (义诊, 义剪, 法律咨询 …): services with their volunteer providers and a
// weekly schedule; slots computed from it in Shanghai time; bookings by the resident online, by staff for a
// caller, or by the WeChat module through book() / listOpenSlots() / myBookings() / cancel(); never more
// bookings than places (a conditional update of the slot's counter in the booking's transaction).
import { randomBytes } from 'node:crypto';
import type { Db, DbOrTrx } from '../../db/database.ts';
import type { Actor, RequestContext } from '../../platform/actor.ts';
import { auditWho, type AuditLog, type AuditWho } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Notifier } from '../../platform/notify.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';
import {
  bookableDates,
  bookingTiming,
  slotAt,
  slotsBetween,
  minuteText,
  type ScheduleRule,
} from '../../../../domain/appointments/schedule.ts';
import type { Channel, ServiceInput } from '../../../../domain/appointments/schemas.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './appointments.repository.ts';
import { toBooking, toService, type ServiceRow } from './appointments.mapper.ts';
import { calendar, type CalendarEvent } from '../../platform/ical.ts';
import { maskName } from '../../../../domain/records/certificates.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import { addDays, shanghaiInstant, shanghaiLocal, todayInShanghai } from '../../../../domain/shared/dates.ts';

/** Who made a change, for the audit log: a signed-in account, or a channel acting for a resident (WeChat). */
export interface BookedBy {
  accountId: string | null;
  name: string;
  role: string | null;
}

export interface BookRequest {
  communityId: string;
  residentId: string;
  serviceId: string;
  slotStart: string;
  channel: Channel;
  note?: string | null;
  by?: BookedBy;
  ctx?: RequestContext;
  now?: Date;
}

/** At most this many days of slots per request, so a slot list stays a page. */
const MAX_RANGE_DAYS = 62;

export class AppointmentsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly residents: ResidentDirectory,
    private readonly volunteers: VolunteerDirectory,
    private readonly notifier: Notifier,
    private readonly hours: HoursService,
    private readonly contacts: ContactService,
  ) {}

  private who(communityId: string, by: BookedBy | undefined, ctx: RequestContext | undefined): AuditWho {
    const author = {
      communityId,
      accountId: by?.accountId ?? null,
      name: by?.name ?? 'system',
      role: by?.role ?? null,
    };
    return auditWho(author, ctx ?? null);
  }
  private static by(actor: Actor): BookedBy {
    return { accountId: actor.accountId, name: actor.name, role: actor.role };
  }

  // ---------------- services (staff) ----------------

  private async rowsToServices(
    communityId: string,
    rows: Awaited<ReturnType<typeof repo.listServices>>,
    withProviders: boolean,
  ) {
    const ids = rows.map((r) => r.id);
    const [schedules, providers] = await Promise.all([
      repo.schedulesOf(this.db, communityId, ids),
      withProviders ? repo.providersOf(this.db, communityId, ids) : [],
    ]);
    return rows.map((r) =>
      toService(
        r as ServiceRow,
        schedules.filter((s) => s.service_id === r.id),
        providers.filter((p) => p.service_id === r.id),
      ),
    );
  }

  async services(actor: Actor) {
    return this.rowsToServices(actor.communityId, await repo.listServices(this.db, actor.communityId, false), true);
  }

  /** Active services as residents see them (no provider phones). */
  async offer(communityId: string) {
    return (await this.rowsToServices(communityId, await repo.listServices(this.db, communityId, true), false)).map(
      ({ providers: _p, ...s }) => s,
    );
  }

  private async checkProviders(communityId: string, ids: string[]) {
    for (const [i, id] of ids.entries()) {
      if (!(await this.volunteers.owner(communityId, id)))
        throw new AppError('not_found', {
          entity: 'volunteer',
          fields: [{ field: `providerIds.${i}`, message: 'invalid.id' }],
        });
    }
  }

  private async writeDetails(
    trx: DbOrTrx,
    communityId: string,
    serviceId: string,
    input: Pick<ServiceInput, 'providerIds' | 'schedule'>,
  ) {
    const providerIds = [...new Set(input.providerIds)];
    await repo.replaceProviders(trx, communityId, serviceId, providerIds);
    const now = new Date().toISOString();
    for (const v of providerIds) await repo.insertFeedIfMissing(trx, communityId, v, newToken(), now);
    await repo.replaceSchedule(
      trx,
      communityId,
      serviceId,
      input.schedule.map((r) => ({
        community_id: communityId,
        id: uuidv7(),
        service_id: serviceId,
        weekday: r.weekday,
        start_minute: r.startMinute,
        end_minute: r.endMinute,
        month_week: r.monthWeek ?? null,
        place: r.place || null,
      })),
    );
  }

  async createService(actor: Actor, input: ServiceInput, ctx: RequestContext) {
    if (await repo.serviceNamed(this.db, actor.communityId, input.name))
      throw new AppError('conflict', { reason: input.name, fields: [{ field: 'name', message: 'invalid.nameTaken' }] });
    await this.checkProviders(actor.communityId, input.providerIds);
    const id = uuidv7();
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.insertService(trx, {
        community_id: actor.communityId,
        id,
        name: input.name,
        kind: input.kind,
        description: input.description ?? null,
        place: input.place,
        slot_minutes: input.slotMinutes,
        places_per_slot: input.placesPerSlot,
        window_days: input.windowDays,
        notice_hours: input.noticeHours,
        active: input.active ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
      await this.writeDetails(trx, actor.communityId, id, input);
      await this.audit.record(trx, this.who(actor.communityId, AppointmentsService.by(actor), ctx), {
        action: 'appointments.service.create',
        entityType: 'appointment_service',
        entityId: id,
        detail: { name: input.name },
      });
    });
    return { id };
  }

  async updateService(actor: Actor, id: string, input: Partial<ServiceInput>, ctx: RequestContext) {
    const s = await repo.getService(this.db, actor.communityId, id);
    if (!s) throw new AppError('not_found', { entity: 'appointment_service' });
    if (input.name && input.name !== s.name && (await repo.serviceNamed(this.db, actor.communityId, input.name))) {
      throw new AppError('conflict', { reason: input.name, fields: [{ field: 'name', message: 'invalid.nameTaken' }] });
    }
    if (input.providerIds) await this.checkProviders(actor.communityId, input.providerIds);
    const now = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await repo.updateService(trx, actor.communityId, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.description !== undefined && { description: input.description ?? null }),
        ...(input.place !== undefined && { place: input.place }),
        ...(input.slotMinutes !== undefined && { slot_minutes: input.slotMinutes }),
        ...(input.placesPerSlot !== undefined && { places_per_slot: input.placesPerSlot }),
        ...(input.windowDays !== undefined && { window_days: input.windowDays }),
        ...(input.noticeHours !== undefined && { notice_hours: input.noticeHours }),
        ...(input.active !== undefined && { active: input.active ? 1 : 0 }),
        updated_at: now,
      });
      if (input.placesPerSlot !== undefined)
        await repo.resizeFutureSlots(trx, actor.communityId, id, input.placesPerSlot, now);
      if (input.providerIds || input.schedule) {
        const current = {
          providerIds:
            input.providerIds ?? (await repo.providersOf(trx, actor.communityId, [id])).map((p) => p.volunteer_id),
          schedule:
            input.schedule ??
            (await repo.schedulesOf(trx, actor.communityId, [id])).map((r) => ({
              weekday: r.weekday,
              startMinute: r.start_minute,
              endMinute: r.end_minute,
              monthWeek: r.month_week,
              place: r.place,
            })),
        };
        await this.writeDetails(trx, actor.communityId, id, current);
      }
      await this.audit.record(trx, this.who(actor.communityId, AppointmentsService.by(actor), ctx), {
        action: 'appointments.service.update',
        entityType: 'appointment_service',
        entityId: id,
        detail: { fields: Object.keys(input) },
      });
    });
  }

  /**
   * Staff record that providers served a day's session: each provider gets the scheduled blocks of that day
   * as hours (pending verification). The schedule, not the bookings, gives the time: a doctor at the free
   * clinic serves the whole session whether or not every slot was booked.
   * Every live booking of that day is attended, and becomes a contact in the record of service (see setAttendance).
   */
  async recordServed(
    actor: Actor,
    serviceId: string,
    date: string,
    volunteerIds: readonly string[],
    ctx: RequestContext,
  ): Promise<{ entries: number; minutes: number }> {
    if (date > todayInShanghai())
      throw new AppError('validation', { fields: [{ field: 'date', message: 'invalid.inFuture' }] });
    const service = await this.serviceOr404(actor.communityId, serviceId);
    const providers = new Set(
      (await repo.providersOf(this.db, actor.communityId, [serviceId])).map((p) => p.volunteer_id),
    );
    const strangers = volunteerIds.filter((v) => !providers.has(v));
    if (strangers.length)
      throw new AppError('validation', { fields: [{ field: 'volunteerIds', message: 'appointments.notProvider' }] });
    const blocks = (await this.rulesOf(actor.communityId, service)).flatMap((r) =>
      slotsBetween([r], r.endMinute - r.startMinute, date, date),
    );
    if (!blocks.length) throw new AppError('slot_not_offered', { name: service.name });
    let entries = 0,
      minutes = 0;
    await this.db.transaction().execute(async (trx) => {
      // Everyone who kept a booking that day was served: a contact each (setAttendance takes one back).
      const day = await repo.bookingsBetween(
        trx,
        actor.communityId,
        shanghaiInstant(date, 0),
        shanghaiInstant(addDays(date, 1), 0),
        serviceId,
      );
      const providerIds = [...new Set(volunteerIds)];
      const servedBy = (await Promise.all(providerIds.map((v) => this.volunteers.owner(actor.communityId, v, trx))))
        .map((o) => o?.name)
        .filter(Boolean)
        .join('、');
      await this.contacts.record(
        trx,
        day
          .filter((b) => b.status === 'confirmed')
          .map((b) => ({
            communityId: actor.communityId,
            kind: 'appointment' as const,
            sourceId: b.id,
            residentId: b.resident_id,
            occurredAt: b.slot_start,
            volunteerId: providerIds.length === 1 ? providerIds[0] : null,
            servedBy: servedBy || actor.name,
          })),
      );
      for (const volunteerId of providerIds) {
        for (const b of blocks) {
          const length = Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000);
          const r = await this.hours.recordService(trx, {
            communityId: actor.communityId,
            volunteerId,
            source: 'appointment',
            sourceId: `${serviceId}:${date}:${b.startMinute}`,
            serviceDate: date,
            startedAt: b.start,
            endedAt: b.end,
            minutes: length,
            description: `预约服务 · ${service.name}`,
            recordedBy: { accountId: actor.accountId, name: actor.name },
          });
          if (r.minutes) {
            entries++;
            minutes += r.minutes;
          }
        }
      }
      await this.audit.record(trx, this.who(actor.communityId, AppointmentsService.by(actor), ctx), {
        action: 'appointments.served',
        entityType: 'appointment_service',
        entityId: serviceId,
        detail: { date, volunteerIds, entries },
      });
    });
    return { entries, minutes };
  }

  /**
   * Staff correct one booking's attendance once its time has come: attended writes its contact in the record of
   * service, not attended takes it back (a resident who did not come after all).
   */
  async setAttendance(actor: Actor, bookingId: string, attended: boolean, ctx: RequestContext, now = new Date()) {
    await this.db.transaction().execute(async (trx) => {
      const b = await repo.getBooking(trx, actor.communityId, bookingId);
      if (!b) throw new AppError('not_found', { entity: 'booking' });
      // A cancelled booking was never attended.
      if (b.status !== 'confirmed') throw new AppError('conflict', {});
      if (Date.parse(b.slot_start) > now.getTime())
        throw new AppError('validation', { fields: [{ field: 'attended', message: 'invalid.inFuture' }] });
      if (attended) {
        const providers = await repo.providersOf(trx, actor.communityId, [b.service_id]);
        await this.contacts.record(trx, [
          {
            communityId: actor.communityId,
            kind: 'appointment',
            sourceId: b.id,
            residentId: b.resident_id,
            occurredAt: b.slot_start,
            volunteerId: providers.length === 1 ? providers[0]!.volunteer_id : null,
            servedBy: providers.length === 1 ? undefined : actor.name,
          },
        ]);
      } else await this.contacts.withdraw(trx, actor.communityId, 'appointment', b.id);
      await this.audit.record(trx, this.who(actor.communityId, AppointmentsService.by(actor), ctx), {
        action: 'appointments.attendance',
        entityType: 'appointment_booking',
        entityId: b.id,
        detail: { residentId: b.resident_id, attended },
      });
    });
  }

  // ---------------- slots ----------------

  private async serviceOr404(communityId: string, serviceId: string, db: DbOrTrx = this.db) {
    const s = await repo.getService(db, communityId, serviceId);
    if (!s)
      throw new AppError('not_found', {
        entity: 'appointment_service',
        fields: [{ field: 'serviceId', message: 'invalid.id' }],
      });
    return s;
  }

  private async rulesOf(
    communityId: string,
    service: { id: string; place: string },
    db: DbOrTrx = this.db,
  ): Promise<ScheduleRule[]> {
    return (await repo.schedulesOf(db, communityId, [service.id])).map((r) => ({
      weekday: r.weekday,
      startMinute: r.start_minute,
      endMinute: r.end_minute,
      monthWeek: r.month_week,
      place: r.place ?? service.place,
    }));
  }

  /**
   * The slots a resident can book now between two local dates (default: the whole booking window), with places left.
   */
  async listOpenSlots(q: { communityId: string; serviceId: string; from?: string; to?: string; now?: Date }) {
    const now = q.now ?? new Date();
    const s = await this.serviceOr404(q.communityId, q.serviceId);
    if (!s.active) return [];
    const limits = { windowDays: s.window_days, noticeHours: s.notice_hours };
    const window = bookableDates(limits, now);
    const from = q.from && q.from > window.from ? q.from : window.from;
    let to = q.to && q.to < window.to ? q.to : window.to;
    if (to > addDays(from, MAX_RANGE_DAYS)) to = addDays(from, MAX_RANGE_DAYS);
    if (to < from) return [];
    const slots = slotsBetween(await this.rulesOf(q.communityId, s), s.slot_minutes, from, to).filter(
      (x) => bookingTiming(x.start, limits, now) === 'ok',
    );
    const counts = new Map(
      (
        await repo.slotCounts(
          this.db,
          q.communityId,
          s.id,
          shanghaiInstant(from, 0),
          shanghaiInstant(addDays(to, 1), 0),
        )
      ).map((c) => [new Date(c.starts_at).toISOString(), c]),
    );
    return slots
      .map((x) => {
        const c = counts.get(x.start);
        const places = c?.places ?? s.places_per_slot;
        return {
          start: x.start,
          end: x.end,
          date: x.date,
          time: minuteText(x.startMinute),
          place: x.place,
          places,
          left: places - (c?.booked ?? 0),
        };
      })
      .filter((x) => x.left > 0);
  }

  // ---------------- booking ----------------

  /**
   * Books a place for a resident: the one entry point of every channel. Throws a clear AppError and changes nothing
   * when refused.
   */
  async book(r: BookRequest) {
    const now = r.now ?? new Date();
    const resident = await this.residents.get(r.communityId, r.residentId);
    if (!resident)
      throw new AppError('not_found', { entity: 'resident', fields: [{ field: 'residentId', message: 'invalid.id' }] });
    const s = await this.serviceOr404(r.communityId, r.serviceId);
    if (!s.active) throw new AppError('service_closed', { name: s.name });
    const slot = slotAt(await this.rulesOf(r.communityId, s), s.slot_minutes, r.slotStart);
    if (!slot)
      throw new AppError('slot_not_offered', {
        name: s.name,
        fields: [{ field: 'slotStart', message: 'invalid.value' }],
      });
    const timing = bookingTiming(slot.start, { windowDays: s.window_days, noticeHours: s.notice_hours }, now);
    if (timing === 'past') throw new AppError('slot_passed');
    if (timing === 'too_late') throw new AppError('booking_too_late', { hours: s.notice_hours });
    if (timing === 'too_early') throw new AppError('booking_too_early', { days: s.window_days });

    // A slot already full is refused without a write transaction (the conditional update below still decides).
    const seen = await repo.slotCounts(
      this.db,
      r.communityId,
      s.id,
      slot.start,
      new Date(Date.parse(slot.start) + 1).toISOString(),
    );
    if (seen[0] && seen[0].booked >= seen[0].places)
      throw new AppError('slot_full', { name: s.name, time: `${slot.date} ${minuteText(slot.startMinute)}` });

    const id = uuidv7();
    const at = now.toISOString();
    try {
      await this.db.transaction().execute(async (trx) => {
        await repo.ensureSlot(trx, {
          community_id: r.communityId,
          service_id: s.id,
          starts_at: slot.start,
          ends_at: slot.end,
          place: slot.place,
          places: s.places_per_slot,
          booked: 0,
        });
        if (!(await repo.takePlace(trx, r.communityId, s.id, slot.start)))
          throw new AppError('slot_full', { name: s.name, time: `${slot.date} ${minuteText(slot.startMinute)}` });
        // After takePlace: on PostgreSQL the slot row is now locked, so a second request of the same resident waits
        // here and sees this one.
        if (await repo.liveBookingOf(trx, r.communityId, s.id, slot.start, r.residentId))
          throw new AppError('already_booked', { name: resident.name });
        await repo.insertBooking(trx, {
          community_id: r.communityId,
          id,
          service_id: s.id,
          slot_start: slot.start,
          resident_id: r.residentId,
          status: 'confirmed',
          channel: r.channel,
          booked_by: r.by?.accountId ?? null,
          note: r.note ?? null,
          created_at: at,
          cancelled_at: null,
          cancelled_by: null,
          cancel_reason: null,
          reminded_at: null,
        });
        await this.audit.record(trx, this.who(r.communityId, r.by, r.ctx), {
          action: 'appointments.book',
          entityType: 'appointment_booking',
          entityId: id,
          detail: { serviceId: s.id, slotStart: slot.start, residentId: r.residentId, channel: r.channel },
        });
      });
    } catch (err) {
      // The unique index is the backstop for one live booking per resident and slot.
      if (
        !(err instanceof AppError) &&
        /appointment_booking_one_seat_uq|appointment_booking\.community_id, appointment_booking\.service_id/.test(
          String((err as Error)?.message),
        )
      ) {
        throw new AppError('already_booked', { name: resident.name });
      }
      throw err;
    }
    return (await this.bookingById(r.communityId, id))!;
  }

  private async bookingById(communityId: string, id: string) {
    const b = await repo.bookingView(this.db, communityId, id);
    return b ? toBooking(b) : null;
  }

  /** A resident's bookings from 30 days ago on, soonest first. */
  async myBookings(q: { communityId: string; residentId: string | string[]; now?: Date }) {
    const ids = Array.isArray(q.residentId) ? q.residentId : [q.residentId];
    const since = new Date((q.now ?? new Date()).getTime() - 30 * 86400_000).toISOString();
    return (await repo.bookingsOfResidents(this.db, q.communityId, ids, since)).map(toBooking);
  }

  /**
   * Cancels a live booking before its slot starts, freeing the place. `residentIds`: the booking must belong to one of
   * them.
   */
  async cancel(q: {
    communityId: string;
    bookingId: string;
    residentIds?: string[];
    reason?: string | null;
    by?: BookedBy;
    ctx?: RequestContext;
    now?: Date;
  }) {
    const now = q.now ?? new Date();
    await this.db.transaction().execute(async (trx) => {
      const b = await repo.getBooking(trx, q.communityId, q.bookingId);
      if (!b || (q.residentIds && !q.residentIds.includes(b.resident_id)))
        throw new AppError('not_found', { entity: 'booking' });
      if (b.status !== 'confirmed' || Date.parse(b.slot_start) <= now.getTime())
        throw new AppError('booking_not_cancellable');
      if (
        !(await repo.cancelBooking(
          trx,
          q.communityId,
          b.id,
          q.by?.accountId ?? q.by?.name ?? 'system',
          q.reason ?? null,
          now.toISOString(),
        ))
      )
        throw new AppError('booking_not_cancellable');
      await repo.freePlace(trx, q.communityId, b.service_id, b.slot_start);
      await this.audit.record(trx, this.who(q.communityId, q.by, q.ctx), {
        action: 'appointments.cancel',
        entityType: 'appointment_booking',
        entityId: b.id,
        detail: { residentId: b.resident_id, reason: q.reason ?? null },
      });
    });
  }

  // ---------------- staff ----------------

  async bookForCaller(
    actor: Actor,
    input: {
      residentId: string;
      serviceId: string;
      slotStart: string;
      channel: 'phone' | 'office';
      note?: string | null;
    },
    ctx: RequestContext,
  ) {
    return this.book({
      communityId: actor.communityId,
      residentId: input.residentId,
      serviceId: input.serviceId,
      slotStart: input.slotStart,
      channel: input.channel,
      note: input.note ?? null,
      by: AppointmentsService.by(actor),
      ctx,
    });
  }

  async cancelByStaff(actor: Actor, bookingId: string, reason: string | null | undefined, ctx: RequestContext) {
    await this.cancel({
      communityId: actor.communityId,
      bookingId,
      reason: reason ?? null,
      by: AppointmentsService.by(actor),
      ctx,
    });
  }

  /** One local day's bookings (live and cancelled), optionally of one service. */
  async dayBookings(actor: Actor, date: string, serviceId?: string) {
    return (
      await repo.bookingsBetween(
        this.db,
        actor.communityId,
        shanghaiInstant(date, 0),
        shanghaiInstant(addDays(date, 1), 0),
        serviceId,
      )
    ).map(toBooking);
  }

  async findResidents(actor: Actor, q: string) {
    return (await this.residents.find(actor.communityId, q)).map((r) => ({
      id: r.id,
      name: r.name,
      birthYear: Number(r.birthDate.slice(0, 4)),
      phone: r.phone,
      address: r.address,
      via: r.via,
    }));
  }

  async feedPath(actor: Actor, volunteerId: string, renew: boolean) {
    if (!(await this.volunteers.owner(actor.communityId, volunteerId)))
      throw new AppError('not_found', { entity: 'volunteer' });
    const now = new Date().toISOString();
    if (renew) await repo.upsertFeed(this.db, actor.communityId, volunteerId, newToken(), now);
    else await repo.insertFeedIfMissing(this.db, actor.communityId, volunteerId, newToken(), now);
    const f = (await repo.feedOf(this.db, actor.communityId, volunteerId))!;
    return { path: `/api/appointments/feed/${actor.communityId}/${f.token}.ics` };
  }

  // ---------------- residents (online) ----------------

  async mine(actor: Actor) {
    const people = await this.residents.linkedTo(actor);
    return {
      people,
      bookings: await this.myBookings({ communityId: actor.communityId, residentId: people.map((p) => p.id) }),
    };
  }

  private async linkedIds(actor: Actor) {
    return (await this.residents.linkedTo(actor)).map((p) => p.id);
  }

  async bookSelf(
    actor: Actor,
    input: { residentId: string; serviceId: string; slotStart: string },
    ctx: RequestContext,
  ) {
    // Only for oneself or a family member who lists this account's phone; anyone else is out of scope.
    if (!(await this.linkedIds(actor)).includes(input.residentId))
      throw new AppError('out_of_scope', { scope: 'self' });
    return this.book({
      communityId: actor.communityId,
      ...input,
      channel: 'online',
      by: AppointmentsService.by(actor),
      ctx,
    });
  }

  async cancelSelf(actor: Actor, bookingId: string, ctx: RequestContext) {
    await this.cancel({
      communityId: actor.communityId,
      bookingId,
      residentIds: await this.linkedIds(actor),
      by: AppointmentsService.by(actor),
      ctx,
    });
  }

  // ---------------- the provider's calendar feed (public, by token) ----------------

  async feed(communityId: string, token: string, now = new Date()): Promise<string | null> {
    const f = await repo.feedByToken(this.db, communityId, token);
    if (!f) return null;
    const since = new Date(now.getTime() - 30 * 86400_000).toISOString();
    const slots = await repo.providerSlots(this.db, communityId, f.volunteer_id, since);
    const names = await repo.liveNamesOfSlots(
      this.db,
      communityId,
      [...new Set(slots.map((s) => s.service_id))],
      since,
    );
    // Only masked names leave through a link that calendar apps keep: 李*钦. Grouped by slot (in booking order).
    const whoBySlot = new Map<string, string[]>();
    for (const n of names) {
      const key = `${n.service_id} ${n.slot_start}`;
      const who = whoBySlot.get(key);
      if (who) who.push(maskName(n.name));
      else whoBySlot.set(key, [maskName(n.name)]);
    }
    const events: CalendarEvent[] = slots.map((s) => {
      const who = whoBySlot.get(`${s.service_id} ${s.starts_at}`) ?? [];
      return {
        uid: `${s.service_id}-${s.starts_at.replace(/[^0-9]/g, '')}@linli`,
        start: s.starts_at,
        end: s.ends_at,
        stamp: now.toISOString(),
        summary: `${s.service_name}（${s.booked}/${s.places}）`,
        location: s.place,
        description: `已预约 ${s.booked} 人：${who.join('、')}`,
      };
    });
    return calendar(`${f.name} · 预约服务`, events);
  }

  // ---------------- reminders (the daily job) ----------------

  /** Reminds every resident booked for tomorrow (Shanghai) once, through the outbox; a rerun sends nothing twice. */
  async sendReminders(now = new Date()): Promise<number> {
    const tomorrow = addDays(shanghaiLocal(now).date, 1);
    const due = await repo.dueReminders(
      this.db,
      shanghaiInstant(tomorrow, 0),
      shanghaiInstant(addDays(tomorrow, 1), 0),
    );
    let sent = 0;
    for (const b of due) {
      const phone = await this.residents.contactPhone(b.community_id, b.resident_id);
      if (!phone) continue;
      await this.db.transaction().execute(async (trx) => {
        if (!(await repo.markReminded(trx, b.community_id, b.id, now.toISOString()))) return;
        const local = shanghaiLocal(b.slot_start);
        await this.notifier.send(trx, {
          channel: 'sms',
          recipient: phone,
          template: 'appointments.reminder',
          payload: {
            name: b.resident_name,
            service: b.service_name,
            date: local.date,
            time: minuteText(local.minute),
            place: b.place,
            bookingId: b.id,
          },
        });
        sent++;
      });
    }
    return sent;
  }
}

function newToken(): string {
  return randomBytes(24).toString('base64url');
}
