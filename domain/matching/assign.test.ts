import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compare,
  DEFAULT_BATCH_WEIGHTS,
  firstComeFirstServed,
  solveExact,
  solveFast,
  violations,
  type BatchProblem,
  type BatchWeights,
} from './assign.ts';

const NOW = '2026-11-28T00:00:00Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString();
const pairs = (r: { assignments: Array<{ needId: string; volunteerId: string }> }) =>
  r.assignments.map((a) => `${a.needId}:${a.volunteerId}`).sort();

/** The best total benefit by trying every choice (tiny instances only). */
function bruteForce(p: BatchProblem, w: BatchWeights = DEFAULT_BATCH_WEIGHTS): number {
  const cap = p.capacity as ReadonlyMap<string, number>;
  const used = new Map<string, number>();
  const nowMs = Date.parse(p.now as string);
  let best = 0;
  const go = (k: number, total: number) => {
    if (k === p.needs.length) {
      best = Math.max(best, total);
      return;
    }
    const need = p.needs[k]!;
    go(k + 1, total);
    const wait =
      w.waitPointsPerDay * Math.floor(Math.max(0, nowMs - Date.parse(need.waitingSince as string)) / 86_400_000);
    const tried = new Set<string>();
    for (const c of need.candidates) {
      if (tried.has(c.volunteerId)) continue;
      tried.add(c.volunteerId);
      const bestFit = Math.max(...need.candidates.filter((x) => x.volunteerId === c.volunteerId).map((x) => x.fit));
      const u = used.get(c.volunteerId) ?? 0;
      if (u >= (cap.get(c.volunteerId) ?? 0)) continue;
      used.set(c.volunteerId, u + 1);
      go(k + 1, total + w.serveBonus + bestFit + wait);
      used.set(c.volunteerId, u);
    }
  };
  go(0, 0);
  return best;
}

const problemArb = (maxNeeds: number, maxVols: number, maxCands: number): fc.Arbitrary<BatchProblem> =>
  fc
    .integer({ min: 1, max: maxVols })
    .chain((nv) =>
      fc.record({
        caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: nv, maxLength: nv }),
        needs: fc.array(
          fc.record({
            wait: fc.integer({ min: 0, max: 40 }),
            cands: fc.array(
              fc.record({ v: fc.integer({ min: 0, max: nv - 1 }), fit: fc.integer({ min: -60, max: 150 }) }),
              { maxLength: maxCands },
            ),
          }),
          { minLength: 1, maxLength: maxNeeds },
        ),
      }),
    )
    .map(({ caps, needs }) => ({
      now: NOW,
      capacity: new Map(caps.map((c, j) => [`v${j}`, c])),
      needs: needs.map((n, i) => ({
        id: `n${i}`,
        waitingSince: daysAgo(n.wait + 0.5),
        candidates: n.cands.map((c) => ({ volunteerId: `v${c.v}`, fit: c.fit })),
      })),
    }));
const weightsArb: fc.Arbitrary<BatchWeights> = fc.record({
  serveBonus: fc.integer({ min: 0, max: 300 }),
  waitPointsPerDay: fc.integer({ min: 0, max: 20 }),
});

