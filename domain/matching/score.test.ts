import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkEligibility, type VolunteerFacts } from '../volunteers/eligibility.ts';
import {
  DEFAULT_MATCH_WEIGHTS,
  rankCandidates,
  taskRequirementsFor,
  type MatchCandidate,
  type MatchNeed,
} from './score.ts';
import { solveExact, solveFast } from './assign.ts';

const TODAY = '2026-11-28';
const facts: VolunteerFacts = {
  status: 'approved',
  birthDate: '1980-05-01',
  fitness: 'good',
  hasGuardianConsent: false,
  trainings: [],
  insurance: [{ startsOn: '2026-01-01', endsOn: '2027-12-31', minAge: null, maxAge: null }],
  weekly: [],
  blackouts: [],
};
const need: MatchNeed = {
  category: 'household',
  skillCode: null,
  when: null,
  buildingId: 'b1',
  gridId: 'g1',
  waitingSince: '2026-11-20T02:00:00Z',
};
const cand = (id: string, over: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id,
  facts,
  gender: 'female',
  skills: [],
  buildingId: null,
  gridId: null,
  load: 0,
  pastServicesForResident: 0,
  ...over,
});
const pts = (r: { parts: Array<{ factor: string; points: number; detail: string }> }) =>
  Object.fromEntries(r.parts.map((p) => [p.detail, p.points]));

