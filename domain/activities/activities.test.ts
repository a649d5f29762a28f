// Activity rules without a database: "the last three days of every month" (BYMONTHDAY=-3..-1), the check-in
// code's steps and digits, distance, minutes clipped to the shift, and the festival templates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatRule, occurrences, parseRule, type Recurrence } from '../pairings/recurrence.ts';
import {
  acceptedSteps,
  clipToShift,
  codeExpiresAt,
  digitsOf,
  distanceMetres,
  stepAt,
  STEP_SECONDS,
} from './checkin.ts';
import { templatesBetween, templatesOf, templateFor } from './templates.ts';
import { activityInput, activityPatch } from './schemas.ts';

const rule = (s: string) => (parseRule(s) as { ok: true; rule: Recurrence }).rule;

describe('recurrence counted from the month end', () => {
  it('parses -1, -2 and -3 in canonical order and round-trips', () => {
    assert.deepEqual(parseRule('FREQ=MONTHLY;BYMONTHDAY=-1,-3,-2'), {
      ok: true,
      rule: { freq: 'MONTHLY', interval: 1, byMonthDay: [-3, -2, -1] },
    });
    assert.deepEqual(parseRule('FREQ=MONTHLY;BYMONTHDAY=-2,15'), {
      ok: true,
      rule: { freq: 'MONTHLY', interval: 1, byMonthDay: [15, -2] },
    });
    const r = rule('FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1');
    assert.equal(formatRule(r), 'FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1');
    assert.deepEqual(parseRule(formatRule(r)), { ok: true, rule: r });
  });

  it('refuses -4, 0, -32 and a repeated day', () => {
    for (const bad of ['-4', '0', '-32', '-1,-1', '-31'])
      assert.deepEqual(parseRule(`FREQ=MONTHLY;BYMONTHDAY=${bad}`), { ok: false, error: 'rrule.byMonthDay' }, bad);
  });

  it('gives the last three days of every month, February of leap and common years included', () => {
    const r = rule('FREQ=MONTHLY;BYMONTHDAY=-3,-2,-1');
    assert.deepEqual(occurrences(r, '2027-01-01', null, '2027-01-01', '2027-04-30'), [
      '2027-01-29',
      '2027-01-30',
      '2027-01-31',
      '2027-02-26',
      '2027-02-27',
      '2027-02-28',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
      '2027-04-28',
      '2027-04-29',
      '2027-04-30',
    ]);
    assert.deepEqual(occurrences(r, '2028-02-01', null, '2028-02-01', '2028-02-29'), [
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
    ]);
    // -2 alone is the second last day; the start day itself counts, earlier ones do not.
    assert.deepEqual(
      occurrences(rule('FREQ=MONTHLY;BYMONTHDAY=-2'), '2027-04-29', '2027-06-30', '2027-01-01', '2027-12-31'),
      ['2027-04-29', '2027-05-30', '2027-06-29'],
    );
  });

  it('does not give a day twice when a positive and a negative day meet (28 and -1 in February)', () => {
    assert.deepEqual(
      occurrences(rule('FREQ=MONTHLY;BYMONTHDAY=28,-1'), '2027-02-01', null, '2027-02-01', '2027-03-31'),
      ['2027-02-28', '2027-03-28', '2027-03-31'],
    );
  });
});

describe('check-in rules', () => {
  it('accepts the current and the previous 30-second step only', () => {
    const t = Date.UTC(2027, 0, 1, 1, 0, 10);
    assert.equal(STEP_SECONDS, 30);
    assert.deepEqual(acceptedSteps(t), [stepAt(t), stepAt(t) - 1]);
    assert.equal(stepAt(t + 30_000), stepAt(t) + 1);
    assert.equal(codeExpiresAt(t) - t, 50_000);
  });

  it('makes six digits from a MAC, zero-padded', () => {
    assert.equal(digitsOf(new Uint8Array([0, 0, 0, 7])), '000007');
    assert.equal(digitsOf(new Uint8Array([0xff, 0xff, 0xff, 0xff])), String(0xffffffff % 1_000_000));
  });

  it('measures distance by haversine', () => {
    // 0.001° of latitude is about 111 m.
    const d = distanceMetres({ lat: 34.36, lng: 107.24 }, { lat: 34.361, lng: 107.24 });
    assert.ok(Math.abs(d - 111.2) < 0.5, String(d));
    assert.equal(distanceMetres({ lat: 34.36, lng: 107.24 }, { lat: 34.36, lng: 107.24 }), 0);
  });

  it('counts only the minutes inside the shift', () => {
    const shift = { startsAt: '2027-01-01T01:00:00.000Z', endsAt: '2027-01-01T03:00:00.000Z' };
    assert.deepEqual(clipToShift('2027-01-01T00:30:00.000Z', '2027-01-01T03:40:00.000Z', shift), {
      startedAt: shift.startsAt,
      endedAt: shift.endsAt,
      minutes: 120,
    });
    assert.equal(clipToShift('2027-01-01T01:10:00.000Z', '2027-01-01T02:00:30.000Z', shift)!.minutes, 50);
    assert.equal(clipToShift('2027-01-01T00:00:00.000Z', '2027-01-01T00:59:00.000Z', shift), null);
  });
});

describe('festival templates and activity input', () => {
  it('has the seven festivals and the 24 solar terms of a year, with shifts', () => {
    const all = templatesOf(2027);
    assert.equal(all.length, 31);
    const spring = all.find((t) => t.key === 'spring_festival')!;
    assert.equal(spring.date, '2027-02-06');
    assert.match(spring.title, /饺子/);
    assert.deepEqual(
      spring.shifts.map((s) => s.name),
      ['厨房组', '配送组'],
    );
    assert.equal(all.find((t) => t.key === 'lei_feng_day')!.date, '2027-03-05');
    assert.equal(all.find((t) => t.key === 'international_volunteer_day')!.date, '2027-12-05');
    assert.equal(all.filter((t) => t.source === 'solar_term').length, 24);
    assert.ok(
      all.every((t) =>
        t.shifts.every(
          (s) => activityInput.safeParse({ title: t.title, place: '站', date: t.date, shifts: [s] }).success,
        ),
      ),
    );
  });

  it('lists templates across a year end and finds one by key', () => {
    const keys = templatesBetween('2027-12-01', '2028-02-15').map((t) => t.key);
    assert.ok(
      keys.includes('international_volunteer_day') && keys.includes('dongzhi') && keys.includes('spring_festival'),
    );
    assert.equal(templateFor('no_such_day', 2027), null);
  });

  it('refuses a shift that ends before it starts, zero places and a lone latitude', () => {
    const r = activityInput.safeParse({
      title: 'x',
      place: 'y',
      date: '2027-01-01',
      lat: 34.3,
      shifts: [{ name: 'a', start: '10:00', end: '09:00', places: 0 }],
    });
    assert.ok(!r.success);
    const msgs = r.error.issues.map((i) => i.message).sort();
    assert.deepEqual(msgs, ['activities.endBeforeStart', 'activities.latLngPair', 'activities.places'].sort());
  });
});

describe('an activity edit', () => {
  it('changes only what it names: no default fills a field left out', () => {
    assert.deepEqual(activityPatch.parse({ title: '重阳节文艺汇演' }), { title: '重阳节文艺汇演' });
    assert.equal(activityPatch.parse({ kind: 'performance' }).kind, 'performance');
    const shifts = [{ name: '全天', start: '09:00', end: '11:00', places: 10 }];
    assert.equal(activityInput.parse({ title: '义诊', place: '站', date: '2027-01-05', shifts }).kind, 'service');
  });
});
