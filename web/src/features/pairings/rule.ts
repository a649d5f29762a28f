// A pairing's schedule in words ("每 2 周的周二、周五"), and the rule built from the page's simple controls.
import type { TFunction } from 'i18next';
import { WEEKDAYS, formatRule, parseRule, type Weekday } from '../../../../domain/pairings/recurrence.ts';

export { WEEKDAYS, type Weekday };

export function describeRule(rrule: string, t: TFunction): string {
  const r = parseRule(rrule);
  if (!r.ok) return rrule;
  const sep = t('pairPhone.rule.sep');
  if (r.rule.freq === 'WEEKLY') {
    const days = r.rule.byDay.map((d) => t(`pairPhone.weekdays.${d}`)).join(sep);
    return r.rule.interval === 1
      ? t('pairPhone.rule.weekly', { days })
      : t('pairPhone.rule.everyWeeks', { n: r.rule.interval, days });
  }
  const days = r.rule.byMonthDay
    .map((d) => (d === -1 ? t('pairPhone.rule.lastDay') : t('pairPhone.rule.day', { d })))
    .join(sep);
  return r.rule.interval === 1
    ? t('pairPhone.rule.monthly', { days })
    : t('pairPhone.rule.everyMonths', { n: r.rule.interval, days });
}

export interface ScheduleControls {
  frequency: 'weekly' | 'monthly';
  weekdays: Weekday[];
  everyWeeks: number;
  monthDays: number[];
  everyMonths: number;
}

export function ruleFromControls(c: ScheduleControls): string {
  return c.frequency === 'weekly'
    ? formatRule({ freq: 'WEEKLY', interval: c.everyWeeks || 1, byDay: WEEKDAYS.filter((d) => c.weekdays.includes(d)) })
    : formatRule({
        freq: 'MONTHLY',
        interval: c.everyMonths || 1,
        byMonthDay: [...c.monthDays].sort((a, b) => (a === -1 ? 99 : a) - (b === -1 ? 99 : b)),
      });
}

/** The page's controls for an existing rule (editing a pairing starts from its schedule). */
export function controlsFromRule(rrule: string): ScheduleControls {
  const r = parseRule(rrule);
  const base: ScheduleControls = { frequency: 'weekly', weekdays: [], everyWeeks: 1, monthDays: [], everyMonths: 1 };
  if (!r.ok) return base;
  return r.rule.freq === 'WEEKLY'
    ? { ...base, weekdays: [...r.rule.byDay], everyWeeks: r.rule.interval }
    : { ...base, frequency: 'monthly', monthDays: [...r.rule.byMonthDay], everyMonths: r.rule.interval };
}
