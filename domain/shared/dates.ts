// Calendar dates are local dates in the community's zone (Asia/Shanghai), written YYYY-MM-DD.
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Today's date in Shanghai (UTC+8, no daylight saving). */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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
