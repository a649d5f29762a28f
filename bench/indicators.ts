// The indicators dashboard. (1) Over HTTP against the built server with the Xiguan demo seeded at start: the
// community dashboard (GET /api/indicators, every chart) and the comparison of its grids, p99 at 10 connections, as
// the secretary, counted from the records (every request; no goal) and read from the stored figures (goal: < 50 ms).
// (2) In process, the figures of 100 communities at once (one street): every chart for a list of 100 community ids.
// Goal: < 300 ms.
//
// 100 communities: seeding 100 full Xiguans with scripts/demo-city.ts takes long; here Xiguan is seeded once and its
// rows of every table the indicators read are copied 99 times under new community ids, in SQL (a minute or two).
// The copies' health-related group tags are re-keyed for each community, so every copy counts as Xiguan does.
// SQLite always; BENCH_PG_URL (or --pg URL) adds PostgreSQL. CI does not run this.
//
//   npx tsx bench/indicators.ts [--seconds 5] [--communities 100] [--pg postgres://…]
//
// (3) A city built by scripts/demo-city.ts (every community a full Xiguan, all in 西关街道): --city DIR (its SQLite
// file and keyring), or --city DIR --city-pg postgres://… (the keyring from DIR). It refreshes every community's
// stored figures once, as the job indicators.refresh_rollup does (time per community), then over HTTP against the
// built server on that database (jobs off; answers not reused, LINLI_INDICATORS_REUSE_SECONDS=0, so every request
// computes): the street's dashboard and comparison at 1 and 10 connections, merged from the stored figures (goal
// p99 < 300 ms at 10), and Xiguan's community dashboard as its secretary (read from its stored figures, goal p99
// < 50 ms; also with the default 30 s reuse). --live-runs N also times the street's figures counted from the
// records in process, as before.
//
//   npx tsx bench/indicators.ts --city /tmp/city100 [--city-pg postgres://…/city] [--seconds 10] [--live-runs 1]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import autocannon from 'autocannon';
import type { FastifyBaseLogger } from 'fastify';
import { DEMO_SIGN_INS } from '../scripts/demo/xiguan.ts';
import { ensureDemo, XIGUAN_ID } from '../server/src/demo.ts';
import type { Db } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring, loadKeyring } from '../server/src/platform/crypto.ts';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { DEMO_REGION_SIGN_INS } from '../scripts/demo/regions.ts';
import {
  defaultWindow,
  IndicatorsService,
  type Resolved,
} from '../server/src/modules/indicators/indicators.service.ts';
import { groupTag } from '../server/src/modules/registry/resident-directory.ts';
import { SENSITIVE_GROUPS } from '../domain/registry/special-groups.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import {
  ensureServerBuilt,
  isMain,
  percentile,
  runStandalone,
  signInOverHttp,
  startBuiltServer,
  type Figure,
} from './lib.ts';

const PASSWORD = 'xiguan-demo';
const DASHBOARD_GOAL = 100;
/** A community's dashboard read from its stored figures: any route's goal (issue 17). */
const STORED_GOAL = 50;
const STREET_GOAL = 300;
/** The tables the indicators read, each copied per community (ids stay; the key is (community_id, id)). */
const TABLES = [
  'grid',
  'building',
  'household',
  'resident',
  'resident_tag',
  'unit',
  'volunteer',
  'team',
  'team_member',
  'party_member',
  'hours_entry',
  'contact',
  'need',
  'pairing',
  'classroom_child',
  'classroom_session',
  'classroom_attendance',
  'badge',
  'badge_scan',
  'activity',
  'activity_shift',
  'activity_signup',
  'activity_programme_item',
];

/** Columns unique across communities (tokens): each copy's get a suffix. */
const UNIQUE_TEXT = new Set(['token_hash', 'card_token']);

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const rows = await db
    .selectFrom(table as never)
    .selectAll()
    .limit(1)
    .execute();
  if (rows[0]) return Object.keys(rows[0]);
  return [];
}

