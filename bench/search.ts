// The resident search at city scale: 100 Xiguan-sized communities (~582,000 residents) in SQLite, the REAL
// built server (dist/server/main.mjs) in a child process, and autocannon against it and against a bare
// Fastify hello-world (bench/hello.ts, its own process) on the same machine, in the same run.
//
// Goal (foundation issue): requests/s of a page of 50 with a filter and a pinyin query at least 25% of
// hello-world's, p99 under 50 ms.
//
// Order: hello-world; sign in as the staff of community 1 (first created) and of community 100 (last
// created, its rows at the end of every index); each query once by hand (200, with matches); a warm-up of
// the server on every scenario; each scenario (2 s warm-up + the measured run, each connection cycling
// through 16 pinyin queries from a different start); hello-world again. The baseline is the mean of the two
// hello-world runs. Besides req/s and latency it prints the server's CPU time per request (from /proc),
// which says what a request costs even when other work shares the machine.
//
//   npx tsx bench/search.ts [--seconds 10] [--connections 10] [--explain]
//
// The city is built once into ./data-bench (npm run demo:city -- --communities 100 --data-dir ./data-bench
// --date 2026-11-28, ~2–3 min) and reused while it holds all 100 communities. --explain then prints the
// query plans and per-statement times of the searches (bench/explain.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Client, type Request, type Result } from 'autocannon';
import SQLite from 'better-sqlite3';
import {
  cpuMs,
  ensureServerBuilt,
  isMain,
  ROOT,
  runStandalone,
  spawnTracked,
  startBuiltServer,
  startHelloWorld,
  waitForExit,
  type Figure,
  type RunningServer,
} from './lib.ts';

export const CITY_DIR = path.join(ROOT, 'data-bench');
const CITY_COMMUNITIES = 100;
const CITY_DATE = '2026-11-28';
const PASSWORD = 'xiguan-demo';

/** Realistic search-box input: full-pinyin prefixes of common surnames and initials of whole names. */
export const PINYIN_QUERIES = [
  'wang',
  'lzq',
  'zh',
  'li',
  'zhang',
  'chen',
  'wj',
  'liu',
  'yang',
  'zhao',
  'lxy',
  'ma',
  'gao',
  'hx',
  'sun',
  'w',
];

/** Community k's id and its staff (社工) phone, as scripts/demo-city.ts makes them. */
export function cityCommunity(k: number) {
  return {
    id: k === 1 ? '00000000-0000-7000-8000-000000000001' : `00000000-0000-7000-8000-${String(k).padStart(12, '0')}`,
    staffPhone: `138${String(k - 1).padStart(4, '0')}0002`,
  };
}

// ---------------- the city ----------------

function cityState(): { communities: number; residents: number; last: boolean } | null {
  const file = path.join(CITY_DIR, 'linli.sqlite');
  if (!fs.existsSync(file)) return null;
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'community'").get();
    if (!has) return { communities: 0, residents: 0, last: false };
    const communities = (db.prepare('SELECT count(*) AS n FROM community').get() as { n: number }).n;
    const residents = (db.prepare('SELECT count(*) AS n FROM resident').get() as { n: number }).n;
    // Each community is seeded in one transaction: if the last one is there, every one before it is.
    const last = !!db.prepare('SELECT 1 FROM community WHERE id = ?').get(cityCommunity(CITY_COMMUNITIES).id);
    return { communities, residents, last };
  } finally {
    db.close();
  }
}