describe('batch assignment', () => {
  it('gives a contested volunteer to the need that has waited longer, unless the other fits far better', () => {
    const p = (fitNew: number): BatchProblem => ({
      now: NOW,
      capacity: new Map([['v', 1]]),
      needs: [
        { id: 'new', waitingSince: daysAgo(0), candidates: [{ volunteerId: 'v', fit: fitNew }] },
        { id: 'old', waitingSince: daysAgo(10), candidates: [{ volunteerId: 'v', fit: 40 }] },
      ],
    });
    // 10 days × 5 points = 50: the old need wins unless the new one fits better by more than 50.
    for (const solve of [solveFast, solveExact]) {
      assert.deepEqual(pairs(solve(p(60))), ['old:v']);
      assert.deepEqual(pairs(solve(p(95))), ['new:v']);
    }
    // First come, first served gives it to the oldest whatever the fit; without the wait weight the optimum takes the
    // better fit.
    assert.deepEqual(pairs(firstComeFirstServed(p(95))), ['old:v']);
    assert.deepEqual(pairs(solveFast(p(60), { waitPointsPerDay: 0 })), ['new:v']);
  });

  it('serves more needs rather than giving one a slightly better fit, and beats first-come, first-served', () => {
    // A (older) likes v best; B can only take v. FCFS gives v to A and leaves B out.
    const p: BatchProblem = {
      now: NOW,
      capacity: new Map([
        ['v', 1],
        ['w', 1],
      ]),
      needs: [
        {
          id: 'A',
          waitingSince: daysAgo(3),
          candidates: [
            { volunteerId: 'v', fit: 60 },
            { volunteerId: 'w', fit: 30 },
          ],
        },
        { id: 'B', waitingSince: daysAgo(1), candidates: [{ volunteerId: 'v', fit: 50 }] },
      ],
    };
    assert.deepEqual(pairs(solveFast(p)), ['A:w', 'B:v']);
    assert.deepEqual(pairs(solveExact(p)), ['A:w', 'B:v']);
    const fcfs = firstComeFirstServed(p);
    assert.deepEqual(pairs(fcfs), ['A:v']);
    const cmp = compare(solveFast(p), fcfs);
    assert.equal(cmp.gain.matched, 1);
    assert.equal(cmp.result.totalFit, 80);
    assert.equal(cmp.fcfs.unmatched, 1);
    assert.ok(Math.abs(cmp.fcfs.maxWaitUnmatchedDays - 1) < 1e-9);
    assert.equal(cmp.result.maxWaitUnmatchedDays, 0);
  });

  it('counts a volunteer listed twice once, skips volunteers without capacity, and refuses non-integer fits', () => {
    const p: BatchProblem = {
      now: NOW,
      capacity: { v: 1 },
      needs: [
        {
          id: 'a',
          waitingSince: NOW,
          candidates: [
            { volunteerId: 'v', fit: 5 },
            { volunteerId: 'v', fit: 9 },
            { volunteerId: 'full', fit: 99 },
          ],
        },
      ],
    };
    for (const solve of [solveFast, solveExact, firstComeFirstServed])
      assert.deepEqual(
        solve(p).assignments.map((a) => [a.volunteerId, a.fit]),
        [['v', 9]],
      );
    assert.throws(
      () => solveFast({ ...p, needs: [{ id: 'a', waitingSince: NOW, candidates: [{ volunteerId: 'v', fit: 1.5 }] }] }),
      RangeError,
    );
  });

  it('property: the exact solver equals brute force on tiny instances', () => {
    fc.assert(
      fc.property(problemArb(6, 4, 3), weightsArb, (p, w) => {
        assert.equal(solveExact(p, w).objective, bruteForce(p, w));
      }),
      { numRuns: 300 },
    );
  });

  it('property: no volunteer over capacity; fast solver = exact optimum; optimum ≥ first-come, first-served', () => {
    fc.assert(
      fc.property(problemArb(25, 12, 6), weightsArb, (p, w) => {
        const fast = solveFast(p, w),
          exact = solveExact(p, w),
          fcfs = firstComeFirstServed(p, w);
        for (const r of [fast, exact, fcfs]) assert.deepEqual(violations(p, r), []);
        assert.equal(fast.objective, exact.objective);
        assert.ok(fast.objective >= fcfs.objective);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with fit alone as the objective, the optimal total fit is ≥ first-come, first-served’s', () => {
    fc.assert(
      fc.property(problemArb(25, 12, 6), (p) => {
        // Negative fits would be refused by the optimum but taken by FCFS: compare on fits ≥ 0.
        const q = {
          ...p,
          needs: p.needs.map((n) => ({ ...n, candidates: n.candidates.map((c) => ({ ...c, fit: Math.abs(c.fit) })) })),
        };
        const w = { serveBonus: 0, waitPointsPerDay: 0 };
        assert.ok(solveFast(q, w).totalFit >= firstComeFirstServed(q, w).totalFit);
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: the same problem gives the same pairs', () => {
    fc.assert(
      fc.property(problemArb(20, 8, 5), (p) => {
        assert.deepEqual(pairs(solveFast(p)), pairs(solveFast({ ...p, needs: [...p.needs] })));
      }),
      { numRuns: 50 },
    );
  });
});
