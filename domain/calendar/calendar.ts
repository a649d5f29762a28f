// The 24 solar terms and the Chinese lunisolar calendar (农历) as China publishes it (GB/T 33661-2017,
// 《农历的编算和颁行》): days in China Standard Time (UTC+8); a month begins on the day of the true new
// moon; the month holding the winter solstice (冬至) is month 11; when 13 months run from one such month
// to the next, the first of them without a principal term (中气) is the leap month and repeats the number
// of the month before it. Festival templates for activities build on this.
import { chinaDayNumber, dayNumberToDate, lunationAtOrBefore, newMoon, solarLongitudeTime } from './astronomy.ts';

export const CALENDAR_MIN_YEAR = 1950;
export const CALENDAR_MAX_YEAR = 2100;

export class CalendarRangeError extends RangeError {
  constructor(what: string) {
    super(`${what}: Linli's Chinese calendar covers the years ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`);
    this.name = 'CalendarRangeError';
  }
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR)
    throw new CalendarRangeError(`year ${year}`);
}

/** The terms in the order they fall in a Gregorian year, from 小寒 (285°) to 冬至 (270°), 15° apart. */
export const SOLAR_TERMS = [
  { key: 'xiaohan', zh: '小寒', en: 'Minor Cold' },
  { key: 'dahan', zh: '大寒', en: 'Major Cold' },
  { key: 'lichun', zh: '立春', en: 'Start of Spring' },
  { key: 'yushui', zh: '雨水', en: 'Rain Water' },
  { key: 'jingzhe', zh: '惊蛰', en: 'Awakening of Insects' },
  { key: 'chunfen', zh: '春分', en: 'Spring Equinox' },
  { key: 'qingming', zh: '清明', en: 'Pure Brightness' },
  { key: 'guyu', zh: '谷雨', en: 'Grain Rain' },
  { key: 'lixia', zh: '立夏', en: 'Start of Summer' },
  { key: 'xiaoman', zh: '小满', en: 'Grain Buds' },
  { key: 'mangzhong', zh: '芒种', en: 'Grain in Ear' },
  { key: 'xiazhi', zh: '夏至', en: 'Summer Solstice' },
  { key: 'xiaoshu', zh: '小暑', en: 'Minor Heat' },
  { key: 'dashu', zh: '大暑', en: 'Major Heat' },
  { key: 'liqiu', zh: '立秋', en: 'Start of Autumn' },
  { key: 'chushu', zh: '处暑', en: 'End of Heat' },
  { key: 'bailu', zh: '白露', en: 'White Dew' },
  { key: 'qiufen', zh: '秋分', en: 'Autumn Equinox' },
  { key: 'hanlu', zh: '寒露', en: 'Cold Dew' },
  { key: 'shuangjiang', zh: '霜降', en: 'Frost’s Descent' },
  { key: 'lidong', zh: '立冬', en: 'Start of Winter' },
  { key: 'xiaoxue', zh: '小雪', en: 'Minor Snow' },
  { key: 'daxue', zh: '大雪', en: 'Major Snow' },
  { key: 'dongzhi', zh: '冬至', en: 'Winter Solstice' },
] as const;

export type SolarTermKey = (typeof SOLAR_TERMS)[number]['key'];
export interface SolarTerm {
  key: SolarTermKey;
  zh: string;
  en: string;
  date: string;
  longitude: number;
}

const termLongitude = (index: number) => (285 + 15 * index) % 360;

// Day numbers (JDN of the CST date) of each term, per Gregorian year; computed once, then reused.
const termDays = new Map<number, number[]>();
function termDayNumbers(year: number): number[] {
  let days = termDays.get(year);
  if (!days) {
    days = SOLAR_TERMS.map((_, i) => chinaDayNumber(solarLongitudeTime(year, termLongitude(i))));
    termDays.set(year, days);
  }
  return days;
}

/** The 24 solar terms of a Gregorian year with their dates in China Standard Time. */
export function solarTerms(year: number): SolarTerm[] {
  assertYear(year);
  const days = termDayNumbers(year);
  return SOLAR_TERMS.map((t, i) => ({ ...t, longitude: termLongitude(i), date: dayNumberToDate(days[i]!) }));
}

export interface LunarMonth {
  /** 1–12; a leap month repeats the number of the month before it. */
  month: number;
  leap: boolean;
  /** First day (初一), YYYY-MM-DD. */
  start: string;
  /** 29 (小月) or 30 (大月). */
  days: number;
}

interface Month {
  month: number;
  leap: boolean;
  startDay: number;
  days: number;
}