/** Reuses ./data-bench when it holds the whole city; otherwise (re)builds it with scripts/demo-city.ts. */
export async function ensureCity(): Promise<{ residents: number; builtSeconds: number | null }> {
  const state = cityState();
  if (state && state.communities === CITY_COMMUNITIES && state.last) {
    console.log(
      `  reusing the city in ${path.relative(ROOT, CITY_DIR)}: ${state.communities} communities, ` +
        `${state.residents.toLocaleString('en')} residents`,
    );
    return { residents: state.residents, builtSeconds: null };
  }
  if (state) {
    // An interrupted or different build: demo-city refuses a non-empty database, so start again.
    console.log(
      `  ${path.relative(ROOT, CITY_DIR)} holds ${state.communities} communities, not ${CITY_COMMUNITIES}: ` +
        `rebuilding it`,
    );
    fs.rmSync(CITY_DIR, { recursive: true, force: true });
  }
  console.log(
    `  building a city of ${CITY_COMMUNITIES} communities in ${path.relative(ROOT, CITY_DIR)} (takes a few ` +
      `minutes, once)…`,
  );
  const t = performance.now();
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.LINLI_KEYRING;
  const child = spawnTracked(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/demo-city.ts',
      '--communities',
      String(CITY_COMMUNITIES),
      '--data-dir',
      CITY_DIR,
      '--date',
      CITY_DATE,
    ],
    { label: 'demo:city', env },
  );
  const code = await waitForExit(child, 20 * 60_000);
  if (code !== 0) throw new Error(`scripts/demo-city.ts failed (exit ${code})`);
  const after = cityState();
  if (!after || after.communities !== CITY_COMMUNITIES) throw new Error('the city was not built completely');
  return { residents: after.residents, builtSeconds: (performance.now() - t) / 1000 };
}

// ---------------- HTTP helpers ----------------

export async function signIn(port: number, phone: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${phone} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('linli_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie.split(';')[0]!;
}

export async function getJson<T>(port: number, url: string, cookie: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

interface Grid {
  id: string;
  code: string;
  name: string;
  residents: number;
}

// ---------------- load ----------------

export interface LoadOptions {
  seconds: number;
  connections: number;
}

/** Each connection walks the same list of requests, starting at a different place, so the queries in flight differ. */
export async function load(
  url: string,
  requests: Request[],
  headers: Record<string, string>,
  o: LoadOptions,
  title: string,
  serverPid: number | undefined,
): Promise<Result & { cpuUsPerRequest: number | null }> {
  let next = 0;
  const setupClient = (client: Client) => {
    const k = (next++ * Math.max(1, Math.floor(requests.length / o.connections))) % requests.length;
    client.setRequests([...requests.slice(k), ...requests.slice(0, k)]);
  };
  // A short warm-up (JIT, page cache) that is not counted.
  await autocannon({
    url,
    connections: o.connections,
    duration: 2,
    headers,
    requests,
    setupClient,
    title: `${title} (warm-up)`,
  });
  next = 0;
  const cpu0 = cpuMs(serverPid);
  const r = await autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    headers,
    requests,
    setupClient,
    title,
  });
  const cpu1 = cpuMs(serverPid);
  if (r.errors || r.timeouts || r.non2xx)
    console.log(`  ! ${title}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return {
    ...r,
    cpuUsPerRequest:
      cpu0 !== null && cpu1 !== null && r.requests.total ? ((cpu1 - cpu0) * 1000) / r.requests.total : null,
  };
}

export const WARM_UP_SECONDS = 15;

/**
 * The server's CPU time per request, and the machine's 1-minute load average (2 or more on 2 CPUs: others were busy
 * too).
 */
export function cpuNote(m: Measured): string {
  return `${m.cpuUs === null ? '' : `server CPU ${Math.round(m.cpuUs)} µs/req, `}load ${m.load.toFixed(1)}`;
}

export interface Measured {
  title: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  bad: number;
  cpuUs: number | null;
  load: number;
}

export function measured(title: string, r: Result & { cpuUsPerRequest: number | null }): Measured {
  const m = {
    title,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: r.requests.total,
    bad: r.non2xx + r.errors + r.timeouts,
    cpuUs: r.cpuUsPerRequest,
    load: os.loadavg()[0]!,
  };
  const cpu = m.cpuUs === null ? '' : `   server CPU ${m.cpuUs.toFixed(0).padStart(5)} µs/req`;
  console.log(
    `  ${title.padEnd(50)} ${m.rps.toFixed(0).padStart(7)} req/s   p50 ${m.p50.toFixed(1).padStart(6)} ms   p90 ` +
      `${m.p90.toFixed(1).padStart(6)} ms   p99 ${m.p99.toFixed(1).padStart(6)} ms   max ` +
      `${m.max.toFixed(0).padStart(5)} ms${cpu}   load ${m.load.toFixed(1)}${m.bad ? `   ${m.bad} failed` : ''}`,
  );
  return m;
}

/**
 * The bare Fastify hello-world in its own process, measured before and after the search (the machine may change in
 * between).
 */
export async function startHello(o: LoadOptions) {
  const hello = await startHelloWorld();
  return {
    measure: async (when: string) =>
      measured(
        `hello-world (bare Fastify, GET /), ${when}`,
        await load(
          `http://127.0.0.1:${hello.port}`,
          [{ method: 'GET', path: '/' }],
          {},
          o,
          `hello-world ${when}`,
          hello.pid,
        ),
      ),
    stop: hello.stop,
  };
}

