// Every route, measured: every GET route of the OpenAPI document the server serves, over HTTP against the built server
// (dist/server/main.mjs), as the role that uses it (bench/routes.ts: the first of the seven demo roles that gets a 200,
// a volunteer or resident first for a route of one's own), at 1 and at 10 connections, on SQLite and (BENCH_PG_URL or
// --pg) on PostgreSQL: p50, p99 and the body per route, slowest first. Path params and the queries a route needs come
// from server/test/get-routes.ts (as the every-GET test fills them). Goals: p99 < 50 ms at 10 connections on both
// databases, and PostgreSQL's p99 at 10 connections ≤ 2× SQLite's on the same data (a route both answer within 5 ms
// of each other passes: at a few ms the ratio is noise). The routes that miss are named.
//
// Then the "bare" sub-section: the five main lists (residents, households, volunteers, skills pool, needs) against
// their own SQL run bare in this process on the same data. Their SQL is captured once (the app built in this process
// with a logging database; the statements every signed-in request sends — the session — are left out) and replayed
// back to back on a connection of this process; the goal is the route's rate at 1 connection ≥ 50 % of that.
//
// Data: a city built by `npm run demo:city -- --data-dir DIR` (SQLite in DIR; for PostgreSQL the same command with
// DATABASE_URL writes the database BENCH_PG_URL names, its keyring in --pg-data-dir, default DIR), or, with no
// --data-dir and no ./data-city, the one-community demo seeded into fresh databases. The data is only read.
//
//   npm run bench -- --only sweep [--seconds 2] [--routes /api/residents,/api/needs]
//   npx tsx bench/sweep.ts [--seconds 2] [--routes substr,…] [--data-dir DIR] [--pg URL] [--pg-data-dir DIR]
//                          [--no-bare | --bare-only] [--out rows.json]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/src/db/schema/index.ts';
import { openDatabase, type DatabaseHandle, type Db } from '../server/src/db/database.ts';
import { benchPaths, getRoutes, type Any } from '../server/test/get-routes.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import { ROOT, ensureServerBuilt, isMain, runStandalone, startBuiltServer, type Figure } from './lib.ts';
import {
  DEMO_BENCH_PASSWORD,
  measureRoute,
  measureRoutes,
  printRouteRows,
  signInDemoRoles,
  type RoleSession,
  type RouteRow,
} from './routes.ts';

const GOAL_MS = 50;
const PG_RATIO = 2;
/** Within this many ms of SQLite, PostgreSQL passes whatever the ratio. */
const RATIO_SLACK_MS = 5;
const BARE_SHARE = 0.5;
/** The five main lists, as staff ask them (first page, the console's page size). */
export const MAIN_LISTS = [
  '/api/residents?page=1&pageSize=20',
  '/api/households?page=1&pageSize=20',
  '/api/volunteers?page=1&pageSize=20',
  '/api/skills-pool?page=1&pageSize=20',
  '/api/needs?page=1&pageSize=20',
];

export type SweepRow = RouteRow;

export interface Target {
  label: 'SQLite' | 'PostgreSQL';
  env: Record<string, string>;
  dir: string;
  use<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  open(log?: (sql: string, params: readonly unknown[]) => void): DatabaseHandle;
}

export interface SweepOptions {
  seconds?: number;
  /** Substrings: a route is swept when its path contains one. */
  routes?: string[];
  dataDir?: string;
  pgUrl?: string;
  pgDataDir?: string;
  bare?: boolean;
  sweep?: boolean;
  out?: string;
}

function openLogged(
  opts: { sqliteFile?: string; databaseUrl?: string },
  log?: (sql: string, params: readonly unknown[]) => void,
): DatabaseHandle {
  const h = openDatabase(opts);
  if (!log) return h;
  const onLog = (e: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
    if (e.level === 'query') log(e.query.sql, e.query.parameters);
  };
  if (h.kind === 'sqlite') {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: h.sqlite! }), log: onLog });
    return { ...h, db, close: () => db.destroy() };
  }
  void h.close();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: onLog });
  return { ...h, db, close: () => db.destroy() };
}

