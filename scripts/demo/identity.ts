// Birth dates, identity numbers and mobile numbers for the demo residents: all valid, all consistent
// (an ID number's birth date and gender digit match the person), all reproducible from the seed.
import { idNumberCheckChar } from '../../domain/shared/id-number.ts';
import type { Rng } from './random.ts';
import type { Gender } from './names.ts';

// ---- dates (YYYY-MM-DD, calendar arithmetic in UTC so the server's time zone never matters) ----

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(dt: Date): string {
  return dt.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const dt = toUtc(date);
  dt.setUTCDate(dt.getUTCDate() + days);
  return fromUtc(dt);
}

function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** The same day `years` later (or earlier); 29 February becomes 28 February in a common year. */
export function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = y + years;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(ny).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A random birth date of someone who is exactly `age` on `today` (by ageOn's rule). */
export function birthDateForAge(rng: Rng, age: number, today: string): string {
  const latest = shiftYears(today, -age);
  const earliest = addDays(shiftYears(today, -(age + 1)), 1);
  return addDays(earliest, rng.int(0, daysBetween(earliest, latest)));
}

// ---- identity numbers ----

/** Where residents' ID numbers were issued: mostly Baoji's districts and counties. */
export const BAOJI_AREAS: readonly (readonly [string, number])[] = [
  ['610303', 70], // 金台区 (Xiguan is here)
  ['610302', 10], // 渭滨区
  ['610304', 7], // 陈仓区
  ['610301', 4], // 市辖区
  ['610322', 3], // 凤翔县 (before it became a district)
  ['610323', 2], // 岐山县
  ['610324', 2], // 扶风县
  ['610326', 2], // 眉县
];

/** Where migrant workers come from: the rest of Shaanxi and the neighbouring provinces. */
export const MIGRANT_AREAS: readonly (readonly [string, number])[] = [
  ['620502', 6], // 甘肃 天水 秦州区
  ['620503', 5], // 甘肃 天水 麦积区
  ['621102', 4], // 甘肃 定西 安定区
  ['610402', 4], // 咸阳 秦都区
  ['610502', 3], // 渭南 临渭区
  ['610702', 3], // 汉中 汉台区
  ['411302', 2], // 河南 南阳 宛城区
  ['410302', 2], // 河南 洛阳 老城区
  ['140802', 2], // 山西 运城 盐湖区
  ['510107', 1], // 四川 成都 武侯区
];

/** Makes ID numbers that are unique within one community. */
export class IdNumberMaker {
  private readonly used = new Set<string>();

  make(rng: Rng, area: string, birthDate: string, gender: Gender): string {
    const born = birthDate.replaceAll('-', '');
    for (;;) {
      // The 3-digit order number is odd for men, even for women, and never 000.
      const order = gender === 'male' ? 2 * rng.int(0, 499) + 1 : 2 * rng.int(1, 499);
      const first17 = `${area}${born}${String(order).padStart(3, '0')}`;
      const id = first17 + idNumberCheckChar(first17);
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}

// ---- mobile numbers ----

// Real mainland prefixes. 138 is left out on purpose: 13800000xxx and the like are the demo sign-in accounts,
// and a resident must never share a number with one.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '199',
] as const;
const SPACE = BigInt(MOBILE_PREFIXES.length) * 100_000_000n; // every number we can hand out
/** Numbers one community may use (residents and their families elsewhere need about 6,000). */
export const PHONES_PER_COMMUNITY = 20_000;
const BLOCKS = Number(SPACE / BigInt(PHONES_PER_COMMUNITY));
// x -> (A·x + B) mod SPACE is a bijection when A shares no factor with SPACE (2^13·5^8): so distinct
// counters give distinct numbers, and consecutive counters give numbers that look unrelated.
const A = 1_234_567_891n;
const B = 987_654_321n;

/**
 * Hands out mobile numbers that are unique within a community and across communities whose `block`
 * differs (the demo uses the community's seed). Deterministic: the n-th number of a block is always the same.
 */
export class PhoneBook {
  private next = 0;
  private readonly base: bigint;

  constructor(block: number) {
    this.base = BigInt((((Math.trunc(block) % BLOCKS) + BLOCKS) % BLOCKS) * PHONES_PER_COMMUNITY);
  }

  take(): string {
    if (this.next >= PHONES_PER_COMMUNITY) throw new Error('PhoneBook: this community has used all its numbers');
    const x = (A * (this.base + BigInt(this.next++)) + B) % SPACE;
    const prefix = MOBILE_PREFIXES[Number(x / 100_000_000n)]!;
    return prefix + String(x % 100_000_000n).padStart(8, '0');
  }
}
