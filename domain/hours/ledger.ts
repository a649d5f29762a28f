// The hours ledger (服务记录 / 时长) as plain values. Append-only: nothing is edited or deleted; a correction
// is a new entry that points at the one it replaces (ENGINEERING.md "Ledgers"; the 2020 Measures, via the
// 民政部 press conference of 2021-01-25: an error a volunteer raises is verified and corrected — the old record
// stays as evidence of what was corrected, china-rules.md §1).
//
// Travel time is excluded upstream: hours are actual service time, "不含往返途中时间" (团中央 registered-volunteer
// card rules, china-rules.md §1 "How hours are counted"). Check-in/out and appointment code compute the
// service minutes; an entry carries only those minutes, never a journey.
//
// Overlap (two entries of one volunteer covering the same clock time) needs start and end instants, which an
// entry does not carry: the check-in and appointment modules reject overlaps before they write an entry.
import { isRealDate } from '../shared/dates.ts';

export const HOURS_SOURCES = [
  'activity',
  'pairing_visit',
  'appointment',
  'home_care',
  'classroom',
  'need',
  'honour',
] as const;
export type HoursSource = (typeof HOURS_SOURCES)[number];

/** credit: recorded by the system from activities, visits and appointments; honour: granted by an admin.
 *  Kept apart everywhere: only credit is actual service time (see stars.ts). */
export const HOURS_KINDS = ['credit', 'honour'] as const;
export type HoursKind = (typeof HOURS_KINDS)[number];

export interface HoursEntry {
  id: string;
  volunteerId: string;
  source: HoursSource;
  /** The activity, visit, appointment or honour grant this entry records. */
  sourceId: string;
  /** Local date (Asia/Shanghai), YYYY-MM-DD. */
  serviceDate: string;
  /** Service minutes, a whole number ≥ 0 (0 only on a correction, where it voids). */
  minutes: number;
  kind: HoursKind;
  /** The entry this one replaces; null or absent for an original entry. */
  correctsId?: string | null;
  note?: string;
}

/** An entry in force after corrections: the last correction's values, with the id of the original. */
export interface EffectiveEntry extends HoursEntry {
  /** The original entry this chain started from (its own id when never corrected). */
  rootId: string;
}

export type LedgerErrorCode =
  | 'ledger.duplicate_id'
  | 'ledger.invalid_minutes'
  | 'ledger.invalid_date'
  | 'ledger.kind_source_mismatch'
  | 'ledger.correction_unknown_target'
  | 'ledger.correction_cycle'
  | 'ledger.correction_changes_volunteer'
  | 'ledger.correction_changes_kind'
  | 'ledger.correction_conflict'
  | 'ledger.correction_of_ignored';

export interface LedgerError {
  code: LedgerErrorCode;
  /** The entry the error is about; it is left out of the effective entries unless the code says otherwise. */
  entryId: string;
  details?: Record<string, unknown>;
}

/** Errors in one entry taken alone (the write path rejects these before appending). */
export function validateEntry(e: HoursEntry): LedgerError[] {
  const errors: LedgerError[] = [];
  const isCorrection = e.correctsId != null;
  // 0 is only meaningful as a correction that voids; an original of 0 minutes records no service.
  if (!Number.isInteger(e.minutes) || e.minutes < 0 || (e.minutes === 0 && !isCorrection)) {
    errors.push({ code: 'ledger.invalid_minutes', entryId: e.id, details: { minutes: e.minutes } });
  }
  if (!isRealDate(e.serviceDate))
    errors.push({ code: 'ledger.invalid_date', entryId: e.id, details: { serviceDate: e.serviceDate } });
  // An honour grant is never system-recorded service, and system records are never honour.
  if ((e.source === 'honour') !== (e.kind === 'honour')) {
    errors.push({ code: 'ledger.kind_source_mismatch', entryId: e.id, details: { source: e.source, kind: e.kind } });
  }
  return errors;
}