export function cityTargets(dataDir: string, pgUrl: string | undefined, pgDataDir: string | undefined): Target[] {
  const sqliteFile = path.join(dataDir, 'linli.sqlite');
  if (!fs.existsSync(sqliteFile)) throw new Error(`no ${sqliteFile}: build a city first (npm run demo:city)`);
  const targets: Target[] = [];
  const useOf = (open: () => DatabaseHandle) => async (fn: (db: Db) => Promise<any>) => {
    const h = open();
    try {
      return await fn(h.db);
    } finally {
      await h.close();
    }
  };
  const sqliteOpen = (log?: (sql: string, params: readonly unknown[]) => void) => openLogged({ sqliteFile }, log);
  targets.push({ label: 'SQLite', env: {}, dir: dataDir, use: useOf(() => sqliteOpen()), open: sqliteOpen });
  if (pgUrl) {
    const pgOpen = (log?: (sql: string, params: readonly unknown[]) => void) => openLogged({ databaseUrl: pgUrl }, log);
    targets.push({
      label: 'PostgreSQL',
      env: { DATABASE_URL: pgUrl },
      dir: pgDataDir ?? dataDir,
      use: useOf(() => pgOpen()),
      open: pgOpen,
    });
  }
  return targets;
}

/** The city's targets, or the one-community demo seeded into fresh databases; `run` for each. */
async function onTargets<T>(opts: SweepOptions, run: (t: Target, seeded: boolean) => Promise<T[]>): Promise<T[]> {
  const dataDir = opts.dataDir ?? (fs.existsSync(path.join(ROOT, 'data-city/linli.sqlite')) ? 'data-city' : null);
  if (dataDir) {
    const out: T[] = [];
    const dir = path.resolve(ROOT, dataDir);
    const pgDir = opts.pgDataDir ? path.resolve(ROOT, opts.pgDataDir) : undefined;
    for (const t of cityTargets(dir, opts.pgUrl, pgDir)) out.push(...(await run(t, true)));
    return out;
  }
  return onFreshDatabases('sweep', opts.pgUrl, (d) =>
    run(
      {
        ...d,
        open: (log) =>
          openLogged(
            d.env.DATABASE_URL ? { databaseUrl: d.env.DATABASE_URL } : { sqliteFile: path.join(d.dir, 'linli.sqlite') },
            log,
          ),
      },
      false,
    ),
  );
}

async function sweepTarget(t: Target, seeded: boolean, opts: SweepOptions, rows: SweepRow[]): Promise<void> {
  const seconds = opts.seconds ?? 2;
  await analyze(t);
  const server = await startBuiltServer(
    t.dir,
    { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', ...(seeded ? { LINLI_DEMO: '0' } : {}), ...t.env },
    { label: `server ${t.label}`, timeoutMs: 300_000, quiet: true },
  );
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const doc = await (await fetch(`${base}/api/openapi.json`)).json();
    const routes = getRoutes(doc).filter((r) => !opts.routes || opts.routes.some((s) => r.path.includes(s)));
    const paths = await t.use((db) => benchPaths(routes, db as Any));
    const sessions = await signInDemoRoles(base);
    const est = Math.round((routes.length * seconds * 2) / 60);
    console.log(
      `  ${t.label}: ${routes.length} GET routes, ${seconds} s at 1 and at 10 connections each (~${est} min)`,
    );
    rows.push(...(await measureRoutes(t.label, base, routes, paths, sessions, seconds)));
  } finally {
    await server.stop();
  }
}

/**
 * Fresh statistics, as a deployed database has them (PostgreSQL's autovacuum; SQLite's refreshStatistics at the
 * server's start and hourly): without them the planner guesses a handful of rows per table and nests its loops.
 */