/**
 * The table's lines for one run: the hello-world baseline (the mean of its two runs; when they differ much,
 * something else used the machine) and, per scenario, throughput against 25 % of it and p99 against 50 ms.
 */
export function goalFigures(
  bench: string,
  helloBefore: Measured,
  helloAfter: Measured,
  results: Array<{ name: string; m: Measured }>,
): Figure[] {
  const figures: Figure[] = [];
  const baseline = (helloBefore.rps + helloAfter.rps) / 2;
  const spread = Math.abs(helloBefore.rps - helloAfter.rps) / baseline;
  const unsteady =
    spread > 0.25 ? ` — ${Math.round(spread * 100)} % apart: the machine was busy, ratios are rough` : '';
  figures.push({
    bench,
    name: 'hello-world (bare Fastify): throughput',
    value: baseline,
    unit: 'req/s',
    goal: '(baseline)',
    pass: null,
    note:
      `mean of ${Math.round(helloBefore.rps)} before and ${Math.round(helloAfter.rps)} after${unsteady}; ` +
      `${cpuNote(helloBefore)}`,
  });
  figures.push({
    bench,
    name: 'hello-world (bare Fastify): p99 latency',
    value: Math.max(helloBefore.p99, helloAfter.p99),
    unit: 'ms',
    goal: '',
    pass: null,
  });
  for (const { name, m } of results) {
    const ratio = m.rps / baseline;
    const failed = m.bad ? `; ${m.bad} requests failed` : '';
    figures.push({
      bench,
      name: `${name}: throughput`,
      value: m.rps,
      unit: 'req/s',
      goal: `≥ 25 % of hello (${Math.round(baseline / 4)})`,
      pass: !m.bad && ratio >= 0.25,
      note: `${(ratio * 100).toFixed(1)} % of hello-world; ${cpuNote(m)}${failed}`,
    });
    figures.push({
      bench,
      name: `${name}: p99 latency`,
      value: m.p99,
      unit: 'ms',
      goal: '< 50 ms',
      pass: !m.bad && m.p99 < 50,
      note: `p50 ${m.p50.toFixed(0)} ms, p90 ${m.p90.toFixed(0)} ms`,
    });
  }
  return figures;
}

export interface Scenario {
  key: string;
  label: string;
  params: (grid: Grid) => Record<string, string>;
}

export const SCENARIOS: Scenario[] = [
  { key: 'grid', label: 'grid + pinyin', params: (g) => ({ gridId: g.id }) },
  { key: 'grid-age', label: 'grid + age ≥ 60 + pinyin', params: (g) => ({ gridId: g.id, ageMin: '60' }) },
  { key: 'group', label: 'empty-nest group + pinyin (whole community)', params: () => ({ group: 'empty_nest' }) },
];

export function searchPath(params: Record<string, string>, q: string): string {
  return `/api/residents?${new URLSearchParams({ pageSize: '50', ...params, q })}`;
}

/**
 * What both city benchmarks begin with: the city (made if it is not there, its making a figure of `bench`), then the
 * built server started on it. The caller stops the server.
 */
export async function startOnCity(
  bench: string,
): Promise<{ figures: Figure[]; city: { residents: number }; server: RunningServer }> {
  const figures: Figure[] = [];
  const city = await ensureCity();
  if (city.builtSeconds !== null)
    figures.push({
      bench,
      name: 'city generation (100 communities)',
      value: city.builtSeconds,
      unit: 's',
      goal: '',
      pass: null,
    });
  await ensureServerBuilt();

  const server = await startBuiltServer(
    CITY_DIR,
    { LINLI_DEMO: '0', LINLI_JOBS: '0', LINLI_LOG_LEVEL: 'warn' },
    { label: 'server', timeoutMs: 120_000 },
  );
  console.log(
    `  the built server on the city was healthy ${(server.readyMs / 1000).toFixed(2)} s after spawn (port ` +
      `${server.port})`,
  );
  return { figures, city, server };
}

