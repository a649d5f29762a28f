// Batch matching: all open needs at once, each to at most one volunteer, no volunteer over their free places.
//
// The idea, in plain words. Every possible pairing (need i, volunteer j) is worth
//     benefit = serveBonus + fit(i, j) + waitPointsPerDay × (whole days need i has waited)
// and we pick the set of pairings with the largest total benefit. The three terms say what we want, in order:
//   - serveBonus: serving one more need is worth more than the gap between any two fits rankCandidates gives
//     (its scores span about −30 to 120), so nobody is left out to give someone else a slightly better match;
//   - fit: among ways of serving the same needs, the best-fitting volunteers (skill, nearness, load…);
//   - waiting: a need that has waited d days more is worth waitPointsPerDay × d more, the same whoever serves
//     it — so it changes nothing while volunteers are plentiful, and when two needs contest the last free
//     place of a volunteer, the one waiting longer wins unless the other fits better by more than its wait.
// This is a maximum-weight "b-matching" (each volunteer may take up to b needs), the same as a min-cost flow:
// source → need (1 place) → volunteer (fit edges) → sink (the volunteer's free places), where every need may
// also go straight to the sink at no gain ("left unmatched").
//
// Two solvers give the same optimum; tests check both against each other and against brute force:
//   - solveExact: the textbook min-cost flow, one shortest path (Bellman–Ford) from the source per unit of
//     flow, stopping when no path gains anything. Simple and obviously right; slow past a few hundred needs.
//   - solveFast: the same flow, but the needs are added one at a time (oldest first) and each one's shortest
//     path is found with Dijkstra over reduced costs (node potentials keep every edge cost non-negative), in
//     the style of Jonker–Volgenant's shortest augmenting paths. The search stops as soon as it reaches the
//     sink, and the need's own "stay unmatched" edge bounds how far it can look, so with sparse, local
//     candidate lists a need touches only its neighbourhood: usually just its own candidates. Adding the
//     needs one by one along shortest paths keeps the flow optimal for the needs added so far (no cycle of
//     negative cost appears), so the end result is the exact optimum, not an approximation; integer
//     benefits keep the arithmetic exact. (An auction algorithm with ε-scaling was the other candidate; it
//     needs extra reverse-auction steps to stay exact when places may remain empty, which this avoids.)
// firstComeFirstServed is the baseline the issue asks us to beat; compare() puts the two side by side.

export interface BatchCandidate {
  volunteerId: string;
  /** Integer fit score (rankCandidates' score). */
  fit: number;
}

export interface BatchNeed {
  id: string;
  /** When the need was heard (ISO instant or Date). */
  waitingSince: string | Date;
  /** Eligible candidates, usually rankCandidates' top K. A volunteer listed twice counts once (best fit). */
  candidates: readonly BatchCandidate[];
}

export interface BatchProblem {
  needs: readonly BatchNeed[];
  /** Free places per volunteer: load cap minus current load. Missing or ≤ 0: none. */
  capacity: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** The moment waiting is measured to. */
  now: string | Date;
}

export interface BatchWeights {
  /**
   * Worth of serving a need at all; keep it above the spread of fit scores (200 > rankCandidates' span of about 150).
   */
  serveBonus: number;
  /** Priority per whole day waited: 5 points = a day's wait is worth a quarter of "same building" (20). */
  waitPointsPerDay: number;
}

export const DEFAULT_BATCH_WEIGHTS: Readonly<BatchWeights> = Object.freeze({ serveBonus: 200, waitPointsPerDay: 5 });

export interface BatchAssignment {
  needId: string;
  volunteerId: string;
  fit: number;
  waitingDays: number;
}

export interface BatchResult {
  solver: 'exact' | 'fast' | 'fcfs';
  /** In the order of problem.needs. */
  assignments: BatchAssignment[];
  unmatched: Array<{ needId: string; waitingDays: number }>;
  totalFit: number;
  /** The total benefit (serveBonus + fit + wait points over the chosen pairings): what the solvers maximise. */
  objective: number;
}