async function analyze(t: Target): Promise<void> {
  const t0 = performance.now();
  // PostgreSQL: VACUUM too, as autovacuum would have (it may be off on a test server): without the visibility map
  // a count cannot be answered from an index alone.
  await t.use((db) => (t.label === 'PostgreSQL' ? sql`vacuum (analyze)` : sql`analyze`).execute(db));
  console.log(`  ${t.label}: analyze in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** The SQL a route sends apart from the session's, captured from the app built in this process. */
export async function captureSql(
  t: Target,
  routes: string[],
): Promise<Map<string, Array<{ sql: string; params: unknown[] }>>> {
  // Imported here: the app is only needed for the bare sub-section.
  const { buildApp } = await import('../server/src/app.ts');
  const { loadConfig } = await import('../server/src/config.ts');
  const { FieldCipher, loadKeyring } = await import('../server/src/platform/crypto.ts');
  const { signIn, as } = await import('../server/test/app.ts');
  const { DEMO_SIGN_INS } = await import('../scripts/demo/xiguan.ts');
  let captured: Array<{ sql: string; params: unknown[] }> = [];
  const handle = t.open((sql, params) => captured.push({ sql, params: [...params] }));
  const config = loadConfig({
    LINLI_DATA_DIR: t.dir,
    LINLI_LOG_LEVEL: 'silent',
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    LINLI_WEB_DIST: '/nonexistent',
  });
  const cipher = new FieldCipher(loadKeyring({ dataDir: t.dir, warn: () => {} }));
  const app = await buildApp(config, { database: handle, cipher });
  const out = new Map<string, Array<{ sql: string; params: unknown[] }>>();
  try {
    await app.ready();
    const staff = DEMO_SIGN_INS.find((s) => s.role === 'staff') ?? DEMO_SIGN_INS[0]!;
    const get = as(app, await signIn(app, staff.phone, DEMO_BENCH_PASSWORD));
    const sent = async (url: string) => {
      captured = [];
      const res = await get('GET', url);
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return captured;
    };
    // What every signed-in request sends (the session): left out of each list's.
    const session = new Set((await sent('/api/auth/me')).map((c) => c.sql));
    for (const url of routes)
      out.set(
        url,
        (await sent(url)).filter((c) => !session.has(c.sql) && /^\s*(select|with)\b/i.test(c.sql)),
      );
  } finally {
    await app.close();
    await handle.close();
  }
  return out;
}

/** Back to back for `seconds`: how many rounds of the statements a second. */
async function bareRate(db: Kysely<Database>, stmts: Array<{ sql: string; params: unknown[] }>, seconds: number) {
  const q = stmts.map((s) => CompiledQuery.raw(s.sql, s.params));
  for (const c of q) await db.executeQuery(c); // warm
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (const c of q) await db.executeQuery(c);
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function bareTarget(t: Target, seeded: boolean, opts: SweepOptions): Promise<Figure[]> {
  const seconds = Math.max(2, opts.seconds ?? 2);
  const out: Figure[] = [];
  // The server first: on fresh databases it seeds the demo the statistics are taken and the SQL captured on.
  const server = await startBuiltServer(
    t.dir,
    { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', ...(seeded ? { LINLI_DEMO: '0' } : {}), ...t.env },
    { label: `server ${t.label}`, timeoutMs: 300_000, quiet: true },
  );
  const handle = t.open();
  try {
    if (opts.sweep === false) await analyze(t);
    const captured = await captureSql(t, MAIN_LISTS);
    const base = `http://127.0.0.1:${server.port}`;
    const sessions: RoleSession[] = await signInDemoRoles(base);
    const staff = sessions.find((s) => s.role === 'staff') ?? sessions[0]!;
    console.log(`\n  bare, ${t.label}: each main list's SQL in this process vs the route at 1 connection\n`);
    for (const url of MAIN_LISTS) {
      const stmts = captured.get(url)!;
      const bare = await bareRate(handle.db, stmts, seconds);
      // The route warmed first, as its bare SQL is (its first round): a route's first second is the JIT compiling
      // its code, and counted it took a fifth off the rate of a 3-second window.
      await measureRoute(base + url, staff.headers, 1, 1);
      const route = await measureRoute(base + url, staff.headers, 1, seconds);
      const share = route.rps / bare;
      const name = url.split('?')[0]!;
      console.log(
        `  ${name.padEnd(18)} bare ${bare.toFixed(0).padStart(6)}/s (${stmts.length} statements)  route ` +
          `${route.rps.toFixed(0).padStart(6)}/s  ${(share * 100).toFixed(0)} %  p50 ${route.p50} ms`,
      );
      out.push({
        bench: `sweep bare (${t.label})`,
        name: `GET ${name} at 1 conn / its SQL bare`,
        value: share * 100,
        unit: '%',
        goal: `≥ ${BARE_SHARE * 100} %`,
        pass: share >= BARE_SHARE && route.bad === 0,
        note: `route ${route.rps.toFixed(0)}/s, bare ${bare.toFixed(0)}/s (${stmts.length} statements)`,
      });
    }
  } finally {
    await handle.close();
    await server.stop();
  }
  return out;
}

