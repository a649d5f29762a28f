// The calendar against published dates (State Council holiday notices, the Purple Mountain Observatory's
// and Hong Kong Observatory's almanacs), the astronomy against Meeus's worked examples, and the shape of
// every year in range as properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jdeToUT, newMoon, solarLongitudeTime, sunApparentLongitude } from './astronomy.ts';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  CalendarRangeError,
  FESTIVAL_KEYS,
  festivals,
  lunarToGregorian,
  lunarYear,
  solarTerms,
} from './calendar.ts';

const dateOf = (year: number, key: string) => festivals(year).find((f) => f.key === key)!.date;
const termOf = (year: number, key: string) => solarTerms(year).find((t) => t.key === key)!.date;
const utc = (jd: number) => new Date((jd - 2440587.5) * 86400000).toISOString();
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86400000;
const year = fc.integer({ min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR });

describe('astronomy (Meeus)', () => {
  it('reproduces the worked examples and known instants', () => {
    // Example 25.b: the Sun's apparent longitude on 1992-10-13.0 TD is 199°54′21.8″.
    assert.ok(Math.abs(sunApparentLongitude(2448908.5) - 199.90606) < 0.0002);
    // Example 49.a: the new moon of February 1977 (k = −283) is JDE 2443192.65118.
    assert.ok(Math.abs(newMoon(-283) - 2443192.65118) < 0.00001);
    // The 2000 March equinox was 07:35 UT on 20 March; the 2025 December solstice 15:03 UT on 21 December.
    assert.match(utc(jdeToUT(solarLongitudeTime(2000, 0))), /^2000-03-20T07:3[56]/);
    assert.match(utc(jdeToUT(solarLongitudeTime(2025, 270))), /^2025-12-21T15:0[23]/);
  });
});

describe('festivals', () => {
  it('dates Spring Festival as published', () => {
    const published: Record<number, string> = {
      1950: '02-17',
      1960: '01-28',
      1970: '02-06',
      1980: '02-16',
      1990: '01-27',
      2000: '02-05',
      2010: '02-14',
      2020: '01-25',
      2023: '01-22',
      2024: '02-10',
      2025: '01-29',
      2026: '02-17',
      2027: '02-06',
      2028: '01-26',
      2030: '02-03',
      2033: '01-31',
      2034: '02-19',
    };
    for (const [y, md] of Object.entries(published))
      assert.equal(dateOf(Number(y), 'spring_festival'), `${y}-${md}`, y);
  });

  it('dates the other lunar festivals as published', () => {
    assert.equal(dateOf(2024, 'mid_autumn_festival'), '2024-09-17');
    assert.equal(dateOf(2025, 'mid_autumn_festival'), '2025-10-06');
    assert.equal(dateOf(2026, 'mid_autumn_festival'), '2026-09-25');
    assert.equal(dateOf(2027, 'mid_autumn_festival'), '2027-09-15');
    assert.equal(dateOf(2025, 'dragon_boat_festival'), '2025-05-31');
    assert.equal(dateOf(2026, 'dragon_boat_festival'), '2026-06-19');
    assert.equal(dateOf(2025, 'double_ninth_festival'), '2025-10-29');
    assert.equal(dateOf(2026, 'lantern_festival'), '2026-03-03');
  });

  it('answers the seven keys for 2027, sorted by date, with names in both languages', () => {
    const list = festivals(2027);
    assert.deepEqual(
      list.map((f) => `${f.key} ${f.date}`),
      [
        'spring_festival 2027-02-06',
        'lantern_festival 2027-02-20',
        'lei_feng_day 2027-03-05',
        'dragon_boat_festival 2027-06-09',
        'mid_autumn_festival 2027-09-15',
        'double_ninth_festival 2027-10-08',
        'international_volunteer_day 2027-12-05',
      ],
    );
    assert.deepEqual(list.find((f) => f.key === 'double_ninth_festival')!.name, {
      zh: '重阳节',
      en: 'Double Ninth Festival',
    });
  });

  it('has every key once in every year, all inside that year', () => {
    fc.assert(
      fc.property(year, (y) => {
        const list = festivals(y);
        assert.deepEqual([...list.map((f) => f.key)].sort(), [...FESTIVAL_KEYS].sort());
        assert.ok(list.every((f) => f.date.startsWith(`${y}-`)));
        assert.ok(list.every((f, i) => i === 0 || list[i - 1]!.date <= f.date));
      }),
      { numRuns: 40 },
    );
  });
});