/**
 * Resolve corrections. Entries are given in append order. Each chain original → correction → correction…
 * yields its last entry (a correction to 0 minutes voids the chain). Entries that cannot be placed are
 * ignored and reported: invalid values, a correction of an unknown id, a cycle, a correction that moves
 * minutes to another volunteer or kind. Two corrections of the same entry: the later one wins, reported as
 * a conflict (the write path should refuse the second).
 */
export function effectiveEntries(entries: readonly HoursEntry[]): { entries: EffectiveEntry[]; errors: LedgerError[] } {
  const errors: LedgerError[] = [];
  const byId = new Map<string, HoursEntry>();
  const ignored = new Set<string>();
  const order: HoursEntry[] = [];
  for (const e of entries) {
    if (byId.has(e.id)) {
      errors.push({ code: 'ledger.duplicate_id', entryId: e.id });
      continue;
    }
    byId.set(e.id, e);
    order.push(e);
    const own = validateEntry(e);
    if (own.length) {
      errors.push(...own);
      ignored.add(e.id);
    }
  }

  // Corrections of each entry, in append order; ones that change volunteer or kind are refused.
  const children = new Map<string, HoursEntry[]>();
  for (const e of order) {
    if (e.correctsId == null || ignored.has(e.id)) continue;
    const target = byId.get(e.correctsId);
    if (target && target.id !== e.id) {
      if (target.volunteerId !== e.volunteerId) {
        errors.push({ code: 'ledger.correction_changes_volunteer', entryId: e.id, details: { correctsId: target.id } });
        ignored.add(e.id);
        continue;
      }
      if (target.kind !== e.kind) {
        errors.push({ code: 'ledger.correction_changes_kind', entryId: e.id, details: { correctsId: target.id } });
        ignored.add(e.id);
        continue;
      }
    }
    const list = children.get(e.correctsId) ?? [];
    list.push(e);
    children.set(e.correctsId, list);
  }

  // Walk each original down its chain. Every entry has one parent pointer, so what hangs below an original
  // is a tree and cannot contain a cycle; cycles are only among entries no original reaches.
  const placed = new Set<string>();
  const superseded = new Set<string>();
  const out: EffectiveEntry[] = [];
  for (const root of order) {
    if (root.correctsId != null || ignored.has(root.id)) continue;
    let head = root;
    placed.add(root.id);
    for (;;) {
      const next = children.get(head.id);
      if (!next?.length) break;
      if (next.length > 1) {
        errors.push({
          code: 'ledger.correction_conflict',
          entryId: head.id,
          details: { correctionIds: next.map((c) => c.id), kept: next[next.length - 1]!.id },
        });
        // The losers' own corrections are unreachable and get reported below as corrections of ignored entries.
        for (const loser of next.slice(0, -1)) {
          placed.add(loser.id);
          superseded.add(loser.id);
        }
      }
      head = next[next.length - 1]!;
      placed.add(head.id);
    }
    if (head.minutes > 0) out.push({ ...head, rootId: root.id });
  }

  // Anything not placed: say why, by following its pointers upwards.
  const dead = new Set([...ignored, ...superseded]);
  for (const e of order) {
    if (placed.has(e.id) || ignored.has(e.id)) continue;
    errors.push(explainUnplaced(e, byId, dead));
  }
  return { entries: out, errors };
}