/** Copies Xiguan's rows of TABLES under `ids` (one statement per table and community). */
export async function cloneXiguan(db: Db, cipher: FieldCipher, ids: string[], pg: boolean) {
  // Only the tables the figures read are copied, so references to others (service types, series…) are not checked.
  if (!pg) await sql`pragma foreign_keys = off`.execute(db);
  const cols = new Map<string, string[]>();
  for (const t of TABLES) cols.set(t, await columnsOf(db, t));
  for (const [k, id] of ids.entries()) {
    await db
      .insertInto('community')
      .values({
        id,
        name: `第${k + 2}社区`,
        district: '金台区',
        city: '宝鸡市',
        time_zone: 'Asia/Shanghai',
        created_at: new Date().toISOString(),
      })
      .execute();
    await db.transaction().execute(async (trx) => {
      if (pg) await sql`set local session_replication_role = replica`.execute(trx);
      for (const t of TABLES) {
        const c = cols.get(t)!;
        if (!c.length) continue;
        const list = sql.join(c.map((x) => sql.ref(x)));
        const select = sql.join(
          c.map((x) =>
            x === 'community_id' ? sql`${id}` : UNIQUE_TEXT.has(x) ? sql`${sql.ref(x)} || ${`-${k}`}` : sql.ref(x),
          ),
        );
        await sql`insert into ${sql.table(t)} (${list}) select ${select} from ${sql.table(t)}
          where community_id = ${XIGUAN_ID}`.execute(trx);
      }
      for (const g of SENSITIVE_GROUPS)
        await trx
          .updateTable('resident_tag')
          .set({ tag: groupTag(cipher, id, g) })
          .where('community_id', '=', id)
          .where('tag', '=', groupTag(cipher, XIGUAN_ID, g))
          .execute();
    });
  }
  if (!pg) await sql`pragma foreign_keys = on`.execute(db);
  await sql`analyze`.execute(db);
}

async function measure(url: string, headers: Record<string, string>, connections: number, seconds: number) {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.total / seconds,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

export async function indicatorsBench(opts: { pgUrl?: string; seconds?: number } = {}): Promise<Figure[]> {
  const seconds = opts.seconds ?? 5;
  await ensureServerBuilt();
  return onFreshDatabases('indicators', opts.pgUrl, async (d) => {
    const out: Figure[] = [];
    // (1) The community dashboard over HTTP (the server seeds the demo at its first start). Answers are not reused,
    // so every request computes: first counted from the records, then read from the stored figures once the refresh
    // (the job indicators.refresh_rollup, run here in process) has stored them.
    const server = await startBuiltServer(
      d.dir,
      { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', LINLI_INDICATORS_REUSE_SECONDS: '0', ...d.env },
      { label: `server ${d.label}`, timeoutMs: 300_000, quiet: true },
    );
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const secretary = DEMO_SIGN_INS.find((s) => s.role === 'community_admin')!;
      const { headers } = await signInOverHttp(base, secretary.phone, PASSWORD);
      // Counted from the records is what a period of one's own costs (the page's default is read from the stored
      // figures): shown for comparison, without a goal.
      const run = async (how: string, goal: number | null, stored: boolean) => {
        for (const path of ['/api/indicators', '/api/indicators/compare']) {
          const first = await fetch(base + path, { headers });
          const body = await first.text();
          if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
          if (path === '/api/indicators' && !!JSON.parse(body).computedAt !== stored)
            throw new Error(`${path}: expected the figures ${how}`);
          const ten = await measure(base + path, headers, 10, seconds);
          out.push({
            bench: `indicators (${d.label})`,
            name: `GET ${path} (community, ${how}, 10 conn) p99`,
            value: ten.p99,
            unit: 'ms',
            goal: goal ? `< ${goal} ms` : '—',
            pass: goal ? ten.p99 < goal && ten.bad === 0 : null,
            note: `p50 ${ten.p50} ms; ${Math.round(ten.rps)} req/s; ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB`,
          });
        }
      };
      await run('counted from the records', null, false);
      const cipher = new FieldCipher(loadKeyring({ dataDir: d.dir, warn: () => {} }));
      await d.use((db) => new IndicatorsService(db, cipher, 13, 0).refreshRollups());
      await run('read from the stored figures', STORED_GOAL, true);
    } finally {
      await server.stop();
    }

    return out;
  });
}

/** Seeds Xiguan plus n-1 copies into `db` and times the figures of all n at once. */
export async function streetFigures(
  db: Db,
  n: number,
  pg: boolean,
  runs = 20,
): Promise<{ seedMs: number; times: number[] }> {
  const cipher = new FieldCipher(generateKeyring());
  const t0 = performance.now();
  const quiet = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
  await ensureDemo(db, cipher, quiet);
  const ids = Array.from({ length: n - 1 }, (_, k) => `00000000-0000-7000-8000-${String(k + 2).padStart(12, '0')}`);
  await cloneXiguan(db, cipher, ids, pg);
  const seedMs = performance.now() - t0;
  const service = new IndicatorsService(db, cipher, 13);
  const all = [XIGUAN_ID, ...ids];
  const node: Resolved = {
    node: { id: 'street:bench', kind: 'street', name: '街道' },
    communityIds: all,
    gridId: null,
    children: [],
  };
  await service.figuresOf(null, node, '2025-12-01', '2026-11-30', 'zh'); // warm
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await service.figuresOf(null, node, '2025-12-01', '2026-11-30', 'zh');
    times.push(performance.now() - t);
  }
  return { seedMs, times };
}

