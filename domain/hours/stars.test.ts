// Star levels at and around each threshold, thresholds validation, and that only credit hours count.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_STAR_THRESHOLDS, nextStar, starHours, starLevel, validateStarThresholds } from './stars.ts';

describe('star levels', () => {
  it('reaches each default level exactly at its threshold, not a minute before', () => {
    assert.equal(starLevel(0), 0);
    DEFAULT_STAR_THRESHOLDS.forEach((t, i) => {
      assert.equal(starLevel(t - 1 / 60), i, `just under ${t}`);
      assert.equal(starLevel(t), i + 1, `at ${t}`);
      assert.equal(starLevel(t + 0.5), i + 1, `just over ${t}`);
    });
    assert.equal(starLevel(100_000), 5);
  });

  it('says how many hours to the next star, and null at five stars', () => {
    assert.deepEqual(nextStar(0), { level: 0, hoursToNext: 100 });
    assert.deepEqual(nextStar(99), { level: 0, hoursToNext: 1 });
    assert.deepEqual(nextStar(100), { level: 1, hoursToNext: 200 });
    assert.deepEqual(nextStar(999), { level: 3, hoursToNext: 1 });
    assert.deepEqual(nextStar(1499.5), { level: 4, hoursToNext: 0.5 });
    assert.deepEqual(nextStar(1500), { level: 5, hoursToNext: null });
  });

  it('follows configured thresholds (Beijing 2010: 100/200/500/800/1000)', () => {
    const beijing = [100, 200, 500, 800, 1000];
    assert.equal(starLevel(500, beijing), 3);
    assert.deepEqual(nextStar(900, beijing), { level: 4, hoursToNext: 100 });
  });

  it('never goes down as hours grow, and hoursToNext lands on the next threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          assert.ok(starLevel(lo) <= starLevel(hi));
          const n = nextStar(lo);
          if (n.hoursToNext !== null) {
            assert.ok(n.hoursToNext > 0);
            assert.equal(starLevel(DEFAULT_STAR_THRESHOLDS[n.level]!), n.level + 1);
          }
        },
      ),
    );
  });

  it('refuses negative or non-finite hours and invalid thresholds', () => {
    assert.throws(() => starLevel(-1), RangeError);
    assert.throws(() => starLevel(Number.NaN), RangeError);
    assert.throws(() => starLevel(10, [300, 100, 600, 1000, 1500]), /stars.thresholds_not_increasing/);
  });

  it('counts credit hours only, never honour hours', () => {
    assert.equal(starHours({ creditMinutes: 90 * 60, honourMinutes: 50 * 60 }), 90);
    assert.equal(starLevel(starHours({ creditMinutes: 90 * 60, honourMinutes: 5000 * 60 })), 0);
  });
});

describe('star thresholds config', () => {
  const codes = (v: unknown) =>
    validateStarThresholds(v).map((e) => (e.index === undefined ? e.code : `${e.code}@${e.index}`));

  it('accepts five positive, strictly increasing numbers', () => {
    assert.deepEqual(codes([...DEFAULT_STAR_THRESHOLDS]), []);
    assert.deepEqual(codes([0.5, 1, 2, 3, 4]), []);
  });

  it('names each problem with a key and the position', () => {
    assert.deepEqual(codes('100,300'), ['stars.thresholds_not_array']);
    assert.deepEqual(codes([100, 300, 600, 1000]), ['stars.thresholds_count']);
    assert.deepEqual(codes([]), ['stars.thresholds_count']);
    assert.deepEqual(codes([0, 300, 600, 1000, 1500]), ['stars.threshold_not_positive@0']);
    assert.deepEqual(codes([-5, 300, 600, 1000, 1500]), ['stars.threshold_not_positive@0']);
    assert.deepEqual(codes([100, 300, 300, 1000, 1500]), ['stars.thresholds_not_increasing@2']);
    assert.deepEqual(codes([100, 300, 200, 1000, 1500]), ['stars.thresholds_not_increasing@2']);
    assert.deepEqual(codes([100, '300', 600, Number.POSITIVE_INFINITY, 1500]), [
      'stars.threshold_not_number@1',
      'stars.threshold_not_number@3',
    ]);
  });
});