// A 岁 (sui): the months from the one holding 冬至 of `year` up to, not including, the one holding 冬至 of year + 1.
const suiCache = new Map<number, Month[]>();
function sui(year: number): Month[] {
  const cached = suiCache.get(year);
  if (cached) return cached;
  const dongzhi = (y: number) => solarLongitudeTime(y, 270);
  // The month holding the solstice's CST day: the last new moon before the instant, or a later one that
  // still falls on the same CST day.
  const solsticeDay = (y: number) => chinaDayNumber(dongzhi(y));
  let k0 = lunationAtOrBefore(dongzhi(year)),
    k1 = lunationAtOrBefore(dongzhi(year + 1));
  if (chinaDayNumber(newMoon(k0 + 1)) <= solsticeDay(year)) k0++;
  if (chinaDayNumber(newMoon(k1 + 1)) <= solsticeDay(year + 1)) k1++;
  const starts: number[] = [];
  for (let k = k0; k <= k1; k++) starts.push(chinaDayNumber(newMoon(k)));
  // Principal terms (中气: longitudes that are multiples of 30°, the odd indices of SOLAR_TERMS) in reach.
  const principal = [year, year + 1].flatMap((y) => termDayNumbers(y).filter((_, i) => i % 2 === 1));
  const count = starts.length - 1; // 12, or 13 when the sui needs a leap month
  let leapIndex = -1;
  if (count === 13) {
    for (let i = 1; i < count; i++) {
      if (!principal.some((d) => d >= starts[i]! && d < starts[i + 1]!)) {
        leapIndex = i;
        break;
      }
    }
  }
  const months: Month[] = [];
  let number = 11;
  for (let i = 0; i < count; i++) {
    const leap = i === leapIndex;
    if (i > 0 && !leap) number = number === 12 ? 1 : number + 1;
    months.push({ month: number, leap, startDay: starts[i]!, days: starts[i + 1]! - starts[i]! });
  }
  suiCache.set(year, months);
  return months;
}

// Lunar year Y runs from 正月初一 (in the sui that began at 冬至 of Y − 1) to the day before the next 正月初一.
function lunarYearMonths(year: number): Month[] {
  const isNewYear = (m: Month) => m.month === 1 && !m.leap;
  const before = sui(year - 1);
  const after = sui(year); // always holds a 正月: a sui runs from month 11 to month 10 or 11
  return [...before.slice(before.findIndex(isNewYear)), ...after.slice(0, after.findIndex(isNewYear))];
}

/** The months of lunar year `year` (the one whose 正月初一 falls in Gregorian year `year`), in order. */
export function lunarYear(year: number): LunarMonth[] {
  assertYear(year);
  return lunarYearMonths(year).map((m) => ({
    month: m.month,
    leap: m.leap,
    start: dayNumberToDate(m.startDay),
    days: m.days,
  }));
}

/** The Gregorian date (YYYY-MM-DD) of a lunar date; throws a RangeError for a date the calendar lacks. */
export function lunarToGregorian(year: number, month: number, day: number, leap = false): string {
  assertYear(year);
  const m = lunarYearMonths(year).find((x) => x.month === month && x.leap === leap);
  if (!m) throw new RangeError(`lunar year ${year} has no ${leap ? 'leap ' : ''}month ${month}`);
  if (!Number.isInteger(day) || day < 1 || day > m.days)
    throw new RangeError(`lunar ${year}/${leap ? 'leap ' : ''}${month} has ${m.days} days, not day ${day}`);
  return dayNumberToDate(m.startDay + day - 1);
}

export const FESTIVAL_KEYS = [
  'spring_festival',
  'lantern_festival',
  'lei_feng_day',
  'dragon_boat_festival',
  'mid_autumn_festival',
  'double_ninth_festival',
  'international_volunteer_day',
] as const;
export type FestivalKey = (typeof FESTIVAL_KEYS)[number];
export interface Festival {
  key: FestivalKey;
  date: string;
  name: { zh: string; en: string };
}

const FESTIVALS: ReadonlyArray<
  { key: FestivalKey; zh: string; en: string } & ({ lunar: [number, number] } | { fixed: string })
> = [
  { key: 'spring_festival', zh: '春节', en: 'Spring Festival', lunar: [1, 1] },
  { key: 'lantern_festival', zh: '元宵节', en: 'Lantern Festival', lunar: [1, 15] },
  { key: 'lei_feng_day', zh: '学雷锋纪念日', en: 'Lei Feng Day', fixed: '03-05' },
  { key: 'dragon_boat_festival', zh: '端午节', en: 'Dragon Boat Festival', lunar: [5, 5] },
  { key: 'mid_autumn_festival', zh: '中秋节', en: 'Mid-Autumn Festival', lunar: [8, 15] },
  // 老年节 in law: 《老年人权益保障法》 Art. 12 makes 农历九月初九 the Seniors' Day.
  { key: 'double_ninth_festival', zh: '重阳节', en: 'Double Ninth Festival', lunar: [9, 9] },
  // UN General Assembly resolution A/RES/40/212 (1985).
  { key: 'international_volunteer_day', zh: '国际志愿者日', en: 'International Volunteer Day', fixed: '12-05' },
];

/** The seven festivals Linli offers as activity templates in a Gregorian year, sorted by date. */
export function festivals(year: number): Festival[] {
  assertYear(year);
  // Lunar dates are taken in the lunar year that begins in this Gregorian year (never its leap months):
  // all of them fall inside the Gregorian year, since 正月初一 is between 21 Jan and 20 Feb.
  return FESTIVALS.map((f) => ({
    key: f.key,
    date: 'fixed' in f ? `${year}-${f.fixed}` : lunarToGregorian(year, f.lunar[0], f.lunar[1]),
    name: { zh: f.zh, en: f.en },
  })).sort((a, b) => a.date.localeCompare(b.date));
}
