// Pure rules of the 4:30 classroom: which dates a term has sessions on, which children a session expects,
// pickup codes, and the figures (children and families served, sessions, tutor-hours) per year.
import { addDays, weekdayOf } from '../shared/dates.ts';
import type { FiguresView } from './schemas.ts';
import { minuteOf, type Work } from '../volunteers/work-policy.ts';

/** School days (Monday–Friday) from `from` to `to`, inclusive, without the holidays. */
export function termDates(from: string, to: string, holidays: readonly string[] = []): string[] {
  const skip = new Set(holidays);
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (weekdayOf(d) <= 5 && !skip.has(d)) out.push(d);
    if (out.length > 400) break;
  }
  return out;
}

export interface ChildDays {
  enrolled_on: string;
  left_on: string | null;
  status: string;
  weekdays: string;
}

/** Does the session on `date` expect this child (enrolled that day, and the weekday is one of theirs)? */
export function expectedOn(c: ChildDays, date: string): boolean {
  if (c.enrolled_on > date) return false;
  if (c.left_on && c.left_on < date) return false;
  return c.weekdays.includes(String(weekdayOf(date)));
}

/** Minutes between two HH:MM clock times of one day. */
export function minutesBetween(start: string, end: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
}

/** A family: the household when the child is in the registry, else the set of guardians' phones. */
export function familyKey(householdId: string | null, guardianPhones: readonly string[]): string {
  return householdId ? `h:${householdId}` : `p:${[...guardianPhones].sort().join(',')}`;
}

export type Figures = FiguresView;
export type YearFigures = Figures['years'][number];

/**
 * Figures from attended sessions (a child served = at least one check-in) and closed sessions' tutors.
 * `attended`: one row per check-in with the session date and the child's family key.
 */
export function figuresOf(
  attended: ReadonlyArray<{ date: string; childId: string; family: string }>,
  /** `count`: how many sessions the entry stands for (1 when absent), `tutorMinutes` theirs together. */
  sessions: ReadonlyArray<{ date: string; tutorMinutes: number; held: boolean; count?: number }>,
): Figures {
  const years = new Map<number, { children: Set<string>; families: Set<string>; sessions: number; minutes: number }>();
  const yearOf = (y: number) => {
    let v = years.get(y);
    if (!v) years.set(y, (v = { children: new Set(), families: new Set(), sessions: 0, minutes: 0 }));
    return v;
  };
  const allChildren = new Set<string>();
  const allFamilies = new Set<string>();
  for (const a of attended) {
    const y = yearOf(Number(a.date.slice(0, 4)));
    y.children.add(a.childId);
    y.families.add(a.family);
    allChildren.add(a.childId);
    allFamilies.add(a.family);
  }
  let sessionsHeld = 0;
  let minutes = 0;
  for (const s of sessions) {
    const y = yearOf(Number(s.date.slice(0, 4)));
    if (s.held) {
      y.sessions += s.count ?? 1;
      sessionsHeld += s.count ?? 1;
    }
    y.minutes += s.tutorMinutes;
    minutes += s.tutorMinutes;
  }
  const hours = (m: number) => Math.round(m / 6) / 10;
  return {
    years: [...years.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([year, v]) => ({
        year,
        children: v.children.size,
        families: v.families.size,
        sessions: v.sessions,
        tutorHours: hours(v.minutes),
      })),
    total: {
      children: allChildren.size,
      families: allFamilies.size,
      sessions: sessionsHeld,
      tutorHours: hours(minutes),
    },
  };
}

/** The work a tutor takes on by being on a session's rota, as the one eligibility gate reads it: put on the rota
 * by staff or taking another tutor's day in a swap is the same work. */
export function rotaWork(s: { date: string; starts: string; ends: string }): Work {
  return {
    kind: 'classroom_rota',
    when: { date: s.date, startMinute: minuteOf(s.starts), endMinute: minuteOf(s.ends) },
  };
}
