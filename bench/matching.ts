// Batch matching: 10,000 open needs to 20,000 volunteers, load cap 3.
//   (a) ranking: rankCandidates over each need's local candidate list (10–40 volunteers drawn near the
//       resident: same building, same grid, neighbouring grids), eligibility included;
//   (b) the optimal assignment (solveFast) — goal: ranking + assignment < 10 s, peak memory < 1 GB;
//   (c) first-come, first-served on the same lists: total fit, needs matched, waiting of those left out;
//   (d) exactness: on instances small enough for the plain min-cost flow (200 needs × 300 volunteers,
//       contested), solveFast's total equals solveExact's.
// Synthetic, seeded data; nothing is read from or written to disk.
//
//   node --import tsx bench/matching.ts [--needs 10000] [--volunteers 20000] [--seed 1]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { isMain, runStandalone, type Figure } from './lib.ts';
import { rankCandidates, type MatchCandidate, type MatchNeed } from '../domain/matching/score.ts';
import {
  compare,
  firstComeFirstServed,
  solveExact,
  solveFast,
  violations,
  type BatchNeed,
  type BatchProblem,
} from '../domain/matching/assign.ts';
import type { VolunteerFacts } from '../domain/volunteers/eligibility.ts';
import { SKILLS, SKILL_CATEGORIES, SKILL_LEVELS } from '../domain/volunteers/skills.ts';

const GOAL_MS = 10_000;
const GOAL_MB = 1024;
const LOAD_CAP = 3;
const TODAY = '2026-11-28';
const NOW = '2026-11-28T04:00:00Z';

