// Calendar dates are local dates in the community's zone (Asia/Shanghai), written YYYY-MM-DD. Every calendar
// helper of the server and the web lives here, with one weekday numbering: ISO, 1 = Monday … 7 = Sunday (the
// Chinese week, and what availability slots and appointment schedules store).

/** Shanghai is UTC+8 all year: no daylight saving. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The years a date may fall in. Arithmetic near year 0 or 9999 leaves four digits (addDays gives '+010000-…'), and
 * no resident, record or plan of a community lies outside these.
 */
export const FIRST_YEAR = 1800;
export const LAST_YEAR = 2999;

export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Today's date in Shanghai. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A date plus n days (calendar arithmetic: no time zone, no daylight saving). */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the month after `date`'s (both YYYY-MM-DD). */
export function nextMonthStart(date: string): string {
  const y = Number(date.slice(0, 4)),
    m = Number(date.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

let lastDate = '',
  lastWeekday = 0;
/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  // Eligibility screens check thousands of volunteers against one date: remember the last answer.
  if (date === lastDate) return lastWeekday;
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  lastDate = date;
  lastWeekday = d === 0 ? 7 : d;
  return lastWeekday;
}

/** The UTC instant (ISO) of a Shanghai local date and minute of the day. */
export function shanghaiInstant(date: string, minute: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, 0, minute) - SHANGHAI_OFFSET_MS).toISOString();
}

/** The UTC instant (ISO) at which a Shanghai date begins: for comparing ISO timestamps. */
export function shanghaiDayStart(date: string): string {
  return shanghaiInstant(date, 0);
}

/** The Shanghai local date and minute of the day of an instant. */
export function shanghaiLocal(instant: string | Date): { date: string; minute: number } {
  const local = new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS);
  return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The Shanghai wall-clock time (HH:mm) of an instant. */
export function shanghaiTime(instant: string | Date): string {
  return new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** Whole years from birthDate to onDate (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  // YYYY-MM-DD: years by number, and "birthday not yet reached" by comparing the zero-padded MM-DD as text
  // (no arrays: eligibility screens call this for every volunteer).
  return (
    Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (onDate.slice(5, 10) < birthDate.slice(5, 10) ? 1 : 0)
  );
}

/** The latest birth date of someone who is at least `years` old on onDate. */
export function bornOnOrBefore(years: number, onDate: string): string {
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  // Born on 29 Feb: birthday counts as 1 Mar in common years, so subtracting years keeps the day.
  return `${String(y - years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
