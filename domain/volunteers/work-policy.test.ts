import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { VolunteerFacts } from './eligibility.ts';
import {
  checkWork,
  companionRefusal,
  decide,
  KIND_POLICY,
  OVERRIDABLE,
  requirementsOfWork,
  WORK_KINDS,
  type Work,
  type WorkKind,
} from './work-policy.ts';

const TODAY = '2026-12-05';
const DAY = '2026-12-23';
const adult: VolunteerFacts = {
  status: 'approved',
  birthDate: '1980-05-01',
  fitness: 'good',
  hasGuardianConsent: false,
  trainings: [],
  insurance: [{ startsOn: '2026-01-01', endsOn: '2026-12-31', minAge: null, maxAge: null }],
  weekly: [],
  blackouts: [],
};
const uninsured: VolunteerFacts = { ...adult, insurance: [] };
const child12: VolunteerFacts = { ...adult, birthDate: '2014-06-01', hasGuardianConsent: true };
const teen16: VolunteerFacts = { ...adult, birthDate: '2010-06-01', hasGuardianConsent: true };
const at = (startMinute: number, endMinute: number) => ({ date: DAY, startMinute, endMinute });

describe('work policy: one gate for every kind of work', () => {
  it('refuses a 12-year-old everything the issue found, each with its reason', () => {
    const cases: Array<[Work, string[]]> = [
      [
        { kind: 'hospital_shift', when: at(20 * 60, 32 * 60), adultResident: true },
        ['minor_hospital', 'minor_overnight'],
      ],
      [{ kind: 'homecare_task', personalCare: true, adultResident: true }, ['minor_personal_care']],
      [{ kind: 'classroom_rota', when: at(16 * 60 + 30, 18 * 60 + 30) }, ['too_young']],
      [{ kind: 'pairing', adultResident: true }, ['minor_alone_with_adult']],
      [{ kind: 'activity_shift', when: at(22 * 60 + 5, 23 * 60) }, ['minor_late_hours']],
    ];
    for (const [work, expected] of cases) {
      const r = checkWork(child12, work, TODAY);
      assert.equal(r.eligible, false, work.kind);
      for (const reason of expected) assert.ok(r.reasons.includes(reason as never), `${work.kind}: ${reason}`);
      assert.equal(r.overridable, false, 'minors’ safety is never overridden');
      assert.equal(decide(r, { reason: 'short of hands' }).allowed, false);
    }
  });

  it('lets a minor do a daytime group activity and deliver with others', () => {
    assert.deepEqual(checkWork(child12, { kind: 'activity_shift', when: at(9 * 60, 11 * 60) }, TODAY).reasons, []);
    assert.deepEqual(checkWork(child12, { kind: 'delivery', when: at(9 * 60, 11 * 60) }, TODAY).reasons, []);
    assert.deepEqual(checkWork(teen16, { kind: 'pairing', adultResident: false }, TODAY).reasons, []);
  });

  it('needs insurance for hospital shifts and overnight work', () => {
    assert.deepEqual(checkWork(uninsured, { kind: 'hospital_shift', when: at(8 * 60, 20 * 60) }, TODAY).reasons, [
      'insurance_missing',
    ]);
    assert.deepEqual(checkWork(uninsured, { kind: 'need', when: at(20 * 60, 32 * 60) }, TODAY).reasons, [
      'insurance_missing',
    ]);
    assert.deepEqual(checkWork(uninsured, { kind: 'need', when: at(9 * 60, 10 * 60) }, TODAY).reasons, []);
    assert.deepEqual(checkWork(adult, { kind: 'hospital_shift', when: at(20 * 60, 32 * 60) }, TODAY).reasons, []);
  });

  it('guardian consent is never overridden', () => {
    const r = checkWork({ ...child12, hasGuardianConsent: false }, { kind: 'delivery' }, TODAY);
    assert.deepEqual(r.reasons, ['guardian_missing']);
    assert.equal(decide(r, { reason: 'parent said yes on the phone' }).allowed, false);
  });

  it('staff override availability and training with a reason, not without', () => {
    const busy: VolunteerFacts = { ...adult, weekly: [{ weekday: 1, startMinute: 540, endMinute: 600 }] };
    const r = checkWork(busy, { kind: 'need', when: at(9 * 60, 10 * 60) }, TODAY); // 12-23 is a Wednesday
    assert.deepEqual(r.reasons, ['unavailable']);
    assert.equal(r.overridable, true);
    assert.equal(decide(r).allowed, false);
    assert.equal(decide(r, { reason: '  ' }).allowed, false);
    assert.deepEqual(decide(r, { reason: 'she phoned: free that morning' }), {
      allowed: true,
      overridden: ['unavailable'],
      refused: [],
    });
    const untrained = checkWork(
      adult,
      {
        kind: 'homecare_task',
        serviceType: {
          minAge: 18,
          maxAge: 70,
          minFitness: 'fair',
          trainingCourseIds: ['c1'],
          needsInsurance: false,
          night: false,
        },
      },
      TODAY,
    );
    assert.deepEqual(untrained.reasons, ['training_missing']);
    assert.equal(decide(untrained, { reason: 'trained last week, certificate pending' }).allowed, true);
  });

  it('a service type only tightens a kind’s policy', () => {
    const r = requirementsOfWork({
      kind: 'hospital_shift',
      serviceType: {
        minAge: 9,
        maxAge: 90,
        minFitness: 'limited',
        trainingCourseIds: [],
        needsInsurance: false,
        night: false,
      },
    });
    assert.equal(r.minAge, 18);
    assert.equal(r.maxAge, 70);
    assert.equal(r.minFitness, 'fair');
    assert.equal(r.needsInsurance, true);
  });

  it('property: no minor is ever allowed overnight, late, on personal care, in hospital or alone with an adult', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<WorkKind>(...WORK_KINDS),
        fc.integer({ min: 9, max: 17 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 15, max: 840 }),
        fc.boolean(),
        fc.boolean(),
        fc.string(),
        (kind, age, start, len, personalCare, adultResident, reason) => {
          const v = { ...adult, birthDate: `${2026 - age - 1}-12-31`, hasGuardianConsent: true };
          const when = at(start, start + len);
          const work: Work = { kind, when, personalCare, adultResident };
          const d = decide(checkWork(v, work, TODAY), { reason: reason || 'x' });
          const unsafe =
            start < 360 ||
            start + len > 1260 ||
            personalCare ||
            kind === 'hospital_shift' ||
            (KIND_POLICY[kind].oneToOne && adultResident) ||
            age < KIND_POLICY[kind].minAge;
          if (unsafe) assert.equal(d.allowed, false);
          for (const r of d.overridden) assert.ok(OVERRIDABLE.has(r));
        },
      ),
    );
  });
});

