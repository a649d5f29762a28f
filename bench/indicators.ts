// The indicators dashboard. (1) Over HTTP against the built server with the Xiguan demo seeded at start: the
// community dashboard (GET /api/indicators, every chart) and the comparison of its grids, p99 at 10 connections, as
// the secretary. Goal: p99 < 100 ms. (2) In process, the figures of 100 communities at once (one street): every
// chart for a list of 100 community ids. Goal: < 300 ms.
//
// 100 communities: seeding 100 full Xiguans with scripts/demo-city.ts takes long; here Xiguan is seeded once and its
// rows of every table the indicators read are copied 99 times under new community ids, in SQL (a minute or two).
// The copies' health-related group tags are re-keyed for each community, so every copy counts as Xiguan does.
// SQLite always; BENCH_PG_URL (or --pg URL) adds PostgreSQL. CI does not run this.
//
//   npx tsx bench/indicators.ts [--seconds 5] [--communities 100] [--pg postgres://…]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import autocannon from 'autocannon';
import type { FastifyBaseLogger } from 'fastify';
import { DEMO_SIGN_INS } from '../scripts/demo/xiguan.ts';
import { ensureDemo, XIGUAN_ID } from '../server/src/demo.ts';
import type { Db } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import { IndicatorsService, type Resolved } from '../server/src/modules/indicators/indicators.service.ts';
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
    // (1) The community dashboard over HTTP (the server seeds the demo at its first start).
    const server = await startBuiltServer(
      d.dir,
      { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', ...d.env },
      { label: `server ${d.label}`, timeoutMs: 300_000, quiet: true },
    );
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const secretary = DEMO_SIGN_INS.find((s) => s.role === 'community_admin')!;
      const { headers } = await signInOverHttp(base, secretary.phone, PASSWORD);
      for (const path of ['/api/indicators', '/api/indicators/compare']) {
        const first = await fetch(base + path, { headers });
        const bytes = (await first.arrayBuffer()).byteLength;
        if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
        const ten = await measure(base + path, headers, 10, seconds);
        out.push({
          bench: `indicators (${d.label})`,
          name: `GET ${path} (community, 10 conn) p99`,
          value: ten.p99,
          unit: 'ms',
          goal: `< ${DASHBOARD_GOAL} ms`,
          pass: ten.p99 < DASHBOARD_GOAL && ten.bad === 0,
          note: `p50 ${ten.p50} ms; ${Math.round(ten.rps)} req/s; ${(bytes / 1024).toFixed(1)} KB`,
        });
      }
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

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { pg: { type: 'string' }, seconds: { type: 'string' }, communities: { type: 'string' } },
    strict: true,
  });
  const pgUrl = values.pg ?? process.env.BENCH_PG_URL;
  const communities = Number(values.communities) || undefined;
  await runStandalone('The indicators dashboard', async () => [
    ...(await indicatorsBench({ pgUrl, seconds: Number(values.seconds) || undefined })),
    ...(await streetBench({ pgUrl, communities })),
  ]);
}
