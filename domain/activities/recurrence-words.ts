// A series' repeat rule in words, both ways: the console's builder (每周二、周五; 每月最后三天; 每月1日; every 2 weeks)
// makes the RRULE the server accepts (domain/pairings/recurrence.ts), and an existing RRULE is described in Chinese
// or English. Only what parseRule accepts: weekly by weekday, monthly by day of the month (or the last 1–3 days).
import {
  formatRule,
  monthDayOrder,
  parseRule,
  WEEKDAYS,
  type Recurrence,
  type Weekday,
} from '../pairings/recurrence.ts';

export type Lang = 'zh' | 'en';

/** What the builder's controls hold; every field is plain, so a form can bind to it. */
export interface RuleDraft {
  freq: 'WEEKLY' | 'MONTHLY';
  /** Every N weeks or months, 1–12. */
  interval: number;
  /** WEEKLY: the weekdays. */
  byDay: Weekday[];
  /** MONTHLY: days of the month, 1–31. */
  monthDays: number[];
  /** MONTHLY: the last N days of the month too (0–3). */
  lastDays: number;
}

export const emptyDraft = (): RuleDraft => ({ freq: 'WEEKLY', interval: 1, byDay: [], monthDays: [], lastDays: 0 });

/** The rule a draft makes, or null while it names no day yet. */
export function ruleOfDraft(d: RuleDraft): string | null {
  const interval = Math.min(12, Math.max(1, Math.trunc(d.interval) || 1));
  if (d.freq === 'WEEKLY') {
    const byDay = WEEKDAYS.filter((w) => d.byDay.includes(w));
    return byDay.length ? formatRule({ freq: 'WEEKLY', interval, byDay }) : null;
  }
  const last = Math.min(3, Math.max(0, Math.trunc(d.lastDays)));
  const days = [...new Set(d.monthDays.filter((x) => Number.isInteger(x) && x >= 1 && x <= 31))];
  const byMonthDay = [...days, ...Array.from({ length: last }, (_, i) => -last + i)].sort(monthDayOrder);
  return byMonthDay.length ? formatRule({ freq: 'MONTHLY', interval, byMonthDay }) : null;
}

/**
 * The draft of an existing rule, or null when the builder cannot show it (not a rule parseRule accepts, or last days
 * that are not a run to the month's end, such as only the third last).
 */
export function draftOfRule(rule: string): RuleDraft | null {
  const r = parseRule(rule);
  if (!r.ok) return null;
  if (r.rule.freq === 'WEEKLY') return { ...emptyDraft(), interval: r.rule.interval, byDay: [...r.rule.byDay] };
  const neg = r.rule.byMonthDay.filter((x) => x < 0);
  if (neg.length && Math.min(...neg) !== -neg.length) return null;
  return {
    ...emptyDraft(),
    freq: 'MONTHLY',
    interval: r.rule.interval,
    monthDays: r.rule.byMonthDay.filter((x) => x > 0),
    lastDays: neg.length,
  };
}

const ZH_DAY: Record<Weekday, string> = {
  MO: '周一',
  TU: '周二',
  WE: '周三',
  TH: '周四',
  FR: '周五',
  SA: '周六',
  SU: '周日',
};
const EN_DAY: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const ZH_NUM = ['', '一', '两', '三'];
const EN_NUM = ['', 'one', 'two', 'three'];

function enList(items: string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : items.length === 2
      ? `${items[0]} and ${items[1]}`
      : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/** The month-end days in words: a run to the end (最后三天), or each alone (倒数第三天). */
function monthEnd(neg: number[], lang: Lang): string[] {
  if (!neg.length) return [];
  if (Math.min(...neg) === -neg.length) {
    if (neg.length === 1) return [lang === 'zh' ? '最后一天' : 'the last day'];
    return [lang === 'zh' ? `最后${ZH_NUM[neg.length]}天` : `the last ${EN_NUM[neg.length]} days`];
  }
  const zh = { [-1]: '最后一天', [-2]: '倒数第二天', [-3]: '倒数第三天' } as Record<number, string>;
  const en = { [-1]: 'the last day', [-2]: 'the second last day', [-3]: 'the third last day' } as Record<
    number,
    string
  >;
  return [...neg].sort(monthDayOrder).map((x) => (lang === 'zh' ? zh[x]! : en[x]!));
}

/** A parsed rule in words. */
export function describeRecurrence(r: Recurrence, lang: Lang): string {
  if (r.freq === 'WEEKLY') {
    if (lang === 'zh') {
      const days = r.byDay.map((d) => ZH_DAY[d]).join('、');
      return r.interval === 1 ? `每${days}` : `每 ${r.interval} 周的${days}`;
    }
    const days = enList(r.byDay.map((d) => EN_DAY[d]));
    return r.interval === 1 ? `Every ${days}` : `Every ${r.interval} weeks on ${days}`;
  }
  const pos = r.byMonthDay.filter((x) => x > 0);
  const neg = r.byMonthDay.filter((x) => x < 0);
  if (lang === 'zh') {
    const parts = [...(pos.length ? [pos.map((x) => `${x}日`).join('、')] : []), ...monthEnd(neg, 'zh')];
    const when = parts.join('和');
    return r.interval === 1 ? `每月${when}` : `每 ${r.interval} 个月的${when}`;
  }
  const when = enList([...(pos.length ? [`the ${enList(pos.map(ordinal))}`] : []), ...monthEnd(neg, 'en')]);
  return r.interval === 1 ? `Monthly on ${when}` : `Every ${r.interval} months on ${when}`;
}

/** An RRULE text in words, or null when it is not a rule the server accepts. */
export function describeRule(rule: string, lang: Lang): string | null {
  const r = parseRule(rule);
  return r.ok ? describeRecurrence(r.rule, lang) : null;
}