describe('rankCandidates', () => {
  it('explains a score in parts that add up: same building +20, helped 3 times +15, 2 open tasks −10', () => {
    const [r] = rankCandidates(
      need,
      [
        cand('v1', {
          buildingId: 'b1',
          gridId: 'g1',
          pastServicesForResident: 3,
          load: 2,
          skills: [{ code: 'plumbing', level: 'skilled' }],
        }),
      ],
      { today: TODAY },
    );
    assert.ok(r);
    assert.deepEqual(pts(r), {
      'match.skill.category': 15,
      'match.availability.any_time': 0,
      'match.nearness.same_building': 20,
      'match.load.open_tasks': -10,
      'match.continuity.past_services': 15,
    });
    assert.equal(r.score, 40);
    assert.deepEqual(r.parts.find((p) => p.factor === 'continuity')?.params, { count: 3 });
  });

  it('ranks by score, then id; leaves out avoided volunteers; honours preferences and weights', () => {
    const n: MatchNeed = {
      ...need,
      preferences: { avoidedVolunteerIds: ['v0'], preferredVolunteerIds: ['v9'], preferredGender: 'male' },
    };
    const list = [
      cand('v0', { buildingId: 'b1' }),
      cand('v3', { gridId: 'g1' }),
      cand('v2', { gridId: 'g1' }),
      cand('v9'),
      cand('v5', { gender: 'male' }),
    ];
    const r = rankCandidates(n, list, { today: TODAY });
    // v9: preferred +25, gender −10 = 15; v5: male +10; v2/v3: same grid +10 and gender −10 = 0.
    assert.deepEqual(
      r.map((x) => [x.volunteerId, x.score]),
      [
        ['v9', 15],
        ['v5', 10],
        ['v2', 0],
        ['v3', 0],
      ],
    );
    const w = rankCandidates(n, list, { today: TODAY, weights: { sameGrid: 50 }, limit: 2 });
    assert.deepEqual(
      w.map((x) => x.volunteerId),
      ['v2', 'v3'],
    );
  });

  it('scores the exact skill above its category, and a stated slot above "any time"', () => {
    const n: MatchNeed = {
      ...need,
      category: 'medical',
      skillCode: 'nurse',
      when: { date: '2026-12-05', startMinute: 600, endMinute: 660 },
    };
    const nurse = cand('a', {
      skills: [{ code: 'nurse', level: 'expert' }],
      facts: { ...facts, weekly: [{ weekday: 6, startMinute: 480, endMinute: 720 }] },
    });
    const other = cand('b', { skills: [{ code: 'first_aid', level: 'expert' }] });
    const r = rankCandidates(n, [nurse, other], { today: TODAY });
    assert.deepEqual(
      r.map((x) => x.volunteerId),
      ['a'],
      'without the named skill, not eligible',
    );
    assert.equal(pts(r[0]!)['match.skill.exact'], DEFAULT_MATCH_WEIGHTS.skillExact.expert);
    assert.equal(pts(r[0]!)['match.availability.slot'], DEFAULT_MATCH_WEIGHTS.availabilityStated);
  });

  it('never offers night work to a minor, and takes an eligibility answer given from outside', () => {
    const teen = cand('t', { facts: { ...facts, birthDate: '2010-01-01', hasGuardianConsent: true } });
    assert.equal(
      rankCandidates({ ...need, when: { date: '2026-12-05', startMinute: 1350, endMinute: 1410 } }, [teen], {
        today: TODAY,
      }).length,
      0,
    );
    assert.equal(
      rankCandidates({ ...need, when: { date: '2026-12-05', startMinute: 600, endMinute: 660 } }, [teen], {
        today: TODAY,
      }).length,
      1,
    );
    assert.deepEqual(
      rankCandidates(need, [cand('x'), cand('y')], { today: TODAY, eligibility: (c) => c.id === 'y' }).map(
        (r) => r.volunteerId,
      ),
      ['y'],
    );
  });

  const factsArb: fc.Arbitrary<VolunteerFacts> = fc.record({
    status: fc.constantFrom('approved', 'pending'),
    birthDate: fc.constantFrom('1950-03-01', '1980-05-01', '2010-01-01', '2016-06-01'),
    fitness: fc.constantFrom('good', 'fair', 'limited') as fc.Arbitrary<VolunteerFacts['fitness']>,
    hasGuardianConsent: fc.boolean(),
    trainings: fc.constantFrom(
      [],
      [{ courseId: 'c1', expiresOn: null }],
      [{ courseId: 'c1', expiresOn: '2026-01-01' }],
    ),
    insurance: fc.constantFrom([], facts.insurance),
    weekly: fc.constantFrom(
      [],
      [{ weekday: 6, startMinute: 480, endMinute: 720 }],
      [{ weekday: 1, startMinute: 0, endMinute: 1440 }],
    ),
    blackouts: fc.constantFrom([], [{ fromDate: '2026-12-01', toDate: '2026-12-10' }]),
  });
  const needArb: fc.Arbitrary<MatchNeed> = fc.record({
    category: fc.constantFrom('household', 'medical') as fc.Arbitrary<MatchNeed['category']>,
    skillCode: fc.constantFrom(null, 'plumbing', 'nurse'),
    when: fc.constantFrom(
      null,
      { date: '2026-12-05', startMinute: 600, endMinute: 660 },
      { date: '2026-12-07', startMinute: 1380, endMinute: 1430 },
    ),
    buildingId: fc.constantFrom('b1', 'b2'),
    gridId: fc.constantFrom('g1', 'g2'),
    waitingSince: fc.constant('2026-11-20T00:00:00Z'),
    requirements: fc.record({
      minAge: fc.constantFrom(0, 18),
      minFitness: fc.constantFrom('limited', 'fair') as fc.Arbitrary<'limited' | 'fair'>,
      trainingCourseIds: fc.constantFrom([], ['c1']),
      needsInsurance: fc.boolean(),
    }),
  });
  const candArb = (id: string) =>
    fc.record({
      id: fc.constant(id),
      facts: factsArb,
      gender: fc.constantFrom('male', 'female', null) as fc.Arbitrary<MatchCandidate['gender']>,
      skills: fc.subarray([
        { code: 'plumbing', level: 'basic' as const },
        { code: 'nurse', level: 'expert' as const },
        { code: 'cooking', level: 'skilled' as const },
      ]),
      buildingId: fc.constantFrom('b1', 'b2', null),
      gridId: fc.constantFrom('g1', 'g2', null),
      load: fc.integer({ min: 0, max: 4 }),
      pastServicesForResident: fc.integer({ min: 0, max: 6 }),
    });
  const eligible = (n: MatchNeed, c: MatchCandidate) =>
    checkEligibility({ ...c.facts, skills: c.skills.map((s) => s.code) }, taskRequirementsFor(n), TODAY).eligible;

  it('property: only eligible, non-avoided volunteers are ranked; parts sum to the score; order: score, id', () => {
    const weightsArb = fc.record({
      sameBuilding: fc.integer({ min: -5, max: 50 }),
      sameGrid: fc.integer({ min: -5, max: 50 }),
      loadPerOpenTask: fc.integer({ min: -20, max: 0 }),
      availabilityUnstated: fc.integer({ min: 0, max: 10 }),
      genderMismatch: fc.integer({ min: -30, max: 0 }),
      continuityMax: fc.integer({ min: 0, max: 40 }),
    });
    const prefsArb = fc.record({
      preferredGender: fc.constantFrom('male', 'female', null) as fc.Arbitrary<'male' | 'female' | null>,
      preferred: fc.boolean(),
    });
    fc.assert(
      fc.property(
        needArb,
        fc
          .array(fc.integer({ min: 0, max: 99 }), { maxLength: 8 })
          .chain((ids) => fc.tuple(...[...new Set(ids)].map((k) => candArb(`v${k}`)))),
        fc.boolean(),
        weightsArb,
        prefsArb,
        (n, cs, avoidFirst, weights, prefs) => {
          const avoided = avoidFirst && cs[0] ? [cs[0].id] : [];
          const preferredVolunteerIds = prefs.preferred && cs[1] ? [cs[1].id] : [];
          const r = rankCandidates(
            {
              ...n,
              preferences: {
                avoidedVolunteerIds: avoided,
                preferredVolunteerIds,
                preferredGender: prefs.preferredGender,
              },
            },
            cs,
            { today: TODAY, weights },
          );
          const expected = cs
            .filter((c) => !avoided.includes(c.id) && eligible(n, c))
            .map((c) => c.id)
            .sort();
          assert.deepEqual(r.map((x) => x.volunteerId).sort(), expected);
          for (const x of r)
            assert.equal(
              x.parts.reduce((s, p) => s + p.points, 0),
              x.score,
            );
          for (let i = 1; i < r.length; i++)
            assert.ok(
              r[i - 1]!.score > r[i]!.score ||
                (r[i - 1]!.score === r[i]!.score && r[i - 1]!.volunteerId < r[i]!.volunteerId),
            );
        },
      ),
    );
  });

  it('property: a lone eligible volunteer is always found and assigned; an ineligible one never is', () => {
    // Half the lone volunteers meet every requirement the generator can ask for, so both branches are exercised.
    const fitFacts: VolunteerFacts = { ...facts, trainings: [{ courseId: 'c1', expiresOn: null }] };
    const able = candArb('v1').map((c) => ({
      ...c,
      facts: fitFacts,
      skills: [
        { code: 'plumbing', level: 'basic' as const },
        { code: 'nurse', level: 'skilled' as const },
      ],
    }));
    fc.assert(
      fc.property(
        needArb,
        fc.oneof(able, candArb('v1')),
        fc.array(candArb('x'), { maxLength: 5 }),
        (n, lone, others) => {
          const ineligible = others.map((c, k) => ({ ...c, id: `x${k}` })).filter((c) => !eligible(n, c));
          const ranked = rankCandidates(n, [...ineligible, lone], { today: TODAY });
          const problem = (list: typeof ranked) => ({
            needs: [
              {
                id: 'n1',
                waitingSince: n.waitingSince,
                candidates: list.map((r) => ({ volunteerId: r.volunteerId, fit: r.score })),
              },
            ],
            capacity: new Map([['v1', 1], ...ineligible.map((c) => [c.id, 3] as [string, number])]),
            now: '2026-11-28T00:00:00Z',
          });
          if (eligible(n, lone)) {
            assert.deepEqual(
              ranked.map((r) => r.volunteerId),
              ['v1'],
            );
            for (const solve of [solveFast, solveExact])
              assert.deepEqual(
                solve(problem(ranked)).assignments.map((a) => a.volunteerId),
                ['v1'],
              );
          } else {
            assert.deepEqual(ranked, []);
            assert.deepEqual(solveFast(problem(ranked)).assignments, []);
          }
        },
      ),
    );
  });
});
