// The pairing rules that need no database: the recurrence subset, missed visits and the spread of visits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WEEKDAYS, dayNumber, formatRule, occurrences, parseRule, type Recurrence } from './recurrence.ts';
import { addDays } from '../shared/dates.ts';
import { checkVisits, missedDates } from './visits.ts';
import { gini, spreadOf, topTenthShare } from './spread.ts';

const dateArb = fc
  .integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') })
  .map((n) => new Date(n * 86400_000).toISOString().slice(0, 10));
const weeklyArb = fc
  .record({
    freq: fc.constant('WEEKLY' as const),
    interval: fc.integer({ min: 1, max: 12 }),
    byDay: fc.subarray([...WEEKDAYS], { minLength: 1 }),
  })
  .map((r) => ({ ...r }));
const monthlyArb = fc
  .record({
    freq: fc.constant('MONTHLY' as const),
    interval: fc.integer({ min: 1, max: 12 }),
    byMonthDay: fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant(-1)), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map((r) => ({ ...r, byMonthDay: [...r.byMonthDay].sort((a, b) => (a === -1 ? 99 : a) - (b === -1 ? 99 : b)) }));
const ruleArb: fc.Arbitrary<Recurrence> = fc.oneof(weeklyArb, monthlyArb);
const isoWeekday = (d: string) => WEEKDAYS[(((dayNumber(d) + 3) % 7) + 7) % 7]!;

describe('recurrence rules', () => {
  it('parses the supported forms, any case, with or without the RRULE: prefix', () => {
    assert.deepEqual(parseRule('FREQ=WEEKLY;BYDAY=TU'), {
      ok: true,
      rule: { freq: 'WEEKLY', interval: 1, byDay: ['TU'] },
    });
    assert.deepEqual(parseRule('rrule:freq=weekly;interval=2;byday=th,mo'), {
      ok: true,
      rule: { freq: 'WEEKLY', interval: 2, byDay: ['MO', 'TH'] },
    });
    assert.deepEqual(parseRule('FREQ=MONTHLY;BYMONTHDAY=-1,15'), {
      ok: true,
      rule: { freq: 'MONTHLY', interval: 1, byMonthDay: [15, -1] },
    });
  });

  it('names what is wrong', () => {
    assert.deepEqual(parseRule(''), { ok: false, error: 'rrule.syntax' });
    assert.deepEqual(parseRule('FREQ=DAILY'), { ok: false, error: 'rrule.freq' });
    assert.deepEqual(parseRule('FREQ=WEEKLY'), { ok: false, error: 'rrule.byDay' });
    assert.deepEqual(parseRule('FREQ=WEEKLY;BYDAY=XX'), { ok: false, error: 'rrule.byDay' });
    assert.deepEqual(parseRule('FREQ=WEEKLY;BYDAY=1MO'), { ok: false, error: 'rrule.byDay' });
    assert.deepEqual(parseRule('FREQ=WEEKLY;BYDAY=MO;INTERVAL=0'), { ok: false, error: 'rrule.interval' });
    assert.deepEqual(parseRule('FREQ=WEEKLY;BYDAY=MO;COUNT=3'), { ok: false, error: 'rrule.unsupported' });
    assert.deepEqual(parseRule('FREQ=MONTHLY;BYMONTHDAY=32'), { ok: false, error: 'rrule.byMonthDay' });
    assert.deepEqual(parseRule('FREQ=MONTHLY;BYDAY=MO'), { ok: false, error: 'rrule.unsupported' });
    assert.deepEqual(parseRule('FREQ=WEEKLY;FREQ=WEEKLY;BYDAY=MO'), { ok: false, error: 'rrule.syntax' });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseRule(s);
        assert.equal(typeof r.ok, 'boolean');
      }),
    );
  });

  it('round-trips every rule through its canonical text', () => {
    fc.assert(
      fc.property(ruleArb, (r) => {
        assert.deepEqual(parseRule(formatRule(r)), { ok: true, rule: r });
      }),
    );
  });

  it('gives Tuesdays and Fridays every other week from the start week (weeks start Monday)', () => {
    const r = (parseRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,FR') as { rule: Recurrence }).rule;
    // 2026-11-04 is a Wednesday: its week's Tuesday is before the start, its Friday is the first.
    assert.deepEqual(occurrences(r, '2026-11-04', null, '2026-11-01', '2026-11-30'), [
      '2026-11-06',
      '2026-11-17',
      '2026-11-20',
    ]);
    assert.deepEqual(occurrences(r, '2026-11-04', '2026-11-17', '2026-11-10', '2026-12-31'), ['2026-11-17']);
  });

  it('gives the 31st only in months that have one, and -1 as the last day', () => {
    const r = (parseRule('FREQ=MONTHLY;BYMONTHDAY=31') as { rule: Recurrence }).rule;
    assert.deepEqual(occurrences(r, '2027-01-01', null, '2027-01-01', '2027-05-31'), [
      '2027-01-31',
      '2027-03-31',
      '2027-05-31',
    ]);
    const last = (parseRule('FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1') as { rule: Recurrence }).rule;
    assert.deepEqual(occurrences(last, '2027-01-10', null, '2027-01-01', '2027-12-31'), [
      '2027-01-31',
      '2027-04-30',
      '2027-07-31',
      '2027-10-31',
    ]);
    const leap = (parseRule('FREQ=MONTHLY;BYMONTHDAY=29') as { rule: Recurrence }).rule;
    assert.deepEqual(occurrences(leap, '2028-01-01', null, '2028-02-01', '2028-03-01'), ['2028-02-29']);
  });

  it('keeps every occurrence inside the bounds, sorted, on a day the rule names, however the window is cut', () => {
    fc.assert(
      fc.property(
        ruleArb,
        dateArb,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 399 }),
        (r, start, span, skip, cut) => {
          const from = addDays(start, skip - 100),
            to = addDays(from, span);
          const all = occurrences(r, start, null, from, to);
          for (const [i, d] of all.entries()) {
            assert.ok(d >= start && d >= from && d <= to, d);
            if (i) assert.ok(d > all[i - 1]!);
            if (r.freq === 'WEEKLY') {
              assert.ok(r.byDay.includes(isoWeekday(d)));
              const weeks = Math.floor(
                (dayNumber(d) - (dayNumber(start) - ((((dayNumber(start) + 3) % 7) + 7) % 7))) / 7,
              );
              assert.equal(weeks % r.interval, 0);
            } else {
              const day = Number(d.slice(8, 10));
              const lastDay = Number(
                addDays(`${d.slice(0, 8)}01`, 40).slice(0, 8) + '01' < d
                  ? 0
                  : new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).getUTCDate(),
              );
              assert.ok(r.byMonthDay.includes(day) || (r.byMonthDay.includes(-1) && day === lastDay));
            }
          }
          // Splitting the window in two gives the same dates.
          const mid = addDays(from, Math.min(cut, span));
          const split = [
            ...occurrences(r, start, null, from, mid),
            ...occurrences(r, start, null, addDays(mid, 1), to),
          ];
          assert.deepEqual(split, all);
        },
      ),
    );
  });

  it('gives a weekly one-day rule one date in every seven days of its series', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WEEKDAYS), dateArb, (d, start) => {
        const got = occurrences(
          { freq: 'WEEKLY', interval: 1, byDay: [d] },
          start,
          null,
          addDays(start, 7),
          addDays(start, 13),
        );
        assert.equal(got.length, 1);
      }),
    );
  });
});

