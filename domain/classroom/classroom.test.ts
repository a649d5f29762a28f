import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectedOn, familyKey, figuresOf, minutesBetween, termDates } from './rules.ts';
import { checkOutInput, childInput } from './schemas.ts';

test('a term has a session every school day except the holidays', () => {
  const d = termDates('2026-09-28', '2026-10-09', [
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
    '2026-10-08',
  ]);
  assert.deepEqual(d, ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-09']);
});

test('a child is expected on their weekdays while enrolled', () => {
  const c = { enrolled_on: '2026-09-01', left_on: '2026-09-30', status: 'left', weekdays: '135' };
  assert.equal(expectedOn(c, '2026-09-02'), true); // Wednesday
  assert.equal(expectedOn(c, '2026-09-03'), false); // Thursday
  assert.equal(expectedOn(c, '2026-08-31'), false); // before enrolment
  assert.equal(expectedOn(c, '2026-10-02'), false); // after leaving
  assert.equal(minutesBetween('16:30', '18:00'), 90);
});

test('families: one household, or one set of guardian phones, counts once', () => {
  assert.equal(familyKey(null, ['13900000002', '13900000001']), familyKey(null, ['13900000001', '13900000002']));
  const f = figuresOf(
    [
      { date: '2025-09-01', childId: 'a', family: 'h:1' },
      { date: '2025-09-02', childId: 'b', family: 'h:1' },
      { date: '2026-03-01', childId: 'a', family: 'h:1' },
      { date: '2026-03-01', childId: 'c', family: 'p:1' },
    ],
    [
      { date: '2025-09-01', tutorMinutes: 180, held: true },
      { date: '2026-03-01', tutorMinutes: 90, held: true },
      { date: '2026-03-02', tutorMinutes: 0, held: false },
    ],
  );
  assert.deepEqual(
    f.years.map((y) => [y.year, y.children, y.families, y.sessions, y.tutorHours]),
    [
      [2025, 2, 1, 1, 3],
      [2026, 2, 2, 1, 1.5],
    ],
  );
  assert.deepEqual(f.total, { children: 3, families: 2, sessions: 2, tutorHours: 4.5 });
});

test('enrolment needs a guardian; check-out needs a 6-digit code', () => {
  const base = {
    name: '小明',
    gender: 'male',
    birthDate: '2016-05-01',
    school: '西关小学',
    grade: '四年级',
    enrolledOn: '2026-09-01',
    consentBy: '张丽',
    consentRelation: '母亲',
  };
  assert.equal(
    childInput.safeParse({
      ...base,
      adults: [{ name: '张丽', relation: '母亲', phone: '13912345678', isGuardian: false }],
    }).success,
    false,
  );
  assert.equal(
    childInput.safeParse({
      ...base,
      adults: [{ name: '张丽', relation: '母亲', phone: '13912345678', isGuardian: true }],
    }).success,
    true,
  );
  assert.equal(
    childInput.safeParse({
      ...base,
      birthDate: '2026-09-02',
      adults: [{ name: '张丽', relation: '母亲', phone: '13912345678', isGuardian: true }],
    }).success,
    false,
    'born after enrolment',
  );
  // Phones are kept as the 11 digits, however they were typed.
  const typed = childInput.parse({
    ...base,
    adults: [{ name: '张丽', relation: '母亲', phone: '+86 139-1234-5678', isGuardian: true }],
  });
  assert.equal(typed.adults[0]!.phone, '13912345678');
  assert.equal(
    childInput.safeParse({
      ...base,
      adults: [
        { name: '张丽', relation: '母亲', phone: '13912345678', isGuardian: true },
        { name: '张伟', relation: '父亲', phone: '139 1234 5678', isGuardian: true },
      ],
    }).success,
    false,
    'one number twice',
  );
  assert.equal(
    checkOutInput.safeParse({ childId: '0190a1b2-0000-7000-8000-000000000000', method: 'code', code: '12345' }).success,
    false,
  );
});