describe('solar terms', () => {
  it('dates terms as published', () => {
    assert.equal(termOf(2025, 'qingming'), '2025-04-04');
    assert.equal(termOf(2026, 'qingming'), '2026-04-05');
    assert.equal(termOf(2025, 'dongzhi'), '2025-12-21');
    assert.equal(termOf(2026, 'lichun'), '2026-02-04');
    // 2021's winter solstice came at 23:59 Beijing time: still the 21st.
    assert.equal(termOf(2021, 'dongzhi'), '2021-12-21');
  });

  it('has 24 terms a year, strictly increasing and 14–17 days apart, also across the new year', () => {
    fc.assert(
      fc.property(fc.integer({ min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR - 1 }), (y) => {
        const terms = [...solarTerms(y), solarTerms(y + 1)[0]!];
        assert.equal(terms.length, 25);
        assert.equal(terms[0]!.key, 'xiaohan');
        assert.equal(terms[23]!.key, 'dongzhi');
        for (let i = 1; i < terms.length; i++) {
          const gap = days(terms[i - 1]!.date, terms[i]!.date);
          assert.ok(gap >= 14 && gap <= 17, `${y} ${terms[i - 1]!.key} → ${terms[i]!.key}: ${gap} days`);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('lunar calendar', () => {
  it('puts the leap month where published: 2nd in 2023, 11th in 2033, 6th in 2025', () => {
    assert.deepEqual(
      lunarYear(2023).filter((m) => m.leap),
      [{ month: 2, leap: true, start: '2023-03-22', days: 29 }],
    );
    assert.deepEqual(
      lunarYear(2033)
        .filter((m) => m.leap)
        .map((m) => [m.month, m.start]),
      [[11, '2033-12-22']],
    );
    assert.deepEqual(
      lunarYear(2025)
        .filter((m) => m.leap)
        .map((m) => [m.month, m.start]),
      [[6, '2025-07-25']],
    );
    assert.equal(lunarToGregorian(2033, 11, 1, true), '2033-12-22');
    assert.equal(lunarToGregorian(2023, 2, 1, true), '2023-03-22');
    assert.equal(lunarToGregorian(2023, 2, 1), '2023-02-20');
    assert.equal(
      lunarYear(2024).some((m) => m.leap),
      false,
    );
  });

  it('has 12 or 13 months of 29 or 30 days that follow each other without gaps', () => {
    fc.assert(
      fc.property(year, (y) => {
        const months = lunarYear(y);
        const leaps = months.filter((m) => m.leap);
        assert.ok(months.length === 12 + leaps.length && leaps.length <= 1, `${y}: ${months.length} months`);
        assert.equal(months[0]!.start, dateOf(y, 'spring_festival'));
        for (let i = 0; i < months.length; i++) {
          const m = months[i]!;
          assert.ok(m.days === 29 || m.days === 30, `${y} month ${m.month}: ${m.days} days`);
          if (i > 0) assert.equal(days(months[i - 1]!.start, m.start), months[i - 1]!.days);
        }
        assert.deepEqual(
          months.filter((m) => !m.leap).map((m) => m.month),
          [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        );
      }),
      { numRuns: 40 },
    );
  });

  it('refuses dates the calendar lacks and years outside its range, saying why', () => {
    assert.throws(() => lunarToGregorian(2024, 3, 1, true), /no leap month 3/);
    assert.throws(() => lunarToGregorian(2024, 13, 1), RangeError);
    const shortMonth = lunarYear(2024).find((m) => m.days === 29)!;
    assert.throws(() => lunarToGregorian(2024, shortMonth.month, 30), /has 29 days/);
    for (const bad of [1949, 2101, 2024.5]) {
      assert.throws(
        () => festivals(bad),
        (e: unknown) => e instanceof CalendarRangeError && /1950–2100/.test((e as Error).message),
      );
    }
    assert.throws(() => solarTerms(1900), CalendarRangeError);
    assert.throws(() => lunarToGregorian(2200, 1, 1), CalendarRangeError);
  });
});
