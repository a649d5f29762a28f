// Points per verified credit hour with daily and total caps, and balanced double-entry postings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { HoursEntry } from './ledger.ts';
import {
  assertBalanced,
  balanceOf,
  earnPoints,
  earnPostings,
  isBalanced,
  redeemPostings,
  validatePointsRule,
  volunteerAccount,
  type Posting,
  type PointsRule,
} from './points.ts';

const entry = (serviceDate: string, minutes: number, kind: HoursEntry['kind'] = 'credit'): HoursEntry => ({
  id: `${serviceDate}-${minutes}-${kind}`,
  volunteerId: 'v1',
  source: kind === 'honour' ? 'honour' : 'activity',
  sourceId: 's',
  serviceDate,
  minutes,
  kind,
});

describe('points earned', () => {
  it('earns per verified credit hour, rounded down per day, and honour earns nothing', () => {
    const r = earnPoints(
      [entry('2026-12-02', 30), entry('2026-12-01', 150), entry('2026-12-02', 30), entry('2026-12-01', 600, 'honour')],
      { pointsPerHour: 2, dailyCap: null, totalCap: null },
    );
    assert.deepEqual(
      r.days.map((d) => [d.date, d.minutes, d.points]),
      [
        ['2026-12-01', 150, 5],
        ['2026-12-02', 60, 2],
      ],
    );
    assert.equal(r.total, 7);
  });

  it('applies the daily cap, then the total cap on the latest days', () => {
    const r = earnPoints([entry('2026-12-01', 600), entry('2026-12-02', 120), entry('2026-12-03', 240)], {
      pointsPerHour: 1,
      dailyCap: 4,
      totalCap: 7,
    });
    assert.deepEqual(
      r.days.map((d) => [d.points, d.cappedBy]),
      [
        [4, 'daily'],
        [2, null],
        [1, 'total'],
      ],
    );
    assert.equal(r.total, 7);
    // What earlier postings gave counts toward the total cap.
    assert.equal(earnPoints([entry('2026-12-04', 120)], { pointsPerHour: 1, dailyCap: null, totalCap: 7 }, 6).total, 1);
    assert.equal(earnPoints([entry('2026-12-04', 120)], { pointsPerHour: 1, dailyCap: null, totalCap: 7 }, 7).total, 0);
  });

  it('does not lose a point to float error', () => {
    assert.equal(
      earnPoints([entry('2026-12-01', 600)], { pointsPerHour: 0.1, dailyCap: null, totalCap: null }).total,
      1,
    );
    assert.equal(
      earnPoints([entry('2026-12-01', 1800)], { pointsPerHour: 0.7, dailyCap: null, totalCap: null }).total,
      21,
    );
  });

  it('refuses a bad rule and entries of two volunteers', () => {
    assert.deepEqual(validatePointsRule({ pointsPerHour: 0, dailyCap: -1, totalCap: 1.5 }), [
      'points.rate_invalid',
      'points.daily_cap_invalid',
      'points.total_cap_invalid',
    ]);
    assert.throws(() => earnPoints([], { pointsPerHour: -1, dailyCap: null, totalCap: null }), /points.rate_invalid/);
    assert.throws(
      () =>
        earnPoints([entry('2026-12-01', 60), { ...entry('2026-12-01', 60), volunteerId: 'v2' }], {
          pointsPerHour: 1,
          dailyCap: null,
          totalCap: null,
        }),
      RangeError,
    );
  });

  it('never exceeds the daily or the total cap, and never earns more than the uncapped worth (property)', () => {
    const arbRule = fc.record({
      pointsPerHour: fc.constantFrom(0.5, 1, 2, 3, 10),
      dailyCap: fc.option(fc.nat({ max: 20 }), { nil: null }),
      totalCap: fc.option(fc.nat({ max: 200 }), { nil: null }),
    });
    const arbEntries = fc
      .array(
        fc.record({
          day: fc.integer({ min: 1, max: 28 }),
          minutes: fc.integer({ min: 1, max: 720 }),
          honour: fc.boolean(),
        }),
        { maxLength: 40 },
      )
      .map((rows) =>
        rows.map((r) => entry(`2026-02-${String(r.day).padStart(2, '0')}`, r.minutes, r.honour ? 'honour' : 'credit')),
      );
    fc.assert(
      fc.property(arbEntries, arbRule, fc.nat({ max: 250 }), (es, rule: PointsRule, already) => {
        const r = earnPoints(es, rule, already);
        const dates = r.days.map((d) => d.date);
        assert.deepEqual(dates, [...dates].sort());
        for (const d of r.days) {
          assert.ok(Number.isInteger(d.points) && d.points >= 0);
          assert.ok(d.points <= d.uncapped);
          if (rule.dailyCap !== null) assert.ok(d.points <= rule.dailyCap);
        }
        assert.equal(
          r.total,
          r.days.reduce((s, d) => s + d.points, 0),
        );
        if (rule.totalCap !== null) assert.ok(already + r.total <= Math.max(rule.totalCap, already));
        const creditMinutes = es.filter((e) => e.kind === 'credit').reduce((s, e) => s + e.minutes, 0);
        assert.ok(r.total <= (creditMinutes * rule.pointsPerHour) / 60 + 1e-9);
      }),
    );
  });
});