const DAY_MS = 86_400_000;

/** The problem as flat arrays: needs 0..n-1, volunteers 0..m-1, edges in CSR form per need. */
interface Compiled {
  n: number;
  m: number;
  needIds: string[];
  volIds: string[];
  cap: Int32Array;
  off: Int32Array;
  to: Int32Array;
  fit: Float64Array;
  benefit: Float64Array;
  /** Fractional days waited (reported); the benefit uses whole days. */
  waitDays: Float64Array;
  /** Needs by arrival: oldest first, then input order. */
  arrival: Int32Array;
}

function toMs(t: string | Date, what: string): number {
  const ms = t instanceof Date ? t.getTime() : Date.parse(t);
  if (!Number.isFinite(ms)) throw new RangeError(`${what}: not a time: ${String(t)}`);
  return ms;
}

/** Free places of a volunteer: missing, negative or not a number counts as none. */
const capacityOf = (p: BatchProblem, id: string): number => {
  const c =
    (p.capacity instanceof Map ? p.capacity.get(id) : (p.capacity as Readonly<Record<string, number>>)[id]) ?? 0;
  return Number.isFinite(c) && c > 0 ? Math.floor(c) : 0;
};

function compile(p: BatchProblem, weights: BatchWeights): Compiled {
  if (!Number.isInteger(weights.serveBonus) || !Number.isInteger(weights.waitPointsPerDay))
    throw new RangeError('batch weights must be integers');
  const nowMs = toMs(p.now, 'now');
  const n = p.needs.length;
  const volIndex = new Map<string, number>();
  const volIds: string[] = [];
  let edges = 0;
  for (const need of p.needs) edges += need.candidates.length;
  const off = new Int32Array(n + 1);
  let to = new Int32Array(edges);
  let fit = new Float64Array(edges);
  let benefit = new Float64Array(edges);
  const waitDays = new Float64Array(n);
  const arrivalMs = new Float64Array(n);
  // Duplicate detection per need without a Map per need: where volunteer j last appeared (need index + 1, edge).
  let seenBy = new Int32Array(1024);
  let seenAt = new Int32Array(1024);
  let e = 0;
  for (let i = 0; i < n; i++) {
    const need = p.needs[i]!;
    off[i] = e;
    arrivalMs[i] = toMs(need.waitingSince, `need ${need.id} waitingSince`);
    waitDays[i] = Math.max(0, (nowMs - arrivalMs[i]!) / DAY_MS);
    const waitPoints = weights.waitPointsPerDay * Math.floor(waitDays[i]!);
    for (const c of need.candidates) {
      if (!Number.isInteger(c.fit))
        throw new RangeError(`need ${need.id}: fit of ${c.volunteerId} is not an integer: ${c.fit}`);
      let j = volIndex.get(c.volunteerId);
      if (j === undefined) {
        j = volIds.length;
        volIndex.set(c.volunteerId, j);
        volIds.push(c.volunteerId);
        if (j >= seenBy.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          seenBy = grow(seenBy);
          seenAt = grow(seenAt);
        }
      }
      if (seenBy[j] === i + 1) {
        const k = seenAt[j]!;
        if (c.fit > fit[k]!) {
          fit[k] = c.fit;
          benefit[k] = weights.serveBonus + c.fit + waitPoints;
        }
        continue;
      }
      seenBy[j] = i + 1;
      seenAt[j] = e;
      to[e] = j;
      fit[e] = c.fit;
      benefit[e] = weights.serveBonus + c.fit + waitPoints;
      e++;
    }
  }
  off[n] = e;
  if (e < edges) {
    to = to.slice(0, e);
    fit = fit.slice(0, e);
    benefit = benefit.slice(0, e);
  }
  const m = volIds.length;
  const cap = new Int32Array(m);
  for (let j = 0; j < m; j++) cap[j] = capacityOf(p, volIds[j]!);
  const arrival = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => arrivalMs[a]! - arrivalMs[b]! || a - b);
  return { n, m, needIds: p.needs.map((x) => x.id), volIds, cap, off, to, fit, benefit, waitDays, arrival };
}

