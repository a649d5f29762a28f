// The schedule of a three-fixed pairing, written as an RFC 5545 RRULE string. Only what a community office
// uses: FREQ=WEEKLY with BYDAY (weeks start on Monday) and FREQ=MONTHLY with BYMONTHDAY, each with INTERVAL.
// Everything works on local calendar dates (YYYY-MM-DD), so no time zone can shift an occurrence.
import { isRealDate, weekdayOf } from '../shared/dates.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Recurrence =
  | { freq: 'WEEKLY'; interval: number; byDay: Weekday[] }
  /** byMonthDay: 1–31, or -1…-3 counted from the month's end (-1 the last day, -3 the third last; the Party school
   *  cleans on the last three days). A day the month lacks (31 in April) is skipped, as RFC 5545 says. */
  | { freq: 'MONTHLY'; interval: number; byMonthDay: number[] };

export const MAX_INTERVAL = 12;

export type RuleError =
  'rrule.syntax' | 'rrule.freq' | 'rrule.interval' | 'rrule.byDay' | 'rrule.byMonthDay' | 'rrule.unsupported';
export type ParseResult = { ok: true; rule: Recurrence } | { ok: false; error: RuleError };

/** Parses and validates; never throws. Accepts an optional "RRULE:" prefix and any letter case. */
export function parseRule(input: string): ParseResult {
  const text = input.trim().replace(/^RRULE:/i, '');
  if (!text || text.length > 200) return { ok: false, error: 'rrule.syntax' };
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const m = /^([A-Za-z]+)=([A-Za-z0-9,+-]+)$/.exec(part);
    if (!m) return { ok: false, error: 'rrule.syntax' };
    const key = m[1]!.toUpperCase();
    if (parts.has(key)) return { ok: false, error: 'rrule.syntax' };
    parts.set(key, m[2]!.toUpperCase());
  }
  const freq = parts.get('FREQ');
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY')
    return { ok: false, error: freq === undefined ? 'rrule.syntax' : 'rrule.freq' };
  for (const key of parts.keys()) {
    const allowed = freq === 'WEEKLY' ? ['FREQ', 'INTERVAL', 'BYDAY', 'WKST'] : ['FREQ', 'INTERVAL', 'BYMONTHDAY'];
    if (!allowed.includes(key)) return { ok: false, error: 'rrule.unsupported' };
  }
  // We count weeks from Monday; another week start would change which weeks an INTERVAL picks.
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') return { ok: false, error: 'rrule.unsupported' };
  let interval = 1;
  if (parts.has('INTERVAL')) {
    const s = parts.get('INTERVAL')!;
    if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > MAX_INTERVAL)
      return { ok: false, error: 'rrule.interval' };
    interval = Number(s);
  }
  if (freq === 'WEEKLY') {
    const list = parts.get('BYDAY')?.split(',') ?? [];
    if (
      list.length === 0 ||
      list.some((d) => !(WEEKDAYS as readonly string[]).includes(d)) ||
      new Set(list).size !== list.length
    )
      return { ok: false, error: 'rrule.byDay' };
    return { ok: true, rule: { freq, interval, byDay: WEEKDAYS.filter((d) => list.includes(d)) } };
  }
  const list = parts.get('BYMONTHDAY')?.split(',') ?? [];
  const days = list.map((d) => (/^-?\d{1,2}$/.test(d) ? Number(d) : NaN));
  if (
    days.length === 0 ||
    days.some((d) => !((d >= -3 && d <= -1) || (d >= 1 && d <= 31))) ||
    new Set(days).size !== days.length
  )
    return { ok: false, error: 'rrule.byMonthDay' };
  return { ok: true, rule: { freq, interval, byMonthDay: [...days].sort(monthDayOrder) } };
}

/** Canonical order of BYMONTHDAY: days of the month first, then -3, -2, -1 (nearest the end last). */
export function monthDayOrder(a: number, b: number): number {
  return (a < 0 ? 100 + a : a) - (b < 0 ? 100 + b : b);
}

/** The canonical RRULE text of a rule: parseRule(formatRule(r)) gives r back. */
export function formatRule(r: Recurrence): string {
  const interval = r.interval === 1 ? '' : `;INTERVAL=${r.interval}`;
  return r.freq === 'WEEKLY'
    ? `FREQ=WEEKLY${interval};BYDAY=${r.byDay.join(',')}`
    : `FREQ=MONTHLY${interval};BYMONTHDAY=${r.byMonthDay.join(',')}`;
}

// ---- calendar arithmetic on day numbers (days since 1970-01-01) ----

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86400_000;
}
export function dateOf(day: number): string {
  return new Date(day * 86400_000).toISOString().slice(0, 10);
}
function daysInMonth(y: number, m0: number): number {
  return new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
}

/**
 * The dates the rule gives from `start` (the series' first possible day) up to `end` (inclusive, or open),
 * limited to [from, to]. INTERVAL counts weeks (or months) from the one that holds `start`.
 */
export function occurrences(rule: Recurrence, start: string, end: string | null, from: string, to: string): string[] {
  if (!isRealDate(start) || !isRealDate(from) || !isRealDate(to) || (end !== null && !isRealDate(end))) return [];
  const lo = Math.max(dayNumber(start), dayNumber(from));
  const hi = Math.min(end === null ? Infinity : dayNumber(end), dayNumber(to));
  if (lo > hi) return [];
  const out: string[] = [];
  if (rule.freq === 'WEEKLY') {
    const s = dayNumber(start);
    const week0 = s - (weekdayOf(start) - 1); // the Monday of the first week
    const wanted = new Set(rule.byDay.map((d) => WEEKDAYS.indexOf(d)));
    // Jump to the first week of the series at or before lo, then walk series weeks only.
    let week = week0 + Math.max(0, Math.floor((lo - week0) / (7 * rule.interval))) * 7 * rule.interval;
    for (; week <= hi; week += 7 * rule.interval) {
      for (let i = 0; i < 7; i++) if (wanted.has(i) && week + i >= lo && week + i <= hi) out.push(dateOf(week + i));
    }
    return out;
  }
  const sy = Number(start.slice(0, 4)),
    sm = Number(start.slice(5, 7)) - 1;
  const loDate = dateOf(lo);
  const months0 = (Number(loDate.slice(0, 4)) - sy) * 12 + (Number(loDate.slice(5, 7)) - 1 - sm);
  let k = Math.max(0, Math.floor(months0 / rule.interval)) * rule.interval;
  for (; ; k += rule.interval) {
    const y = sy + Math.floor((sm + k) / 12),
      m0 = (sm + k) % 12;
    if (Date.UTC(y, m0, 1) / 86400_000 > hi) break;
    const last = daysInMonth(y, m0);
    const days = [...new Set(rule.byMonthDay.map((d) => (d < 0 ? last + 1 + d : d)).filter((d) => d <= last))].sort(
      (a, b) => a - b,
    );
    for (const d of days) {
      const n = Date.UTC(y, m0, d) / 86400_000;
      if (n >= lo && n <= hi) out.push(dateOf(n));
    }
  }
  return out;
}

/** Roughly how many occurrences a rule gives in four weeks: for plausibility checks and the page's summary. */
export function perFourWeeks(rule: Recurrence): number {
  return rule.freq === 'WEEKLY'
    ? (rule.byDay.length * 4) / rule.interval
    : (rule.byMonthDay.length * 28) / (30.44 * rule.interval);
}