describe('points postings', () => {
  it('earning credits the volunteer from the community pool; redeeming moves points to the love supermarket', () => {
    const earn = earnPostings('v1', 5);
    assert.deepEqual(earn, {
      ok: true,
      postings: [
        { account: 'volunteer:v1', amount: 5 },
        { account: 'community_pool', amount: -5 },
      ],
    });
    const redeem = redeemPostings('v1', 3, 5);
    assert.deepEqual(redeem, {
      ok: true,
      postings: [
        { account: 'volunteer:v1', amount: -3 },
        { account: 'love_supermarket_stock', amount: 3 },
      ],
    });
  });

  it('refuses a redemption beyond the balance and amounts that are not whole and positive', () => {
    assert.deepEqual(redeemPostings('v1', 6, 5), { ok: false, error: 'points.insufficient_balance' });
    assert.deepEqual(redeemPostings('v1', 0, 5), { ok: false, error: 'points.amount_invalid' });
    assert.deepEqual(earnPostings('v1', 1.5), { ok: false, error: 'points.amount_invalid' });
    assert.deepEqual(earnPostings('v1', -2), { ok: false, error: 'points.amount_invalid' });
  });

  it('detects an unbalanced set', () => {
    assert.equal(
      isBalanced([
        { account: 'volunteer:v1', amount: 5 },
        { account: 'community_pool', amount: -4 },
      ]),
      false,
    );
    assert.equal(
      isBalanced([
        { account: 'volunteer:v1', amount: 0.5 },
        { account: 'community_pool', amount: -0.5 },
      ]),
      false,
    );
    assert.throws(() => assertBalanced([{ account: 'community_pool', amount: 1 }]), RangeError);
    assert.equal(isBalanced([]), true);
  });

  it('every posting set sums to zero, and balances never go negative through redeemPostings (property)', () => {
    const op = fc.record({
      redeem: fc.boolean(),
      v: fc.constantFrom('v1', 'v2'),
      amount: fc.integer({ min: -5, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const history: Posting[] = [];
        for (const o of ops) {
          const account = volunteerAccount(o.v);
          const r = o.redeem ? redeemPostings(o.v, o.amount, balanceOf(history, account)) : earnPostings(o.v, o.amount);
          if (!r.ok) continue;
          assert.ok(isBalanced(r.postings));
          history.push(...r.postings);
          assert.ok(balanceOf(history, account) >= 0);
        }
        assert.ok(isBalanced(history));
        const pool = balanceOf(history, 'community_pool');
        const shop = balanceOf(history, 'love_supermarket_stock');
        assert.equal(balanceOf(history, 'volunteer:v1') + balanceOf(history, 'volunteer:v2') + pool + shop, 0);
      }),
    );
  });
});