/** matchEdge[i] = the chosen edge of need i, or -1. */
function toResult(c: Compiled, matchEdge: Int32Array, solver: BatchResult['solver']): BatchResult {
  const assignments: BatchAssignment[] = [];
  const unmatched: BatchResult['unmatched'] = [];
  let totalFit = 0,
    objective = 0;
  for (let i = 0; i < c.n; i++) {
    const e = matchEdge[i]!;
    if (e < 0) {
      unmatched.push({ needId: c.needIds[i]!, waitingDays: c.waitDays[i]! });
      continue;
    }
    assignments.push({
      needId: c.needIds[i]!,
      volunteerId: c.volIds[c.to[e]!]!,
      fit: c.fit[e]!,
      waitingDays: c.waitDays[i]!,
    });
    totalFit += c.fit[e]!;
    objective += c.benefit[e]!;
  }
  return { solver, assignments, unmatched, totalFit, objective };
}

const weightsOf = (w?: Partial<BatchWeights>): BatchWeights => ({ ...DEFAULT_BATCH_WEIGHTS, ...w });

// ---------------------------------------------------------------- exact, small

/**
 * The optimum by plain min-cost flow (successive shortest paths with Bellman–Ford, costs = −benefit).
 * Each augmentation serves one more unit; the gain of the k-th path only shrinks as k grows, so we stop at
 * the first path that gains nothing. O(needs × nodes × edges) at worst: for a few hundred needs.
 */