/** Why an entry no original reaches: a cycle, an unknown target, or an ancestor that was ignored or superseded. */
function explainUnplaced(e: HoursEntry, byId: ReadonlyMap<string, HoursEntry>, dead: ReadonlySet<string>): LedgerError {
  const path: string[] = [];
  const seen = new Set<string>();
  let cur: HoursEntry | undefined = e;
  while (cur) {
    if (seen.has(cur.id)) {
      return { code: 'ledger.correction_cycle', entryId: e.id, details: { cycle: path.slice(path.indexOf(cur.id)) } };
    }
    seen.add(cur.id);
    path.push(cur.id);
    const targetId: string = cur.correctsId!;
    if (cur !== e && dead.has(cur.id))
      return { code: 'ledger.correction_of_ignored', entryId: e.id, details: { ignoredId: cur.id } };
    const target = byId.get(targetId);
    if (!target) {
      return cur === e
        ? { code: 'ledger.correction_unknown_target', entryId: e.id, details: { correctsId: targetId } }
        : { code: 'ledger.correction_of_ignored', entryId: e.id, details: { ignoredId: cur.id } };
    }
    if (target.correctsId == null)
      return { code: 'ledger.correction_of_ignored', entryId: e.id, details: { ignoredId: target.id } };
    cur = target;
  }
  return { code: 'ledger.correction_of_ignored', entryId: e.id }; // not reached: the loop always returns
}

// ---------------------------------------------------------------------------------------------- rounding

export const ROUNDING_UNITS = [15, 30, 60] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];
export type RoundingMode = 'down' | 'nearest' | 'up';
export interface RoundingRule {
  unit: RoundingUnit;
  mode: RoundingMode;
}

/**
 * Round one entry's minutes to the rule's unit. 'nearest' rounds a half up (7.5 of 15 → 15).
 *
 * Applied per entry, not per total: each service is recorded with its own time (the 2012 记录办法 lists
 * 服务时间 per service, china-rules.md §1) and a certificate or a volunteer checks line by line; rounding
 * each entry keeps "the total equals the sum of the entries" true, and a correction of one entry cannot
 * shift hours that belong to another. A total rounded at the end would differ from the lines it sums.
 */
export function roundMinutes(minutes: number, rule: RoundingRule | null): number {
  if (!Number.isInteger(minutes) || minutes < 0)
    throw new RangeError(`minutes must be a whole number ≥ 0, got ${minutes}`);
  if (!rule) return minutes;
  const { unit, mode } = rule;
  if (mode === 'down') return Math.floor(minutes / unit) * unit;
  if (mode === 'up') return Math.ceil(minutes / unit) * unit;
  return Math.floor((minutes + unit / 2) / unit) * unit;
}

export function validateRoundingRule(rule: unknown): string[] {
  if (rule === null) return [];
  if (typeof rule !== 'object') return ['rounding.invalid'];
  const r = rule as Record<string, unknown>;
  const errors: string[] = [];
  if (!ROUNDING_UNITS.includes(r.unit as RoundingUnit)) errors.push('rounding.unit_invalid');
  if (!['down', 'nearest', 'up'].includes(r.mode as string)) errors.push('rounding.mode_invalid');
  return errors;
}

// ------------------------------------------------------------------------------------------------ totals

export interface HoursTotals {
  creditMinutes: number;
  honourMinutes: number;
}

/**
 * Credit and honour minutes per volunteer, after corrections and per-entry rounding. The two are summed
 * separately and never added together here: which of them counts for what is the caller's rule
 * (stars count credit only, see stars.ts).
 */
export function totals(
  entries: readonly HoursEntry[],
  rounding: RoundingRule | null = null,
): { byVolunteer: Map<string, HoursTotals>; errors: LedgerError[] } {
  const { entries: effective, errors } = effectiveEntries(entries);
  const byVolunteer = new Map<string, HoursTotals>();
  for (const e of effective) {
    let t = byVolunteer.get(e.volunteerId);
    if (!t) byVolunteer.set(e.volunteerId, (t = { creditMinutes: 0, honourMinutes: 0 }));
    const m = roundMinutes(e.minutes, rounding);
    if (e.kind === 'credit') t.creditMinutes += m;
    else t.honourMinutes += m;
  }
  return { byVolunteer, errors };
}

/** Minutes as hours for display and star levels (exact for whole hours). */
export const minutesToHours = (minutes: number): number => minutes / 60;