export async function streetBench(opts: { pgUrl?: string; communities?: number } = {}): Promise<Figure[]> {
  const n = opts.communities ?? 100;
  return onFreshDatabases('indicators-street', opts.pgUrl, async (d) => {
    const { seedMs, times } = await d.use((db) => streetFigures(db, n, d.label === 'PostgreSQL'));
    return [
      {
        bench: `indicators (${d.label})`,
        name: `every chart of ${n} communities at once, p99 of ${times.length}`,
        value: Math.round(percentile(times, 0.99)),
        unit: 'ms',
        goal: `< ${STREET_GOAL} ms`,
        pass: percentile(times, 0.99) < STREET_GOAL,
        note:
          `p50 ${Math.round(percentile(times, 0.5))} ms; ` +
          `seeded Xiguan + ${n - 1} copies in ${(seedMs / 1000).toFixed(0)} s`,
      },
    ];
  });
}

/** The street office's dashboard on a city built by scripts/demo-city.ts (see the head of this file). */
export async function cityBench(opts: {
  dir: string;
  pgUrl?: string;
  seconds: number;
  liveRuns: number;
  /** The rows were refreshed today already: measure the merge only. */
  skipRefresh?: boolean;
}): Promise<Figure[]> {
  const label = opts.pgUrl ? 'PostgreSQL' : 'SQLite';
  const bench = `indicators city (${label})`;
  const out: Figure[] = [];
  const cipher = new FieldCipher(loadKeyring({ dataDir: opts.dir, warn: (m) => console.warn(m) }));
  const handle = openDatabase({ databaseUrl: opts.pgUrl, sqliteFile: `${opts.dir}/linli.sqlite`, poolSize: 5 });
  await migrateToLatest(handle.db);
  const n = (await handle.db.selectFrom('community').select('id').execute()).length;
  try {
    const service = new IndicatorsService(handle.db, cipher, 13, 0);
    const t = performance.now();
    const times = opts.skipRefresh ? [0] : await service.refreshRollups();
    const total = performance.now() - t;
    const bytes = await sql<{ b: number }>`select sum(length(data)) as b from indicators_rollup`.execute(handle.db);
    if (!opts.skipRefresh)
      out.push({
        bench,
        name: `refresh of the stored figures, per community (${times.length} communities)`,
        value: Math.round(percentile(times, 0.5)),
        unit: 'ms',
        goal: '—',
        pass: null,
        note:
          `p50; max ${Math.round(Math.max(...times))} ms; all ${(total / 1000).toFixed(1)} s; ` +
          `${(Number(bytes.rows[0]?.b ?? 0) / times.length / 1024).toFixed(0)} KB stored per community`,
      });
    {
      const street = DEMO_REGION_SIGN_INS[0]!;
      const account = await handle.db
        .selectFrom('account as a')
        .innerJoin('region_membership as m', 'm.account_id', 'a.id')
        .select(['a.id', 'm.region_id'])
        .where('a.phone', '=', street.phone)
        .executeTakeFirstOrThrow();
      const ids = (
        await handle.db.selectFrom('community').select('id').where('street_id', '=', account.region_id).execute()
      ).map((c) => c.id);
      const w = defaultWindow();
      const node: Resolved = {
        node: { id: `street:${account.region_id}`, kind: 'street', name: '西关街道' },
        communityIds: ids,
        gridId: null,
        children: [],
      };
      // The merge alone, in process: stored rows read (parsed once, then kept while unchanged) and folded.
      await service.figuresFor(null, node, w, 'zh');
      const merge: number[] = [];
      for (let i = 0; i < 20; i++) {
        const a = performance.now();
        await service.figuresFor(null, node, w, 'zh');
        merge.push(performance.now() - a);
      }
      // Right after a refresh every community's rows are new: read, parsed and folded again (a new service each time).
      const first: number[] = [];
      for (let i = 0; i < 10; i++) {
        const a = performance.now();
        await new IndicatorsService(handle.db, cipher, 13, 0).figuresFor(null, node, w, 'zh');
        first.push(performance.now() - a);
      }
      out.push({
        bench,
        name: `street figures, first merge after a refresh (${ids.length} rows read, parsed, folded; in process) p99`,
        value: Math.round(percentile(first, 0.99)),
        unit: 'ms',
        goal: '—',
        pass: null,
        note: `p50 ${Math.round(percentile(first, 0.5))} ms of 10`,
      });
      out.push({
        bench,
        name: `street figures merged again, rows unchanged (answer kept; in process) p99`,
        value: Math.round(percentile(merge, 0.99)),
        unit: 'ms',
        goal: '—',
        pass: null,
        note: `p50 ${Math.round(percentile(merge, 0.5))} ms of 20`,
      });
      const live: number[] = [];
      for (let i = 0; i < opts.liveRuns; i++) {
        const a = performance.now();
        await service.figuresOf(null, node, w.from, w.to, 'zh');
        live.push(performance.now() - a);
      }
      if (live.length)
        out.push({
          bench,
          name: `street figures counted from the records (${ids.length} communities, in process, as before)`,
          value: Math.round(percentile(live, 0.5)),
          unit: 'ms',
          goal: '—',
          pass: null,
          note: `median of ${live.length}`,
        });
    }
  } finally {
    await handle.close();
  }

  await ensureServerBuilt();
  const env: Record<string, string> = {
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    ...(opts.pgUrl ? { DATABASE_URL: opts.pgUrl } : {}),
  };
  const run = async (reuse: string, f: (base: string) => Promise<void>) => {
    const server = await startBuiltServer(
      opts.dir,
      { ...env, LINLI_INDICATORS_REUSE_SECONDS: reuse },
      { label: `server ${label}`, timeoutMs: 300_000, quiet: true },
    );
    try {
      await f(`http://127.0.0.1:${server.port}`);
    } finally {
      await server.stop();
    }
  };
  const w = defaultWindow();
  const q = `from=${w.from}&to=${w.to}`;
  await run('0', async (base) => {
    const office = await signInOverHttp(base, DEMO_REGION_SIGN_INS[0]!.phone, PASSWORD);
    for (const path of [`/api/indicators?${q}`, `/api/indicators/compare?${q}`]) {
      const first = await fetch(base + path, { headers: office.headers });
      const body = (await first.json()) as { computedAt?: string | null; rows?: unknown[] };
      if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
      for (const conns of [1, 10]) {
        const m = await measure(base + path, office.headers, conns, opts.seconds);
        out.push({
          bench,
          name: `street ${path.split('?')[0]} (${n} communities, merged, ${conns} conn) p99`,
          value: m.p99,
          unit: 'ms',
          goal: conns === 10 ? `< ${STREET_GOAL} ms` : '—',
          pass: conns === 10 ? m.p99 < STREET_GOAL && m.bad === 0 : null,
          note:
            `p50 ${m.p50} ms; ${Math.round(m.rps)} req/s; ${m.bad} bad; no reuse` +
            (body.computedAt !== undefined ? `; computedAt ${body.computedAt}` : `; ${body.rows?.length} rows`),
        });
      }
    }
    const secretary = await signInOverHttp(base, DEMO_SIGN_INS[0]!.phone, PASSWORD);
    const m = await measure(`${base}/api/indicators`, secretary.headers, 10, opts.seconds);
    out.push({
      bench,
      name: 'community /api/indicators (Xiguan, from its stored figures, 10 conn) p99',
      value: m.p99,
      unit: 'ms',
      goal: `< ${STORED_GOAL} ms`,
      pass: m.p99 < STORED_GOAL && m.bad === 0,
      note: `p50 ${m.p50} ms; ${Math.round(m.rps)} req/s; ${m.bad} bad; no reuse`,
    });
  });
  await run('30', async (base) => {
    const secretary = await signInOverHttp(base, DEMO_SIGN_INS[0]!.phone, PASSWORD);
    const m = await measure(`${base}/api/indicators`, secretary.headers, 10, opts.seconds);
    out.push({
      bench,
      name: 'community /api/indicators (Xiguan, 10 conn, 30 s reuse as deployed) p99',
      value: m.p99,
      unit: 'ms',
      goal: `< ${DASHBOARD_GOAL} ms`,
      pass: m.p99 < DASHBOARD_GOAL && m.bad === 0,
      note: `p50 ${m.p50} ms; ${Math.round(m.rps)} req/s; ${m.bad} bad`,
    });
  });
  return out;
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      pg: { type: 'string' },
      seconds: { type: 'string' },
      communities: { type: 'string' },
      city: { type: 'string' },
      'city-pg': { type: 'string' },
      'live-runs': { type: 'string' },
      'skip-refresh': { type: 'boolean' },
    },
    strict: true,
  });
  const pgUrl = values.pg ?? process.env.BENCH_PG_URL;
  const communities = Number(values.communities) || undefined;
  if (values.city) {
    await runStandalone('The indicators dashboard of a street office', () =>
      cityBench({
        dir: values.city!,
        pgUrl: values['city-pg'],
        seconds: Number(values.seconds) || 10,
        liveRuns: Number(values['live-runs'] ?? 0),
        skipRefresh: values['skip-refresh'],
      }),
    );
  }
  await runStandalone('The indicators dashboard', async () => [
    ...(await indicatorsBench({ pgUrl, seconds: Number(values.seconds) || undefined })),
    ...(await streetBench({ pgUrl, communities })),
  ]);
}