export function solveExact(problem: BatchProblem, weights?: Partial<BatchWeights>): BatchResult {
  const c = compile(problem, weightsOf(weights));
  const { n, m } = c;
  const S = n + m,
    T = n + m + 1,
    V = n + m + 2;
  // Arc lists; arc a and a^1 are each other's reverse.
  const head: number[] = [],
    cap: number[] = [],
    cost: number[] = [],
    next: number[] = [];
  const first = new Int32Array(V).fill(-1);
  const arc = (u: number, v: number, k: number, w: number) => {
    head.push(v);
    cap.push(k);
    cost.push(w);
    next.push(first[u]!);
    first[u] = head.length - 1;
    head.push(u);
    cap.push(0);
    cost.push(-w);
    next.push(first[v]!);
    first[v] = head.length - 1;
  };
  for (let i = 0; i < n; i++) arc(S, i, 1, 0);
  const edgeArc = new Int32Array(c.to.length);
  for (let i = 0; i < n; i++)
    for (let e = c.off[i]!; e < c.off[i + 1]!; e++) {
      edgeArc[e] = head.length;
      arc(i, n + c.to[e]!, 1, -c.benefit[e]!);
    }
  for (let j = 0; j < m; j++) if (c.cap[j]! > 0) arc(n + j, T, c.cap[j]!, 0);

  const dist = new Float64Array(V),
    via = new Int32Array(V),
    inQueue = new Uint8Array(V);
  for (;;) {
    dist.fill(Infinity);
    via.fill(-1);
    dist[S] = 0;
    const queue = [S];
    inQueue[S] = 1;
    // SPFA: Bellman–Ford driven by a queue; the residual graph has no negative cycle (the flow stays optimal).
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      inQueue[u] = 0;
      for (let a = first[u]!; a !== -1; a = next[a]!) {
        if (cap[a]! <= 0) continue;
        const v = head[a]!,
          d = dist[u]! + cost[a]!;
        if (d < dist[v]!) {
          dist[v] = d;
          via[v] = a;
          if (!inQueue[v]) {
            inQueue[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    if (!(dist[T]! < 0)) break;
    for (let v = T; v !== S; v = head[via[v]! ^ 1]!) {
      cap[via[v]!] -= 1;
      cap[via[v]! ^ 1] += 1;
    }
  }
  const matchEdge = new Int32Array(n).fill(-1);
  for (let e = 0; e < edgeArc.length; e++) {
    if (cap[edgeArc[e]!] === 0) {
      const i = head[edgeArc[e]! ^ 1]!;
      matchEdge[i] = e;
    }
  }
  return toResult(c, matchEdge, 'exact');
}

// ---------------------------------------------------------------- fast, large

/** A binary min-heap of (key, node) in typed arrays; stale entries are skipped by the caller. */
class MinHeap {
  keys = new Float64Array(256);
  nodes = new Int32Array(256);
  size = 0;
  clear() {
    this.size = 0;
  }
  push(k: number, v: number) {
    if (this.size === this.keys.length) {
      const k2 = new Float64Array(this.size * 2);
      k2.set(this.keys);
      this.keys = k2;
      const n2 = new Int32Array(this.size * 2);
      n2.set(this.nodes);
      this.nodes = n2;
    }
    let i = this.size++;
    const { keys, nodes } = this;
    // Ties broken by node number: the same answer on every run.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! < k || (keys[p] === k && nodes[p]! <= v)) break;
      keys[i] = keys[p]!;
      nodes[i] = nodes[p]!;
      i = p;
    }
    keys[i] = k;
    nodes[i] = v;
  }
  /** Removes the minimum; read topKey/topNode first. */
  pop() {
    const { keys, nodes } = this;
    const k = keys[--this.size]!,
      v = nodes[this.size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= this.size) break;
      if (c + 1 < this.size && (keys[c + 1]! < keys[c]! || (keys[c + 1] === keys[c] && nodes[c + 1]! < nodes[c]!))) c++;
      if (keys[c]! > k || (keys[c] === k && nodes[c]! >= v)) break;
      keys[i] = keys[c]!;
      nodes[i] = nodes[c]!;
      i = c;
    }
    keys[i] = k;
    nodes[i] = v;
  }
}

/**
 * The optimum, fast on large sparse instances (see the top of this file). Nodes: needs 0..n-1, volunteers
 * n..n+m-1, the sink n+m. Reduced cost of an edge u→v: cost + pot[u] − pot[v] ≥ 0 always.
 */
export function solveFast(problem: BatchProblem, weights?: Partial<BatchWeights>): BatchResult {
  const c = compile(problem, weightsOf(weights));
  const { n, m, off, to, benefit, cap } = c;
  const T = n + m,
    N = n + m + 1;
  const pot = new Float64Array(N);
  // Start: need i at its best benefit (or 0, staying unmatched), volunteers and sink at 0 — every edge's
  // reduced cost (−benefit + pot[i] − 0) is then ≥ 0.
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let e = off[i]!; e < off[i + 1]!; e++) if (benefit[e]! > best) best = benefit[e]!;
    pot[i] = best;
  }
  const matchEdge = new Int32Array(n).fill(-1);
  const isNull = new Uint8Array(n); // routed to "unmatched"
  // The needs each volunteer holds, in a fixed block of cap[j] places.
  const slotStart = new Int32Array(m + 1);
  for (let j = 0; j < m; j++) slotStart[j + 1] = slotStart[j]! + cap[j]!;
  const slotNeed = new Int32Array(slotStart[m]!);
  const load = new Int32Array(m);

  const dist = new Float64Array(N).fill(Infinity);
  const done = new Uint8Array(N);
  const parent = new Int32Array(N);
  const touched = new Int32Array(N);
  const popped = new Int32Array(N);
  const heap = new MinHeap();

  for (let k = 0; k < n; k++) {
    const r = c.arrival[k]!;
    let nTouched = 0,
      nPopped = 0;
    const relax = (v: number, d: number, from: number) => {
      if (d < dist[v]!) {
        if (dist[v] === Infinity) touched[nTouched++] = v;
        dist[v] = d;
        parent[v] = from;
        heap.push(d, v);
      }
    };
    heap.clear();
    relax(r, 0, -1);
    while (heap.size > 0) {
      const d = heap.keys[0]!,
        x = heap.nodes[0]!;
      heap.pop();
      if (done[x] || d > dist[x]!) continue;
      done[x] = 1;
      popped[nPopped++] = x;
      if (x === T) break;
      if (x < n) {
        // A need: its other candidates, or giving up its place (the "unmatched" edge to the sink).
        const px = pot[x]!;
        if (!isNull[x]) relax(T, d + px - pot[T]!, x);
        const mine = matchEdge[x]!;
        for (let e = off[x]!; e < off[x + 1]!; e++) {
          if (e === mine) continue;
          const v = n + to[e]!;
          if (!done[v]) relax(v, d - benefit[e]! + px - pot[v]!, x);
        }
      } else {
        // A volunteer: a free place (to the sink), or one of the needs it holds moves elsewhere.
        const j = x - n,
          px = pot[x]!;
        if (load[j]! < cap[j]!) relax(T, d + px - pot[T]!, x);
        for (let s = slotStart[j]!, end = s + load[j]!; s < end; s++) {
          const i = slotNeed[s]!;
          if (!done[i]) relax(i, d + benefit[matchEdge[i]!]! + px - pot[i]!, x);
        }
      }
    }
    const D = dist[T]!;
    // Potentials: p += min(dist, D) − D keeps every reduced cost ≥ 0 and makes the path's edges tight.
    for (let q = 0; q < nPopped; q++) {
      const x = popped[q]!;
      pot[x] -= D - dist[x]!;
    }
    // Ready for the next search (the augmentation below reads only parent[]).
    for (let q = 0; q < nTouched; q++) {
      const v = touched[q]!;
      dist[v] = Infinity;
      done[v] = 0;
    }

    // Augment along the path r → v1 → i1 → v2 → … → sink: each need on it moves to the next volunteer.
    let x = parent[T]!;
    let slot: number;
    if (x < n) {
      // The path ends with need x giving up its place.
      const prev = matchEdge[x]!;
      isNull[x] = 1;
      matchEdge[x] = -1;
      if (x === r) continue;
      const vj = to[prev]!;
      slot = slotOf(vj, x);
      x = parent[x]!; // the volunteer we reached x from (= vj)
    } else {
      slot = slotStart[x - n]! + load[x - n]++;
    }
    for (;;) {
      // x is a volunteer; `slot` is a place of x to fill with the need we came from.
      const j = x - n,
        i = parent[x]!;
      const prev = matchEdge[i]!;
      let e = off[i]!;
      while (to[e] !== j) e++;
      slotNeed[slot] = i;
      matchEdge[i] = e;
      if (i === r) break;
      const pj = to[prev]!;
      slot = slotOf(pj, i);
      x = parent[i]!;
    }
  }
  function slotOf(j: number, i: number): number {
    for (let s = slotStart[j]!, end = s + load[j]!; s < end; s++) if (slotNeed[s] === i) return s;
    throw new Error(`matching: need ${i} not held by volunteer ${j}`);
  }
  return toResult(c, matchEdge, 'fast');
}

