import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkEligibility, registrationAgeRule, type TaskRequirements, type VolunteerFacts } from './eligibility.ts';
import { weekdayOf } from '../shared/dates.ts';

const TODAY = '2026-11-28';
const adult: VolunteerFacts = {
  status: 'approved',
  birthDate: '1980-05-01',
  fitness: 'good',
  hasGuardianConsent: false,
  trainings: [{ courseId: 'dementia', expiresOn: '2027-06-30' }],
  insurance: [{ startsOn: '2026-01-01', endsOn: '2026-12-31', minAge: null, maxAge: 70 }],
  weekly: [{ weekday: 6, startMinute: 8 * 60, endMinute: 18 * 60 }],
  blackouts: [],
};
const anyTask: TaskRequirements = {
  minAge: 0,
  maxAge: 200,
  minFitness: 'limited',
  trainingCourseIds: [],
  needsInsurance: false,
  night: false,
};
const hospitalNight: TaskRequirements = {
  minAge: 18,
  maxAge: 70,
  minFitness: 'good',
  trainingCourseIds: [],
  needsInsurance: true,
  night: true,
  when: { date: '2026-12-05', startMinute: 22 * 60, endMinute: 23 * 60 },
};

describe('eligibility', () => {
  it('accepts an adult who meets everything', () => {
    assert.deepEqual(
      checkEligibility(
        adult,
        {
          ...anyTask,
          trainingCourseIds: ['dementia'],
          needsInsurance: true,
          when: { date: '2026-12-05', startMinute: 9 * 60, endMinute: 11 * 60 },
        },
        TODAY,
      ),
      { eligible: true, reasons: [] },
    );
  });

  it('never offers a 9-year-old a hospital night shift, and says why', () => {
    const child: VolunteerFacts = { ...adult, birthDate: '2017-03-01', hasGuardianConsent: true, weekly: [] };
    const r = checkEligibility(child, hospitalNight, TODAY);
    assert.equal(r.eligible, false);
    assert.ok(r.reasons.includes('too_young') && r.reasons.includes('minor_at_night'));
  });

  it('needs a guardian for minors, training, insurance and availability', () => {
    const teen: VolunteerFacts = { ...adult, birthDate: '2010-01-01' };
    assert.deepEqual(checkEligibility(teen, anyTask, TODAY).reasons, ['guardian_missing']);
    assert.deepEqual(checkEligibility(adult, { ...anyTask, trainingCourseIds: ['first_aid'] }, TODAY).reasons, [
      'training_missing',
    ]);
    assert.deepEqual(
      checkEligibility(
        adult,
        { ...anyTask, trainingCourseIds: ['dementia'], when: { date: '2027-07-03', startMinute: 600, endMinute: 660 } },
        TODAY,
      ).reasons,
      ['training_expired'],
    );
    assert.equal(weekdayOf('2027-07-03'), 6, 'a Saturday, inside the weekly slot');
    assert.deepEqual(
      checkEligibility(
        adult,
        { ...anyTask, needsInsurance: true, when: { date: '2027-01-02', startMinute: 600, endMinute: 660 } },
        TODAY,
      ).reasons,
      ['insurance_missing'],
    );
    assert.deepEqual(
      checkEligibility(adult, { ...anyTask, when: { date: '2026-12-07', startMinute: 600, endMinute: 660 } }, TODAY)
        .reasons,
      ['unavailable'],
    );
    assert.deepEqual(
      checkEligibility(
        { ...adult, blackouts: [{ fromDate: '2026-12-01', toDate: '2026-12-10' }] },
        { ...anyTask, when: { date: '2026-12-05', startMinute: 600, endMinute: 660 } },
        TODAY,
      ).reasons,
      ['blackout'],
    );
    assert.deepEqual(
      checkEligibility({ ...adult, fitness: 'fair' }, { ...anyTask, minFitness: 'good' }, TODAY).reasons,
      ['fitness'],
    );
    assert.deepEqual(checkEligibility({ ...adult, status: 'pending' }, anyTask, TODAY).reasons, ['not_approved']);
  });

  it('agrees whether slots are given whole or narrowed to the task’s weekday', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weekday: fc.integer({ min: 1, max: 7 }),
            startMinute: fc.integer({ min: 0, max: 1380 }),
            len: fc.integer({ min: 30, max: 600 }),
          }),
          { maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 1320 }),
        (raw, dayOffset, start) => {
          const weekly = raw.map((s) => ({
            weekday: s.weekday,
            startMinute: s.startMinute,
            endMinute: Math.min(1440, s.startMinute + s.len),
          }));
          const date = new Date(Date.UTC(2026, 11, 1 + dayOffset)).toISOString().slice(0, 10);
          const task = { ...anyTask, when: { date, startMinute: start, endMinute: start + 60 } };
          const whole = checkEligibility({ ...adult, weekly }, task, TODAY);
          const narrowed = checkEligibility(
            { ...adult, weekly: weekly.filter((s) => s.weekday === weekdayOf(date)), statesWeekly: weekly.length > 0 },
            task,
            TODAY,
          );
          assert.deepEqual(narrowed, whole);
        },
      ),
    );
  });

  it('refuses insurance that does not cover the volunteer’s age', () => {
    const old: VolunteerFacts = { ...adult, birthDate: '1950-01-01' };
    assert.deepEqual(checkEligibility(old, { ...anyTask, needsInsurance: true }, TODAY).reasons, ['insurance_missing']);
  });

  it('property: nobody under the task’s minimum age, and no minor at night, is ever eligible', () => {
    fc.assert(
      fc.property(
        fc
          .date({ min: new Date('1940-01-01'), max: new Date('2020-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.integer({ min: 0, max: 90 }),
        fc.boolean(),
        fc.boolean(),
        (birthDate, minAge, night, guardian) => {
          const v = { ...adult, birthDate, hasGuardianConsent: guardian, weekly: [] };
          const r = checkEligibility(v, { ...anyTask, minAge, night }, TODAY);
          const age = registrationAgeRule(birthDate, TODAY).age;
          if (age < minAge) assert.equal(r.eligible, false);
          if (night && age < 18) assert.equal(r.eligible, false);
          if (r.eligible) assert.deepEqual(r.reasons, []);
        },
      ),
    );
  });
});

describe('registration ages', () => {
  it('accepts 9 to 80 by default, with a guardian under 18 whose consent covers the data under 14', () => {
    assert.deepEqual(registrationAgeRule('2017-11-28', TODAY), {
      age: 9,
      accepted: true,
      needsGuardian: true,
      guardianConsentsForData: true,
      mustBeAccompanied: true,
    });
    assert.equal(registrationAgeRule('2017-11-29', TODAY).accepted, false);
    assert.deepEqual(registrationAgeRule('2012-01-01', TODAY), {
      age: 14,
      accepted: true,
      needsGuardian: true,
      guardianConsentsForData: false,
      mustBeAccompanied: false,
    });
    assert.equal(registrationAgeRule('1946-11-28', TODAY).accepted, true);
    assert.equal(registrationAgeRule('1945-11-27', TODAY).accepted, false);
  });
});