/** mulberry32: a small seeded generator, so every run measures the same city. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface City {
  candidates: MatchCandidate[];
  byGrid: number[][];
  byBuilding: Map<string, number[]>;
  side: number;
}

function makeCity(volunteers: number, rand: () => number): City {
  // Grids on a square lattice (neighbours = the 8 around), 20 buildings each; about one grid per 200 volunteers.
  const side = Math.max(1, Math.round(Math.sqrt(volunteers / 200)));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const insured = [{ startsOn: '2026-01-01', endsOn: '2027-12-31', minAge: null, maxAge: null }];
  const candidates: MatchCandidate[] = [];
  const byGrid: number[][] = Array.from({ length: side * side }, () => []);
  const byBuilding = new Map<string, number[]>();
  for (let k = 0; k < volunteers; k++) {
    const g = Math.floor(rand() * side * side);
    const known = rand() < 0.92;
    const building = known ? `g${g}-b${Math.floor(rand() * 20)}` : null;
    const facts: VolunteerFacts = {
      status: rand() < 0.95 ? 'approved' : 'pending',
      birthDate: `${1946 + Math.floor(rand() * 70)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
      fitness: pick(['good', 'good', 'fair', 'limited'] as const),
      hasGuardianConsent: rand() < 0.8,
      trainings: rand() < 0.4 ? [{ courseId: 'escort', expiresOn: rand() < 0.9 ? '2027-06-30' : '2026-01-01' }] : [],
      insurance: rand() < 0.85 ? insured : [],
      weekly:
        rand() < 0.5
          ? []
          : [
              { weekday: 1 + Math.floor(rand() * 7), startMinute: 480, endMinute: 1260 },
              { weekday: 6, startMinute: 480, endMinute: 1080 },
            ],
      blackouts: rand() < 0.03 ? [{ fromDate: '2026-11-20', toDate: '2026-12-31' }] : [],
    };
    const skills = [];
    const nSkills = rand() < 0.3 ? 0 : 1 + Math.floor(rand() * 3);
    for (let s = 0; s < nSkills; s++) skills.push({ code: pick(SKILLS).code, level: pick(SKILL_LEVELS) });
    facts.skills = skills.map((s) => s.code);
    candidates.push({
      id: `vol-${String(k).padStart(6, '0')}`,
      facts,
      gender: rand() < 0.55 ? 'female' : 'male',
      skills,
      buildingId: building,
      gridId: known ? `g${g}` : null,
      load: Math.floor(rand() * (LOAD_CAP + 1)),
      pastServicesForResident: 0,
    });
    byGrid[g]!.push(k);
    if (building) {
      let b = byBuilding.get(building);
      if (!b) byBuilding.set(building, (b = []));
      b.push(k);
    }
  }
  return { candidates, byGrid, byBuilding, side };
}

interface Instance {
  problem: BatchProblem;
  rankMs: number;
  meanCandidates: number;
  meanEligible: number;
}

/** Needs cluster in older neighbourhoods (a tenth of the grids holds half of them), as the case study's do. */
function makeInstance(needs: number, city: City, rand: () => number): Instance {
  const { side, byGrid, byBuilding, candidates } = city;
  const grids = side * side;
  const hot = Math.max(1, Math.floor(grids / 10));
  const batch: BatchNeed[] = [];
  let rankMs = 0,
    drawn = 0,
    kept = 0;
  const capacity = new Map(candidates.map((c) => [c.id, LOAD_CAP - c.load]));
  for (let i = 0; i < needs; i++) {
    const g = rand() < 0.5 ? Math.floor(rand() * hot) : Math.floor(rand() * grids);
    const building = `g${g}-b${Math.floor(rand() * 20)}`;
    const gx = g % side,
      gy = Math.floor(g / side);
    const near: number[] = [];
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        const x = gx + dx,
          y = gy + dy;
        if ((dx || dy) && x >= 0 && y >= 0 && x < side && y < side) near.push(y * side + x);
      }
    // 10–40 distinct candidates: from the building, the grid, then the neighbouring grids.
    const want = 10 + Math.floor(rand() * 31);
    const chosen = new Set<number>();
    const from = (pool: readonly number[] | undefined, n: number) => {
      if (!pool?.length) return;
      for (let t = 0; t < n * 3 && chosen.size < want && n > 0; t++) {
        const v = pool[Math.floor(rand() * pool.length)]!;
        if (!chosen.has(v)) {
          chosen.add(v);
          n--;
        }
      }
    };
    from(byBuilding.get(building), Math.ceil(want * 0.15));
    from(byGrid[g], Math.ceil(want * 0.5));
    for (let t = 0; t < 200 && chosen.size < want; t++) from(byGrid[near[Math.floor(rand() * near.length)] ?? g], 1);
    const list: MatchCandidate[] = [];
    for (const v of chosen) {
      const c = candidates[v]!;
      list.push(rand() < 0.05 ? { ...c, pastServicesForResident: 1 + Math.floor(rand() * 5) } : c);
    }
    const skilled = rand() < 0.3;
    const skill = SKILLS[Math.floor(rand() * SKILLS.length)]!;
    const need: MatchNeed = {
      category: skilled ? skill.category : SKILL_CATEGORIES[Math.floor(rand() * SKILL_CATEGORIES.length)]!,
      skillCode: skilled ? skill.code : null,
      when:
        rand() < 0.5
          ? {
              date: `2026-12-0${1 + Math.floor(rand() * 9)}`,
              startMinute: 540 + 60 * Math.floor(rand() * 8),
              endMinute: 0,
            }
          : null,
      buildingId: building,
      gridId: `g${g}`,
      waitingSince: new Date(Date.parse(NOW) - rand() * rand() * 45 * 86_400_000).toISOString(),
      preferences:
        rand() < 0.1
          ? { preferredGender: rand() < 0.7 ? 'female' : 'male', avoidedVolunteerIds: list.length ? [list[0]!.id] : [] }
          : undefined,
      requirements:
        rand() < 0.2
          ? { minAge: 18, needsInsurance: true, trainingCourseIds: rand() < 0.3 ? ['escort'] : [] }
          : undefined,
    };
    if (need.when) need.when.endMinute = need.when.startMinute + 60 + 30 * Math.floor(rand() * 4);
    const t0 = performance.now();
    const ranked = rankCandidates(need, list, { today: TODAY });
    rankMs += performance.now() - t0;
    drawn += list.length;
    kept += ranked.length;
    batch.push({
      id: `need-${String(i).padStart(6, '0')}`,
      waitingSince: need.waitingSince,
      candidates: ranked.map((r) => ({ volunteerId: r.volunteerId, fit: r.score })),
    });
  }
  return {
    problem: { needs: batch, capacity, now: NOW },
    rankMs,
    meanCandidates: drawn / needs,
    meanEligible: kept / needs,
  };
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export async function matchingBench(needs = 10_000, volunteers = 20_000, seed = 1): Promise<Figure[]> {
  const B = 'matching';
  const rand = rng(seed);
  const city = makeCity(volunteers, rand);
  const inst = makeInstance(needs, city, rand);
  const p = inst.problem;

  const t0 = performance.now();
  const optimal = solveFast(p);
  const solveMs = performance.now() - t0;
  const t1 = performance.now();
  const fcfs = firstComeFirstServed(p);
  const fcfsMs = performance.now() - t1;
  const heapMb = mb(process.memoryUsage().heapUsed);
  const rssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  const broken = violations(p, optimal).length + violations(p, fcfs).length;
  const cmp = compare(optimal, fcfs, p);
  const total = inst.rankMs + solveMs;

  // (d) exactness on contested small instances: 200 needs, 300 volunteers, few free places.
  const exactRows: Array<{ fast: number; exact: number; fastMs: number; exactMs: number; fcfs: number }> = [];
  for (let s = 0; s < 5; s++) {
    const r = rng(seed * 1000 + s);
    const smallCity = makeCity(300, r);
    for (const c of smallCity.candidates) c.load = 1 + Math.floor(r() * LOAD_CAP); // free places 0–2
    const small = makeInstance(200, smallCity, r).problem;
    const a = performance.now();
    const fast = solveFast(small);
    const b = performance.now();
    const exact = solveExact(small);
    const c = performance.now();
    if (violations(small, fast).length || violations(small, exact).length)
      throw new Error('a small instance broke a capacity');
    exactRows.push({
      fast: fast.objective,
      exact: exact.objective,
      fastMs: b - a,
      exactMs: c - b,
      fcfs: firstComeFirstServed(small).objective,
    });
  }
  for (const [k, row] of exactRows.entries())
    console.log(
      `  small instance ${k + 1}: solveFast ${row.fast} (${row.fastMs.toFixed(1)} ms)  solveExact ${row.exact} ` +
        `(${row.exactMs.toFixed(0)} ms)  fcfs ${row.fcfs}`,
    );
  const allEqual = exactRows.every((r) => r.fast === r.exact);

  const o = cmp.result,
    f = cmp.fcfs;
  const d1 = (x: number) => x.toFixed(1);
  return [
    {
      bench: B,
      name: `(a) rank candidates of ${needs} needs (pure)`,
      value: inst.rankMs,
      unit: 'ms',
      goal: '',
      pass: null,
      note: `${d1(inst.meanCandidates)} drawn, ${d1(inst.meanEligible)} eligible per need`,
    },
    {
      bench: B,
      name: `(b) optimal assignment, ${needs} needs × ${volunteers} volunteers`,
      value: solveMs,
      unit: 'ms',
      goal: '',
      pass: null,
      note: `${p.needs.reduce((s, n) => s + n.candidates.length, 0)} candidate pairs`,
    },
    {
      bench: B,
      name: '(b) ranking + assignment',
      value: total,
      unit: 'ms',
      goal: `< ${GOAL_MS / 1000} s`,
      pass: total < GOAL_MS,
    },
    {
      bench: B,
      name: '(b) peak memory (maxRSS, whole process)',
      value: rssMb,
      unit: 'MB',
      goal: `< ${GOAL_MB} MB`,
      pass: rssMb < GOAL_MB,
      note: `heap in use ${d1(heapMb)} MB`,
    },
    {
      bench: B,
      name: '(b) capacity violations (optimal + FCFS)',
      value: broken,
      unit: '',
      goal: '0',
      pass: broken === 0,
    },
    {
      bench: B,
      name: '(c) needs matched: optimal / FCFS',
      value: o.matched,
      unit: '',
      goal: '≥ FCFS',
      pass: o.matched >= f.matched,
      note: `FCFS ${f.matched} of ${needs}`,
    },
    {
      bench: B,
      name: '(c) total fit: optimal / FCFS',
      value: o.totalFit,
      unit: '',
      goal: '',
      pass: null,
      note: `FCFS ${f.totalFit}; mean fit ${d1(o.meanFit)} vs ${d1(f.meanFit)}`,
    },
    {
      bench: B,
      name: '(c) objective (serve + fit + wait): optimal / FCFS',
      value: o.objective,
      unit: '',
      goal: '≥ FCFS',
      pass: o.objective >= f.objective,
      note: `FCFS ${f.objective}`,
    },
    {
      bench: B,
      name: '(c) unmatched, mean days waited: optimal',
      value: o.meanWaitUnmatchedDays,
      unit: 'd',
      goal: '',
      pass: null,
      note:
        `max ${d1(o.maxWaitUnmatchedDays)} d; FCFS mean ${d1(f.meanWaitUnmatchedDays)} d, max ` +
        `${d1(f.maxWaitUnmatchedDays)} d`,
    },
    {
      bench: B,
      name: '(c) of which unservable (no candidate with a free place)',
      value: o.unservable ?? null,
      unit: '',
      goal: '',
      pass: null,
      note: 'the same for every solver',
    },
    {
      bench: B,
      name: '(c) left out though servable: optimal',
      value: o.leftOut ?? null,
      unit: '',
      goal: '≤ FCFS',
      pass: (o.leftOut ?? 0) <= (f.leftOut ?? 0),
      note:
        `waited mean ${d1(o.meanWaitLeftOutDays ?? 0)} d, max ${d1(o.maxWaitLeftOutDays ?? 0)} d; FCFS ` +
        `${f.leftOut} left out, mean ${d1(f.meanWaitLeftOutDays ?? 0)} d, max ${d1(f.maxWaitLeftOutDays ?? 0)} d`,
    },
    { bench: B, name: '(c) first-come, first-served time', value: fcfsMs, unit: 'ms', goal: '', pass: null },
    {
      bench: B,
      name: '(d) solveFast = solveExact, 5 × (200 needs × 300 vol.)',
      value: exactRows.filter((r) => r.fast === r.exact).length,
      unit: `/ ${exactRows.length}`,
      goal: 'all equal',
      pass: allEqual,
      note:
        `objectives ${exactRows.map((r) => r.exact).join(', ')}; exact ` +
        `${d1(exactRows.reduce((s, r) => s + r.exactMs, 0) / exactRows.length)} ms vs fast ` +
        `${d1(exactRows.reduce((s, r) => s + r.fastMs, 0) / exactRows.length)} ms each`,
    },
  ];
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      needs: { type: 'string', default: '10000' },
      volunteers: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
  });
  await runStandalone('Batch matching of open needs to volunteers', () =>
    matchingBench(Number(values.needs) || 10_000, Number(values.volunteers) || 20_000, Number(values.seed) || 1),
  );
}