// ---------------- the benchmark ----------------

export async function searchBench(o: LoadOptions & { explain?: boolean }): Promise<Figure[]> {
  const { figures, city, server } = await startOnCity('search');
  let hello: Awaited<ReturnType<typeof startHello>> | null = null;
  try {
    figures.push({
      bench: 'search',
      name: `server on the city (${(city.residents / 1000).toFixed(0)}k residents): spawn → healthy`,
      value: server.readyMs / 1000,
      unit: 's',
      goal: '',
      pass: null,
    });

    hello = await startHello(o);
    const helloBefore = await hello.measure('before');

    // Sign in as the staff (社工) of the first and the last community created, and take each one's largest grid.
    const targets: Array<{ k: number; cookie: string; grid: Grid }> = [];
    for (const k of [1, CITY_COMMUNITIES]) {
      const c = cityCommunity(k);
      const cookie = await signIn(server.port, c.staffPhone);
      const grids = await getJson<Grid[]>(server.port, '/api/grids', cookie);
      const grid = [...grids].sort((a, b) => b.residents - a.residents)[0];
      if (!grid) throw new Error(`community ${k} has no grids`);
      console.log(
        `  community ${k} (${k === 1 ? 'first' : 'last'} created): staff ${c.staffPhone}, grid ${grid.name} ` +
          `(${grid.residents} residents)`,
      );
      targets.push({ k, cookie, grid });
    }
    // Each query once by hand first: it must answer 200 with results, or the figures mean nothing.
    for (const t of targets) {
      for (const s of SCENARIOS) {
        const totals: string[] = [];
        for (const q of PINYIN_QUERIES)
          totals.push(
            `${q}:${(await getJson<{ total: number }>(server.port, searchPath(s.params(t.grid), q), t.cookie)).total}`,
          );
        console.log(`    c${t.k} ${s.label}: matches ${totals.join(' ')}`);
      }
    }
    // A fresh process is slow for its first seconds (V8 compiles the hot paths as they run): warm it up on
    // every scenario before measuring any, or the first one measured pays for it.
    const mixed = targets.flatMap((t) =>
      SCENARIOS.flatMap((s) =>
        PINYIN_QUERIES.map((q) => ({
          method: 'GET',
          path: searchPath(s.params(t.grid), q),
          headers: { cookie: t.cookie },
        })),
      ),
    );
    await autocannon({
      url: `http://127.0.0.1:${server.port}`,
      connections: o.connections,
      duration: WARM_UP_SECONDS,
      requests: mixed,
      title: 'server warm-up',
    });

    const results: Array<{ name: string; m: Measured }> = [];
    for (const t of targets) {
      for (const s of SCENARIOS) {
        const requests = PINYIN_QUERIES.map((q) => ({ method: 'GET', path: searchPath(s.params(t.grid), q) }));
        results.push({
          name: `c${t.k} ${s.label}`,
          m: measured(
            `c${t.k} ${s.label}`,
            await load(
              `http://127.0.0.1:${server.port}`,
              requests,
              { cookie: t.cookie },
              o,
              `${s.key} c${t.k}`,
              server.child.pid,
            ),
          ),
        });
      }
    }
    const helloAfter = await hello.measure('after');
    await hello.stop();

    figures.push(...goalFigures('search', helloBefore, helloAfter, results));
  } finally {
    await hello?.stop();
    await server.stop();
  }
  if (o.explain) {
    const { explainSearch } = await import('./explain.ts');
    await explainSearch();
  }
  return figures;
}

export function readOptions(): LoadOptions & { explain: boolean } {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '10' },
      explain: { type: 'boolean', default: false },
    },
    strict: false,
  });
  const seconds = Math.min(60, Math.max(1, Number(values.seconds) || 10));
  const connections = Math.min(100, Math.max(1, Number(values.connections) || 10));
  return { seconds, connections, explain: values.explain === true };
}

if (isMain(import.meta.url)) await runStandalone('Resident search at city scale', () => searchBench(readOptions()));
