// Points (嘉许回馈 / 积分): earned per verified credit hour, spent at the love supermarket (爱心超市).
// Points are kept apart from hours: hours follow the 2020 Measures, points are each community's own rule
// (china-rules.md §3 "Design implication": rules are data the community configures, caps included).
// Honour hours earn nothing: they are a grant, not service (see stars.ts), and earning on them would let an
// admin mint points.
import type { HoursEntry } from './ledger.ts';

export interface PointsRule {
  /** Points per verified credit hour; may be fractional (0.5 = one point per two hours). */
  pointsPerHour: number;
  /** Most points one volunteer earns on one service date; null = no cap. */
  dailyCap: number | null;
  /** Most points one volunteer earns in all; null = no cap. */
  totalCap: number | null;
}

// No cap by default: no national figure exists (china-rules.md §3); each community sets its own.
export const DEFAULT_POINTS_RULE: PointsRule = Object.freeze({ pointsPerHour: 1, dailyCap: null, totalCap: null });

export type PointsRuleErrorCode = 'points.rate_invalid' | 'points.daily_cap_invalid' | 'points.total_cap_invalid';

export function validatePointsRule(rule: PointsRule): PointsRuleErrorCode[] {
  const errors: PointsRuleErrorCode[] = [];
  if (!Number.isFinite(rule.pointsPerHour) || rule.pointsPerHour <= 0) errors.push('points.rate_invalid');
  // Caps are whole points: the ledger holds whole points only.
  const capOk = (c: number | null) => c === null || (Number.isInteger(c) && c >= 0);
  if (!capOk(rule.dailyCap)) errors.push('points.daily_cap_invalid');
  if (!capOk(rule.totalCap)) errors.push('points.total_cap_invalid');
  return errors;
}

export interface DayPoints {
  date: string;
  /** Verified credit minutes served that day. */
  minutes: number;
  /** Whole points the minutes are worth before any cap. */
  uncapped: number;
  /** Whole points earned that day after the caps. */
  points: number;
  cappedBy: 'daily' | 'total' | null;
}

/**
 * Points one volunteer earns, day by day. `entries` are that volunteer's verified, effective entries (after
 * corrections); honour entries are skipped. Days are taken in date order (entries are sorted here, so the
 * total cap always falls on the latest days). A day's points are its minutes × rate, rounded down to whole
 * points per day — rounding per day, not per entry, so two half-hour visits on one day earn the hour.
 * `alreadyEarned` is what earlier postings gave, so the total cap holds across runs.
 */
export function earnPoints(
  entries: readonly HoursEntry[],
  rule: PointsRule,
  alreadyEarned = 0,
): { days: DayPoints[]; total: number } {
  const ruleErrors = validatePointsRule(rule);
  if (ruleErrors.length) throw new RangeError(`invalid points rule: ${ruleErrors.join(', ')}`);
  if (!Number.isInteger(alreadyEarned) || alreadyEarned < 0)
    throw new RangeError(`alreadyEarned must be a whole number ≥ 0, got ${alreadyEarned}`);
  const credit = entries.filter((e) => e.kind === 'credit');
  const volunteers = new Set(credit.map((e) => e.volunteerId));
  // Caps are per volunteer: mixing volunteers would share one cap among them.
  if (volunteers.size > 1) throw new RangeError('earnPoints takes the entries of one volunteer');

  const minutesByDate = new Map<string, number>();
  for (const e of credit) minutesByDate.set(e.serviceDate, (minutesByDate.get(e.serviceDate) ?? 0) + e.minutes);
  const dates = [...minutesByDate.keys()].sort();

  let earned = alreadyEarned;
  const days: DayPoints[] = [];
  for (const date of dates) {
    const minutes = minutesByDate.get(date)!;
    // The epsilon keeps a float product like 0.1 × 600 from falling just below a whole point.
    const uncapped = Math.floor((minutes * rule.pointsPerHour) / 60 + 1e-9);
    let points = uncapped;
    let cappedBy: DayPoints['cappedBy'] = null;
    if (rule.dailyCap !== null && points > rule.dailyCap) {
      points = rule.dailyCap;
      cappedBy = 'daily';
    }
    if (rule.totalCap !== null && earned + points > rule.totalCap) {
      points = Math.max(0, rule.totalCap - earned);
      cappedBy = 'total';
    }
    earned += points;
    days.push({ date, minutes, uncapped, points, cappedBy });
  }
  return { days, total: earned - alreadyEarned };
}

// ----------------------------------------------------------------------------------------------- postings
// Double entry: every movement of points is a set of postings that sums to zero, so points are never made or
// lost — the community pool funds what volunteers earn, the love supermarket receives what they spend.

export type PointsAccount = `volunteer:${string}` | 'community_pool' | 'love_supermarket_stock';
export interface Posting {
  account: PointsAccount;
  amount: number;
}

export const volunteerAccount = (volunteerId: string): PointsAccount => `volunteer:${volunteerId}`;

export type PostingErrorCode = 'points.amount_invalid' | 'points.insufficient_balance';
export type PostingResult = { ok: true; postings: Posting[] } | { ok: false; error: PostingErrorCode };

const wholePositive = (n: number) => Number.isInteger(n) && n > 0;

/** Earning: volunteer +, community pool −. */
export function earnPostings(volunteerId: string, points: number): PostingResult {
  if (!wholePositive(points)) return { ok: false, error: 'points.amount_invalid' };
  return {
    ok: true,
    postings: [
      { account: volunteerAccount(volunteerId), amount: points },
      { account: 'community_pool', amount: -points },
    ],
  };
}

/** Redeeming at the love supermarket: volunteer −, love supermarket stock +. Never beyond the balance. */
export function redeemPostings(volunteerId: string, points: number, balance: number): PostingResult {
  if (!wholePositive(points)) return { ok: false, error: 'points.amount_invalid' };
  if (points > balance) return { ok: false, error: 'points.insufficient_balance' };
  return {
    ok: true,
    postings: [
      { account: volunteerAccount(volunteerId), amount: -points },
      { account: 'love_supermarket_stock', amount: points },
    ],
  };
}

/** A posting set is balanced when its whole-number amounts sum to zero (the empty set moves nothing). */
export function isBalanced(postings: readonly Posting[]): boolean {
  let sum = 0;
  for (const p of postings) {
    if (!Number.isInteger(p.amount)) return false;
    sum += p.amount;
  }
  return sum === 0;
}

export function assertBalanced(postings: readonly Posting[]): void {
  if (!isBalanced(postings)) throw new RangeError('points postings do not sum to zero');
}

/** An account's balance over a history of posting sets. */
export function balanceOf(postings: readonly Posting[], account: PointsAccount): number {
  let sum = 0;
  for (const p of postings) if (p.account === account) sum += p.amount;
  return sum;
}
