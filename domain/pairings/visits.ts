// Which expected visits were missed. A visit counts for an expected date when it falls within `tolerance`
// days either side of it (a Tuesday visit done on Wednesday is kept, not missed). Each visit counts once, for
// the earliest expected date it can: two expected dates are not both kept by one visit. An expected date is
// only missed once its whole window has passed.
import { dayNumber } from './recurrence.ts';

export const DEFAULT_TOLERANCE_DAYS = 2;

export interface VisitCheck {
  date: string;
  status: 'kept' | 'missed' | 'open';
}

/** `expected` and `visits` are YYYY-MM-DD dates; the answer follows `expected` in order. */
export function checkVisits(
  expected: readonly string[],
  visits: readonly string[],
  today: string,
  tolerance = DEFAULT_TOLERANCE_DAYS,
): VisitCheck[] {
  const exp = [...expected].sort();
  const vis = [...visits].map(dayNumber).sort((a, b) => a - b);
  const used = new Array<boolean>(vis.length).fill(false);
  const t = dayNumber(today);
  return exp.map((date) => {
    const d = dayNumber(date);
    const i = vis.findIndex((v, j) => !used[j] && v >= d - tolerance && v <= d + tolerance);
    if (i >= 0) {
      used[i] = true;
      return { date, status: 'kept' as const };
    }
    return { date, status: d + tolerance < t ? ('missed' as const) : ('open' as const) };
  });
}

export function missedDates(
  expected: readonly string[],
  visits: readonly string[],
  today: string,
  tolerance = DEFAULT_TOLERANCE_DAYS,
): string[] {
  return checkVisits(expected, visits, today, tolerance)
    .filter((c) => c.status === 'missed')
    .map((c) => c.date);
}
