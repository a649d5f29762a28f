// Star levels (星级志愿者) from service hours.
//
// Scale: 100 / 300 / 600 / 1000 / 1500 hours for ★1–★5, the most common scale — 中国社区志愿者注册管理办法
// (中国社会工作协会) Art 18 [C], also Fujian, Guangdong, Sichuan, Shenzhen [S]. Other places differ (Beijing
// 2010: 100/200/500/800/1000), and no Shaanxi or Baoji scale was found, so thresholds are configuration
// (china-rules.md §1 "Star ratings", its recommendation).
//
// Which hours count: credit hours only — verified service recorded by the system. Honour hours do not count.
// china-rules.md §1: service hours are "actual service time" (实际服务的时间, 团中央 card rules [S]); records
// must be 真实、准确 (2020 Measures Art 3 [C]); and "谁组织谁记录，谁记录谁证明" [C]. An honour grant is an
// admin's award, not service anyone organised and recorded, so it is not service time. The research does not
// name honour hours explicitly: this is an inference, to be confirmed with the 街道 before launch.

import type { HoursTotals } from './ledger.ts';

/** Hours needed for ★1…★5, in order. */
export type StarThresholds = readonly number[];
export const STAR_LEVELS = 5;
export const DEFAULT_STAR_THRESHOLDS: StarThresholds = Object.freeze([100, 300, 600, 1000, 1500]);

export type StarThresholdsErrorCode =
  | 'stars.thresholds_not_array'
  | 'stars.thresholds_count'
  | 'stars.threshold_not_number'
  | 'stars.threshold_not_positive'
  | 'stars.thresholds_not_increasing';

export interface StarThresholdsError {
  code: StarThresholdsErrorCode;
  index?: number;
}

/** A thresholds config is five finite numbers > 0, strictly increasing. Every problem is listed. */
export function validateStarThresholds(value: unknown): StarThresholdsError[] {
  if (!Array.isArray(value)) return [{ code: 'stars.thresholds_not_array' }];
  const errors: StarThresholdsError[] = [];
  // Every scale found has five stars; the profile and certificate show ★1–★5.
  if (value.length !== STAR_LEVELS) errors.push({ code: 'stars.thresholds_count' });
  value.forEach((v, index) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ code: 'stars.threshold_not_number', index });
    else if (v <= 0) errors.push({ code: 'stars.threshold_not_positive', index });
    // Compared only with a valid neighbour, so one bad value is reported once, not twice.
    else if (index > 0 && Number.isFinite(value[index - 1]) && !(v > value[index - 1])) {
      errors.push({ code: 'stars.thresholds_not_increasing', index });
    }
  });
  return errors;
}

function assertValid(thresholds: StarThresholds): void {
  const errors = validateStarThresholds(thresholds);
  if (errors.length) throw new RangeError(`invalid star thresholds: ${errors.map((e) => e.code).join(', ')}`);
}

function assertHours(hours: number): void {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
}

/** 0 (no star yet) to 5. A threshold is reached at exactly its hours (100 h → ★1). */
export function starLevel(hours: number, thresholds: StarThresholds = DEFAULT_STAR_THRESHOLDS): number {
  assertHours(hours);
  assertValid(thresholds);
  let level = 0;
  while (level < thresholds.length && hours >= thresholds[level]!) level++;
  return level;
}

/** The current level and the hours still needed for the next; hoursToNext is null at the top level. */
export function nextStar(
  hours: number,
  thresholds: StarThresholds = DEFAULT_STAR_THRESHOLDS,
): { level: number; hoursToNext: number | null } {
  const level = starLevel(hours, thresholds);
  return { level, hoursToNext: level < thresholds.length ? thresholds[level]! - hours : null };
}

/** The hours that count toward stars: credit only (see the header). Pass totals of verified entries. */
export function starHours(t: HoursTotals): number {
  return t.creditMinutes / 60;
}
