// Bookable slots from a weekly schedule, in Shanghai local time (UTC+8, no daylight saving), and the rules a
// booking must pass (booking window, minimum notice). Pure: the server, the web and the WeChat module agree.

import { addDays, shanghaiInstant, shanghaiLocal, weekdayOf } from '../shared/dates.ts';

export interface ScheduleRule {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
  /** null: every week; 1–4: only the nth such weekday of the month (a monthly free clinic); 5: the last. */
  monthWeek: number | null;
  place: string;
}

export interface Slot {
  start: string;
  end: string;
  date: string;
  startMinute: number;
  place: string;
}

function matchesMonthWeek(date: string, monthWeek: number | null): boolean {
  if (monthWeek === null) return true;
  const day = Number(date.slice(8, 10));
  if (monthWeek === 5) return addDays(date, 7).slice(5, 7) !== date.slice(5, 7);
  return Math.ceil(day / 7) === monthWeek;
}

/** Every slot of the schedule from `from` to `to` (local dates, inclusive), in time order. */
export function slotsBetween(rules: readonly ScheduleRule[], slotMinutes: number, from: string, to: string): Slot[] {
  const out: Slot[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const wd = weekdayOf(date);
    for (const r of rules) {
      if (r.weekday !== wd || !matchesMonthWeek(date, r.monthWeek)) continue;
      for (let m = r.startMinute; m + slotMinutes <= r.endMinute; m += slotMinutes) {
        out.push({
          start: shanghaiInstant(date, m),
          end: shanghaiInstant(date, m + slotMinutes),
          date,
          startMinute: m,
          place: r.place,
        });
      }
    }
  }
  // Two rules of one day may interleave; a start offered twice is one slot.
  out.sort((a, b) => a.start.localeCompare(b.start));
  return out.filter((s, i) => i === 0 || s.start !== out[i - 1]!.start);
}

/** The slot that starts at `start`, if the schedule offers one. */
export function slotAt(rules: readonly ScheduleRule[], slotMinutes: number, start: string): Slot | null {
  const t = Date.parse(start);
  if (Number.isNaN(t)) return null;
  const { date } = shanghaiLocal(start);
  return slotsBetween(rules, slotMinutes, date, date).find((s) => Date.parse(s.start) === t) ?? null;
}

export interface BookingLimits {
  windowDays: number;
  noticeHours: number;
}
export type BookingTiming = 'ok' | 'past' | 'too_late' | 'too_early';

/**
 * When a slot may be booked: not started, at least `noticeHours` ahead, and on a date no later than today
 * plus `windowDays` (Shanghai dates: "7 days ahead" means up to next week's same weekday, whatever the hour).
 */
export function bookingTiming(slotStart: string, limits: BookingLimits, now = new Date()): BookingTiming {
  const t = Date.parse(slotStart);
  if (t <= now.getTime()) return 'past';
  if (t - now.getTime() < limits.noticeHours * 3600_000) return 'too_late';
  if (shanghaiLocal(slotStart).date > addDays(shanghaiLocal(now).date, limits.windowDays)) return 'too_early';
  return 'ok';
}

/** The first and last local dates a resident can book on now. */
export function bookableDates(limits: BookingLimits, now = new Date()): { from: string; to: string } {
  const earliest = new Date(now.getTime() + limits.noticeHours * 3600_000);
  return { from: shanghaiLocal(earliest).date, to: addDays(shanghaiLocal(now).date, limits.windowDays) };
}

export { minuteToHhmm as minuteText } from '../volunteers/service-schemas.ts';
export function parseMinute(hhmm: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : null;
}