describe('missed visits', () => {
  const expected = ['2026-11-03', '2026-11-10', '2026-11-17', '2026-11-24'];

  it('keeps a visit within two days either side, and misses one only after its window has passed', () => {
    const c = checkVisits(expected, ['2026-11-05', '2026-11-24'], '2026-11-19');
    assert.deepEqual(
      c.map((x) => x.status),
      ['kept', 'missed', 'open', 'kept'],
    );
    // On 2026-11-19 the 17th's window (to the 19th) is still open.
    assert.deepEqual(missedDates(expected, [], '2026-11-19'), ['2026-11-03', '2026-11-10']);
    assert.deepEqual(missedDates(expected, [], '2026-11-20'), ['2026-11-03', '2026-11-10', '2026-11-17']);
  });

  it('lets one visit keep only one expected date', () => {
    assert.deepEqual(missedDates(['2026-11-02', '2026-11-04'], ['2026-11-03'], '2026-12-01'), ['2026-11-04']);
    assert.deepEqual(missedDates(['2026-11-02', '2026-11-04'], ['2026-11-03', '2026-11-03'], '2026-12-01'), []);
  });

  it('never counts more kept dates than visits, nor misses a date with a visit on the day', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 12 }),
        (e, v) => {
          const d = (n: number) => addDays('2026-01-01', n);
          const c = checkVisits(e.map(d), v.map(d), '2026-12-31');
          assert.ok(c.filter((x) => x.status === 'kept').length <= v.length);
          const visitSet = new Set(v);
          if (e.every((x) => visitSet.has(x))) assert.ok(c.every((x) => x.status === 'kept'));
        },
      ),
    );
  });
});

describe('spread of visits', () => {
  it('is 0 when everyone gets the same, (n−1)/n when one gets all', () => {
    assert.equal(gini([3, 3, 3, 3]), 0);
    assert.ok(Math.abs(gini([0, 0, 0, 0, 12])! - 4 / 5) < 1e-12);
    assert.ok(Math.abs(gini([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])! - 9 / 10) < 1e-12);
    assert.equal(gini([]), null);
    assert.equal(gini([0, 0]), null);
  });

  it('gives a known value and the top tenth share', () => {
    // 1,2,3,4: G = 2·(1+4+9+16)/(4·10) − 5/4 = 0.25
    assert.ok(Math.abs(gini([4, 1, 3, 2])! - 0.25) < 1e-12);
    assert.equal(topTenthShare([10, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0]), 20 / 20);
    assert.equal(topTenthShare([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 0.1);
    assert.deepEqual(spreadOf([0, 2, 2]), {
      residents: 3,
      visits: 4,
      unvisited: 1,
      gini: gini([0, 2, 2]),
      topTenthShare: 0.5,
    });
  });

  it('stays within [0, (n−1)/n] and does not change when every count is doubled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 50 }), (v) => {
        const g = gini(v);
        if (g === null) return;
        assert.ok(g >= -1e-12 && g <= (v.length - 1) / v.length + 1e-12);
        assert.ok(Math.abs(gini(v.map((x) => 2 * x))! - g) < 1e-9);
        const s = topTenthShare(v)!;
        assert.ok(s > 0 && s <= 1);
      }),
    );
  });
});