// ---------------------------------------------------------------- baseline and comparison

/** The baseline: needs in arrival order (oldest first) each take their best remaining candidate (fit, then id). */
export function firstComeFirstServed(problem: BatchProblem, weights?: Partial<BatchWeights>): BatchResult {
  const c = compile(problem, weightsOf(weights));
  const left = Int32Array.from(c.cap);
  const matchEdge = new Int32Array(c.n).fill(-1);
  for (let k = 0; k < c.n; k++) {
    const i = c.arrival[k]!;
    let best = -1;
    for (let e = c.off[i]!; e < c.off[i + 1]!; e++) {
      if (left[c.to[e]!]! <= 0) continue;
      if (
        best < 0 ||
        c.fit[e]! > c.fit[best]! ||
        (c.fit[e] === c.fit[best] && c.volIds[c.to[e]!]! < c.volIds[c.to[best]!]!)
      )
        best = e;
    }
    if (best >= 0) {
      matchEdge[i] = best;
      left[c.to[best]!]--;
    }
  }
  return toResult(c, matchEdge, 'fcfs');
}

export interface BatchSummary {
  solver: BatchResult['solver'];
  matched: number;
  unmatched: number;
  totalFit: number;
  objective: number;
  /** Mean fit of the matched needs (0 when none). */
  meanFit: number;
  /** Days waited by the needs left unmatched: mean and max (0 when none is left). */
  meanWaitUnmatchedDays: number;
  maxWaitUnmatchedDays: number;
  /** Given the problem: unmatched needs that no solver could serve (no candidate with a free place)… */
  unservable?: number;
  /** …and the others, left out by the choice made: how many, and how long they have waited. */
  leftOut?: number;
  meanWaitLeftOutDays?: number;
  maxWaitLeftOutDays?: number;
}

