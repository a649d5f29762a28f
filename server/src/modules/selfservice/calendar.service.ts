// One calendar feed per person (订阅我的日程): besides their activity shifts, every other commitment with a date —
// pairing visits due and next, needs they help with, home-care tasks, hospital shifts, 4:30 classroom rota days and
// the bookings of the residents linked to them — read through each module's own "my …" method, as the person
// would see them signed in. The activities feed's address serves it (so calendars subscribed before keep working).
// Times carry TZID=Asia/Shanghai; a day without a time is an all-day event.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { CalendarEvent } from '../../platform/ical.ts';
import { ROLES, type Role } from '../../../../domain/access/roles.ts';
import { addDays, shanghaiInstant } from '../../../../domain/shared/dates.ts';
import type { AppointmentsService } from '../appointments/appointments.service.ts';
import type { ClassroomService } from '../classroom/classroom.service.ts';
import type { HomecareService } from '../homecare/homecare.service.ts';
import type { VolunteerNeedsService } from '../needs/volunteer-needs.service.ts';
import type { PairingsService } from '../pairings/pairings.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import * as repo from './selfservice.repository.ts';

export interface CalendarSources {
  needs: VolunteerNeedsService;
  pairings: PairingsService;
  homecare: HomecareService;
  classroom: ClassroomService;
  appointments: AppointmentsService;
  directory: VolunteerDirectory;
}

/** Needs still on someone's hands (not new, done, reviewed, cancelled or declined). */
const LIVE_NEEDS = new Set(['matched', 'scheduled', 'in_progress']);
const HOUR_MS = 3600_000;

/** A module's list, or nothing when the person has nothing there (or may not use it). */
async function orNone<T>(p: Promise<T[]>): Promise<T[]> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof AppError) return [];
    throw e;
  }
}

const hhmmMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
/** A local date and HH:MM as an instant; the end an hour on when none is given. */
function timed(date: string, start: string, end?: string | null) {
  const s = shanghaiInstant(date, hhmmMinute(start));
  const e = end ? shanghaiInstant(date, hhmmMinute(end)) : new Date(Date.parse(s) + HOUR_MS).toISOString();
  return { start: s, end: e > s ? e : new Date(Date.parse(s) + HOUR_MS).toISOString() };
}
const allDay = (date: string) => ({ start: date, end: addDays(date, 1), allDay: true as const });

export class PersonCalendar {
  constructor(
    private readonly db: Db,
    private readonly s: CalendarSources,
  ) {}

  /** The volunteer as a signed-in person would be (no session): null when they have no usable account. */
  private async actorOf(communityId: string, volunteerId: string): Promise<Actor | null> {
    const p = await repo.personOf(this.db, communityId, volunteerId);
    if (!p || Number(p.disabled) || !(ROLES as readonly string[]).includes(p.role)) return null;
    return Object.freeze({
      accountId: p.account_id,
      name: p.name,
      phone: p.phone,
      role: p.role as Role,
      title: p.title,
      communityId,
      communityName: p.community_name,
      membershipId: p.membership_id,
      gridId: p.grid_id,
      teamId: p.team_id,
      unitId: p.unit_id,
      residentId: p.resident_id,
      locale: p.locale === 'en' || p.locale === 'zh-CN' ? p.locale : null,
      csrfToken: '',
      tokenHash: '',
    });
  }

  /** Every commitment besides activity shifts, from 30 days before `now` on. */
  async events(communityId: string, volunteerId: string, now: Date): Promise<CalendarEvent[]> {
    const person = await this.actorOf(communityId, volunteerId);
    if (!person) return [];
    const actor = this.s.directory.oneRead(person);
    const stamp = now.toISOString();
    const since = new Date(now.getTime() - 30 * 24 * HOUR_MS).toISOString();
    const [needs, pairings, tasks, shifts, rota, bookings] = await Promise.all([
      orNone(this.s.needs.list(actor)),
      orNone(this.s.pairings.mine(actor)),
      orNone(this.s.homecare.myTasks(actor, { open: false }).then((r) => r.mine)),
      orNone(this.s.homecare.myShifts(actor, { open: false }).then((r) => r.mine)),
      orNone(this.s.classroom.myRotaDays(actor)),
      orNone(this.s.appointments.mine(actor).then((r) => r.bookings)),
    ]);
    const out: CalendarEvent[] = [];
    for (const n of needs) {
      if (!LIVE_NEEDS.has(n.status) || !n.preferredDate) continue;
      out.push({
        uid: `${n.id}@linli-need`,
        ...(n.preferredStart ? timed(n.preferredDate, n.preferredStart, n.preferredEnd) : allDay(n.preferredDate)),
        stamp,
        summary: `帮办：${n.residentName}`,
        location: n.place ?? undefined,
        description: n.description,
      });
    }
    for (const p of pairings)
      for (const date of new Set([...p.due, ...p.next]))
        out.push({
          uid: `${p.id}-${date}@linli-pairing`,
          ...allDay(date),
          stamp,
          summary: `结对探访：${p.residentName}`,
          location: p.place || undefined,
        });
    for (const t of tasks) {
      if (t.status !== 'assigned') continue;
      out.push({
        uid: `${t.id}@linli-homecare-task`,
        ...(t.dueTime ? timed(t.dueOn, t.dueTime) : allDay(t.dueOn)),
        stamp,
        summary: `居家服务：${t.residentName}`,
      });
    }
    for (const f of shifts) {
      if (f.status !== 'assigned' || f.endsAt < since) continue;
      out.push({
        uid: `${f.id}@linli-hospital-shift`,
        start: f.startsAt,
        end: f.endsAt,
        stamp,
        summary: `医院陪护：${f.residentName}`,
        location: [f.hospital, f.ward].filter(Boolean).join(' '),
      });
    }
    for (const r of rota)
      out.push({
        uid: `${r.sessionId}-${volunteerId}@linli-classroom`,
        ...timed(r.date, r.starts, r.ends),
        stamp,
        summary: '四点半课堂值班',
        location: r.place,
      });
    for (const b of bookings) {
      if (b.status !== 'confirmed' || b.slotEnd < since) continue;
      out.push({
        uid: `${b.id}@linli-booking`,
        start: b.slotStart,
        end: b.slotEnd,
        stamp,
        summary: `预约：${b.serviceName}（${b.residentName}）`,
        location: b.place ?? undefined,
      });
    }
    return out;
  }
}