describe('work policy: 小小志愿者 (a minor with an accompanying adult)', () => {
  const junior = (companion: Work['companion']): Work => ({
    kind: 'activity_shift',
    when: at(9 * 60, 11 * 60),
    juniorVolunteers: true,
    companion,
  });
  const parent = { birthDate: '1984-03-02', sameHousehold: true, signedUpVolunteer: false };
  const neighbour = { birthDate: '1975-01-01', sameHousehold: false, signedUpVolunteer: false };
  const volunteer = { birthDate: '1990-01-01', sameHousehold: false, signedUpVolunteer: true };

  it('refuses a minor without an adult, and one naming neither family nor a volunteer signed up', () => {
    assert.deepEqual(checkWork(child12, junior(null), TODAY).reasons, ['junior_adult_required']);
    assert.deepEqual(checkWork(child12, junior(neighbour), TODAY).reasons, ['junior_adult_invalid']);
    const r = checkWork(teen16, junior(undefined), TODAY);
    assert.equal(r.overridable, false, 'a minor’s companion is never overridden');
  });

  it('accepts a household adult or an adult volunteer on the same shift', () => {
    assert.deepEqual(checkWork(child12, junior(parent), TODAY).reasons, []);
    assert.deepEqual(checkWork(child12, junior(volunteer), TODAY).reasons, []);
  });

  it('refuses a companion who is not yet 18 on the day, even of the household', () => {
    const sibling17 = { ...parent, birthDate: '2009-12-24' };
    assert.equal(companionRefusal(sibling17, DAY), 'junior_adult_invalid'); // 17 on 2026-12-23
    assert.equal(companionRefusal(sibling17, '2027-12-24'), null); // 18 that day
  });

  it('takes age on the activity day: a volunteer turning 18 before it needs nobody', () => {
    const almost: VolunteerFacts = { ...adult, birthDate: '2008-12-20', hasGuardianConsent: false };
    assert.deepEqual(checkWork(almost, junior(null), TODAY).reasons, []);
  });

  it('asks adults for nothing, and leaves other activities as they were', () => {
    assert.deepEqual(checkWork(adult, junior(null), TODAY).reasons, []);
    const plain: Work = { kind: 'activity_shift', when: at(9 * 60, 11 * 60) };
    assert.deepEqual(checkWork(child12, plain, TODAY).reasons, []);
    assert.deepEqual(checkWork(child12, { ...plain, companion: null }, TODAY).reasons, []);
  });
});
