// Slots from a weekly schedule in Shanghai time, monthly rules, and the booking window and notice.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bookableDates, bookingTiming, slotAt, slotsBetween, type ScheduleRule } from './schedule.ts';
import { shanghaiInstant, shanghaiLocal, weekdayOf } from '../shared/dates.ts';

const rule = (r: Partial<ScheduleRule>): ScheduleRule => ({
  weekday: 6,
  startMinute: 540,
  endMinute: 720,
  monthWeek: null,
  place: '站',
  ...r,
});

describe('appointment schedule', () => {
  it('converts Shanghai local times to UTC instants and back', () => {
    assert.equal(shanghaiInstant('2026-12-01', 540), '2026-12-01T01:00:00.000Z');
    assert.equal(shanghaiInstant('2026-12-01', 30), '2026-11-30T16:30:00.000Z');
    assert.deepEqual(shanghaiLocal('2026-11-30T16:30:00.000Z'), { date: '2026-12-01', minute: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 1439 }), (day, minute) => {
        const date = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
        assert.deepEqual(shanghaiLocal(shanghaiInstant(date, minute)), { date, minute });
      }),
    );
  });

  it('cuts each rule into slots that fit whole, only on its weekday', () => {
    const slots = slotsBetween(
      [rule({ weekday: 2, startMinute: 540, endMinute: 650 })],
      30,
      '2026-12-01',
      '2026-12-14',
    );
    assert.deepEqual(
      slots.map((s) => `${s.date} ${s.startMinute}`),
      ['2026-12-01 540', '2026-12-01 570', '2026-12-01 600', '2026-12-08 540', '2026-12-08 570', '2026-12-08 600'],
    );
    assert.ok(slots.every((s) => weekdayOf(s.date) === 2));
  });

  it('keeps a monthly rule to the nth (or last) weekday of the month', () => {
    const first = slotsBetween(
      [rule({ weekday: 6, monthWeek: 1, startMinute: 540, endMinute: 600 })],
      60,
      '2026-12-01',
      '2027-02-28',
    );
    assert.deepEqual(
      first.map((s) => s.date),
      ['2026-12-05', '2027-01-02', '2027-02-06'],
    );
    const last = slotsBetween(
      [rule({ weekday: 5, monthWeek: 5, startMinute: 540, endMinute: 600 })],
      60,
      '2026-12-01',
      '2027-01-31',
    );
    assert.deepEqual(
      last.map((s) => s.date),
      ['2026-12-25', '2027-01-29'],
    );
  });

  it('finds a slot by its start only when the schedule offers it', () => {
    const rules = [rule({ weekday: 2 })];
    assert.ok(slotAt(rules, 30, '2026-12-01T01:30:00Z'));
    assert.equal(slotAt(rules, 30, '2026-12-01T01:40:00Z'), null);
    assert.equal(slotAt(rules, 30, '2026-12-02T01:30:00Z'), null);
    assert.equal(slotAt(rules, 30, 'not a date'), null);
  });

  it('applies the minimum notice in hours and the window in Shanghai dates', () => {
    const now = new Date('2026-12-01T02:00:00Z'); // 10:00 in Shanghai
    const limits = { windowDays: 7, noticeHours: 24 };
    assert.equal(bookingTiming('2026-12-01T01:00:00Z', limits, now), 'past');
    assert.equal(bookingTiming('2026-12-02T01:59:00Z', limits, now), 'too_late');
    assert.equal(bookingTiming('2026-12-02T02:00:00Z', limits, now), 'ok');
    // The window's last day is 8 December in Shanghai, to its last minute.
    assert.equal(bookingTiming(shanghaiInstant('2026-12-08', 1430), limits, now), 'ok');
    assert.equal(bookingTiming(shanghaiInstant('2026-12-09', 0), limits, now), 'too_early');
    assert.deepEqual(bookableDates(limits, now), { from: '2026-12-02', to: '2026-12-08' });
  });
});