export function summarize(r: BatchResult, problem?: BatchProblem): BatchSummary {
  const stats = (xs: ReadonlyArray<{ waitingDays: number }>) => {
    let sum = 0,
      max = 0;
    for (const u of xs) {
      sum += u.waitingDays;
      if (u.waitingDays > max) max = u.waitingDays;
    }
    return { mean: xs.length ? sum / xs.length : 0, max };
  };
  const all = stats(r.unmatched);
  const out: BatchSummary = {
    solver: r.solver,
    matched: r.assignments.length,
    unmatched: r.unmatched.length,
    totalFit: r.totalFit,
    objective: r.objective,
    meanFit: r.assignments.length ? r.totalFit / r.assignments.length : 0,
    meanWaitUnmatchedDays: all.mean,
    maxWaitUnmatchedDays: all.max,
  };
  if (problem) {
    const servable = new Set(
      problem.needs.filter((n) => n.candidates.some((c) => capacityOf(problem, c.volunteerId) > 0)).map((n) => n.id),
    );
    const leftOut = r.unmatched.filter((u) => servable.has(u.needId));
    const s = stats(leftOut);
    Object.assign(out, {
      unservable: r.unmatched.length - leftOut.length,
      leftOut: leftOut.length,
      meanWaitLeftOutDays: s.mean,
      maxWaitLeftOutDays: s.max,
    });
  }
  return out;
}

/**
 * The optimal assignment beside first-come, first-served: both summaries and the gain (result − fcfs). With
 * the problem, the summaries also split the unmatched needs into unservable and left out.
 */
export function compare(result: BatchResult, fcfs: BatchResult, problem?: BatchProblem) {
  const a = summarize(result, problem),
    b = summarize(fcfs, problem);
  return {
    result: a,
    fcfs: b,
    gain: {
      totalFit: a.totalFit - b.totalFit,
      matched: a.matched - b.matched,
      objective: a.objective - b.objective,
      maxWaitUnmatchedDays: b.maxWaitUnmatchedDays - a.maxWaitUnmatchedDays,
    },
  };
}

/**
 * Checks a result against its problem: one volunteer per need at most, only listed candidates, no one over capacity.
 * Returns the problems found.
 */
export function violations(problem: BatchProblem, result: BatchResult): string[] {
  const out: string[] = [];
  const used = new Map<string, number>();
  const seen = new Set<string>();
  const byId = new Map(problem.needs.map((x) => [x.id, x]));
  for (const a of result.assignments) {
    if (seen.has(a.needId)) out.push(`need ${a.needId} assigned twice`);
    seen.add(a.needId);
    if (!byId.get(a.needId)?.candidates.some((c) => c.volunteerId === a.volunteerId))
      out.push(`need ${a.needId}: ${a.volunteerId} is not a candidate`);
    used.set(a.volunteerId, (used.get(a.volunteerId) ?? 0) + 1);
  }
  for (const [v, k] of used) {
    if (k > capacityOf(problem, v)) out.push(`volunteer ${v}: ${k} needs over capacity ${capacityOf(problem, v)}`);
  }
  return out;
}