export async function sweepBench(opts: SweepOptions = {}): Promise<Figure[]> {
  await ensureServerBuilt();
  const rows: SweepRow[] = [];
  const figures: Figure[] = [];
  figures.push(
    ...(await onTargets(opts, async (t, seeded) => {
      if (opts.sweep !== false) await sweepTarget(t, seeded, opts, rows);
      return opts.bare === false ? [] : bareTarget(t, seeded, opts);
    })),
  );
  if (opts.out) fs.writeFileSync(opts.out, JSON.stringify(rows, null, 1));
  if (opts.sweep === false) return figures;
  const byDb = new Map<string, SweepRow[]>();
  for (const r of rows) byDb.set(r.db, [...(byDb.get(r.db) ?? []), r]);
  const sweepFigures: Figure[] = [];
  for (const [db, list] of byDb) {
    list.sort((a, b) => b.p99ten - a.p99ten || b.p50ten - a.p50ten);
    printRouteRows(`Every GET route on ${db}, slowest first (p99 at 10 connections)`, list, GOAL_MS);
    const miss = list.filter((r) => r.p99ten >= GOAL_MS || r.bad);
    if (miss.length) console.log(`  ${db}: ${miss.length} route(s) miss p99 < ${GOAL_MS} ms at 10 connections:`);
    for (const r of miss) console.log(`    ${r.route}  p99 ${r.p99ten} ms${r.bad ? `, ${r.bad} not 2xx` : ''}`);
    sweepFigures.push({
      bench: `sweep (${db})`,
      name: `routes with p99 ≥ ${GOAL_MS} ms at 10 conn (of ${list.length})`,
      value: miss.length,
      unit: '',
      goal: '0',
      pass: miss.length === 0,
      note: miss
        .slice(0, 4)
        .map((r) => `${r.route} ${r.p99ten} ms`)
        .join('; '),
    });
  }
  const sqlite = new Map((byDb.get('SQLite') ?? []).map((r) => [r.route, r]));
  const pgRows = byDb.get('PostgreSQL') ?? [];
  if (pgRows.length && sqlite.size) {
    const slower = pgRows
      .map((p) => ({ p, s: sqlite.get(p.route) }))
      .filter(
        (x): x is { p: SweepRow; s: SweepRow } =>
          !!x.s && x.p.p99ten > PG_RATIO * x.s.p99ten && x.p.p99ten - x.s.p99ten > RATIO_SLACK_MS,
      )
      .sort((a, b) => b.p.p99ten / Math.max(1, b.s.p99ten) - a.p.p99ten / Math.max(1, a.s.p99ten));
    console.log(
      `\n  PostgreSQL over ${PG_RATIO}× SQLite (p99 at 10 connections, more than ${RATIO_SLACK_MS} ms apart): ` +
        `${slower.length}`,
    );
    for (const { p, s } of slower)
      console.log(
        `    ${p.route}  PostgreSQL ${p.p99ten} ms, SQLite ${s.p99ten} ms (${(p.p99ten / s.p99ten).toFixed(1)}×)`,
      );
    sweepFigures.push({
      bench: 'sweep',
      name: `routes with PostgreSQL p99 > ${PG_RATIO}× SQLite's at 10 conn`,
      value: slower.length,
      unit: '',
      goal: '0',
      pass: slower.length === 0,
      note: slower
        .slice(0, 4)
        .map(({ p, s }) => `${p.route} ${p.p99ten}/${s.p99ten} ms`)
        .join('; '),
    });
  }
  return [...sweepFigures, ...figures];
}

/** The command line's options (bench/run.ts passes its own `--seconds`). */
export function sweepOptionsFrom(values: Record<string, string | boolean | undefined>): SweepOptions {
  const list = (v: unknown) =>
    typeof v === 'string' && v
      ? v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
  return {
    seconds: Number(values.seconds) > 0 ? Math.min(60, Number(values.seconds)) : undefined,
    routes: list(values.routes),
    dataDir: (values['data-dir'] as string | undefined) ?? undefined,
    pgUrl: (values.pg as string | undefined) ?? process.env.BENCH_PG_URL,
    pgDataDir: (values['pg-data-dir'] as string | undefined) ?? undefined,
    bare: values['no-bare'] ? false : undefined,
    sweep: values['bare-only'] ? false : undefined,
    out: (values.out as string | undefined) ?? undefined,
  };
}

export const SWEEP_ARGS = {
  routes: { type: 'string' },
  'data-dir': { type: 'string' },
  pg: { type: 'string' },
  'pg-data-dir': { type: 'string' },
  'no-bare': { type: 'boolean' },
  'bare-only': { type: 'boolean' },
  out: { type: 'string' },
} as const;

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { ...SWEEP_ARGS, seconds: { type: 'string' } }, strict: true });
  await runStandalone('Every GET route, measured', () => sweepBench(sweepOptionsFrom(values)));
}
