// The calendar helpers every module shares: day arithmetic, the ISO weekday and Shanghai's wall clock.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  shanghaiDayStart,
  shanghaiInstant,
  shanghaiLocal,
  shanghaiTime,
  todayInShanghai,
  weekdayOf,
} from './dates.ts';

const day = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2099, 11, 31) / 86_400_000 })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('adds days across months, leap days and years', () => {
    assert.equal(addDays('2026-12-28', 7), '2027-01-04');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2027-03-01', -1), '2027-02-28');
  });

  it('numbers weekdays the ISO way: Monday 1 … Sunday 7', () => {
    assert.equal(weekdayOf('2026-11-30'), 1);
    assert.equal(weekdayOf('2026-12-05'), 6);
    assert.equal(weekdayOf('2026-12-06'), 7);
  });

  it('moves the weekday on by one with each day, and back by n days undoes forward by n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
        assert.equal(weekdayOf(addDays(d, 1)), (weekdayOf(d) % 7) + 1);
        assert.equal(addDays(addDays(d, n), -n), d);
      }),
    );
  });
});

describe('Shanghai wall clock', () => {
  it('turns the date at 16:00 UTC', () => {
    assert.equal(todayInShanghai(new Date('2026-11-28T15:59:59Z')), '2026-11-28');
    assert.equal(todayInShanghai(new Date('2026-11-28T16:00:00Z')), '2026-11-29');
  });

  it('begins a Shanghai day at 16:00 UTC the day before', () => {
    assert.equal(shanghaiDayStart('2027-01-01'), '2026-12-31T16:00:00.000Z');
    assert.equal(shanghaiTime('2026-12-31T16:05:00.000Z'), '00:05');
  });

  it('reads back the local date and minute it was given', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1439 }), (d, minute) => {
        assert.deepEqual(shanghaiLocal(shanghaiInstant(d, minute)), { date: d, minute });
      }),
    );
  });
});
