// Every list route (every GET route whose JSON body is a list: an array, or a page {items,total,page,pageSize}) on
// the Xiguan demo, over HTTP against the built server (dist/server/main.mjs) with the demo seeded at start: p50 and
// p99 at 1 and at 10 connections, as the first demo role that may read it (admin first, then staff, grid leader,
// team leader, unit coordinator, volunteer, resident). Path params are filled from the demo's rows as the every-GET
// test fills them (server/test/get-routes.ts). One table, slowest first by p99 at 10 connections. SQLite always;
// BENCH_PG_URL (or --pg URL) adds PostgreSQL. Goal: p99 < 200 ms at 10 connections. CI does not run this.
//
//   npx tsx bench/list-routes.ts [--seconds 2] [--only /api/badges,/api/needs] [--pg postgres://…]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { DEMO_SIGN_INS } from '../scripts/demo/xiguan.ts';
import { fillPaths, getRoutes, type Any } from '../server/test/get-routes.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import { ensureServerBuilt, isMain, runStandalone, signInOverHttp, startBuiltServer, type Figure } from './lib.ts';

const PASSWORD = 'xiguan-demo';
/** Query params a route needs before it lists anything. */
const QUERY: Record<string, string> = {
  '/api/calendar/festivals': 'year=2026',
  '/api/calendar/solar-terms': 'year=2026',
  '/api/activities/performances/shows': 'year=2026',
  '/api/appointments/residents': `q=${encodeURIComponent('李')}`,
  '/api/homecare/residents': `q=${encodeURIComponent('李')}`,
  '/api/recognition/health-check': 'year=2026',
  '/api/needs/caller': 'phone=13800000007',
  '/api/recognition/health-check/bookings': 'year=2026',
  '/api/party-indicators': 'from=2026-01-01&to=2026-12-31',
};
/** Routes that list one volunteer's things: asked of the demo's first approved volunteer. */
const FOR_A_VOLUNTEER = ['/api/insurance/covers', '/api/training/certificates'];
const GOAL_MS = 200;

interface Row {
  db: string;
  route: string;
  role: string;
  bytes: number;
  p50one: number;
  p99one: number;
  p50ten: number;
  p99ten: number;
  rps: number;
  bad: number;
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

function printRows(rows: Row[]): void {
  const head = ['db', 'route', 'as', 'body', 'p50 1c', 'p99 1c', 'p50 10c', 'p99 10c', 'req/s 10c', ''];
  const cells = rows.map((r) => [
    r.db,
    r.route,
    r.role,
    `${(r.bytes / 1024).toFixed(1)} KB`,
    `${r.p50one} ms`,
    `${r.p99one} ms`,
    `${r.p50ten} ms`,
    `${r.p99ten} ms`,
    String(Math.round(r.rps)),
    (r.p99ten >= GOAL_MS ? 'OVER 200 ms' : '') + (r.bad ? ` ${r.bad} bad` : ''),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((x, i) => (i >= 3 && i <= 8 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\nList routes on the Xiguan demo, slowest first (p99 at 10 connections)\n`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
  console.log('');
}

export async function listRoutesBench(
  opts: { pgUrl?: string; seconds?: number; only?: string[] } = {},
): Promise<Figure[]> {
  const seconds = opts.seconds ?? 2;
  await ensureServerBuilt();
  const rows: Row[] = [];
  const figures = await onFreshDatabases('lists', opts.pgUrl, async (d) => {
    const server = await startBuiltServer(
      d.dir,
      { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', ...d.env },
      { label: `server ${d.label}`, timeoutMs: 300_000, quiet: true },
    );
    const out: Figure[] = [];
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const doc = await (await fetch(`${base}/api/openapi.json`)).json();
      const routes = getRoutes(doc).filter((r) => r.list && (!opts.only || opts.only.includes(r.path)));
      const paths = await d.use((db) => fillPaths(routes, db as Any));
      const volunteer = await d.use(
        async (db) =>
          (
            await (db as Any).selectFrom('volunteer').select('id').where('status', '=', 'approved').limit(1).execute()
          )[0]?.id as string | undefined,
      );
      if (volunteer) for (const route of FOR_A_VOLUNTEER) QUERY[route] = `volunteerId=${volunteer}`;
      const sessions: Array<{ role: string; headers: Record<string, string> }> = [];
      for (const s of DEMO_SIGN_INS)
        sessions.push({ role: s.role, headers: (await signInOverHttp(base, s.phone, PASSWORD)).headers });
      console.log(`  ${d.label}: ${routes.length} list routes, ${seconds} s at 1 and at 10 connections each`);
      for (const r of routes) {
        const filled = paths.get(r.path);
        const path = filled && QUERY[r.path] ? `${filled}?${QUERY[r.path]}` : filled;
        if (!path) {
          console.log(`  ${r.path}: params not fillable from the demo; skipped`);
          continue;
        }
        // The first role that may read it (the order of DEMO_SIGN_INS: admin first).
        let who: { role: string; headers: Record<string, string>; bytes: number } | null = null;
        for (const s of sessions) {
          const res = await fetch(base + path, { headers: s.headers });
          const bytes = (await res.arrayBuffer()).byteLength;
          if (res.status === 200) {
            who = { ...s, bytes };
            break;
          }
        }
        if (!who) {
          console.log(`  ${r.path}: no demo role gets a 200; skipped`);
          continue;
        }
        const one = await measure(base + path, who.headers, 1, seconds);
        const ten = await measure(base + path, who.headers, 10, seconds);
        rows.push({
          db: d.label,
          route: r.path,
          role: who.role,
          bytes: who.bytes,
          p50one: one.p50,
          p99one: one.p99,
          p50ten: ten.p50,
          p99ten: ten.p99,
          rps: ten.rps,
          bad: one.bad + ten.bad,
        });
        out.push({
          bench: `lists (${d.label})`,
          name: `GET ${r.path} (${who.role}), 10 conn p99`,
          value: ten.p99,
          unit: 'ms',
          goal: `< ${GOAL_MS} ms`,
          pass: ten.p99 < GOAL_MS && one.bad + ten.bad === 0,
          note: `p50 ${ten.p50} ms; 1 conn p99 ${one.p99} ms; ${(who.bytes / 1024).toFixed(1)} KB`,
        });
      }
    } finally {
      await server.stop();
    }
    return out;
  });
  rows.sort((a, b) => b.p99ten - a.p99ten || b.p50ten - a.p50ten);
  printRows(rows);
  return figures.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { pg: { type: 'string' }, seconds: { type: 'string' }, only: { type: 'string' } },
    strict: true,
  });
  await runStandalone('List routes on the Xiguan demo', () =>
    listRoutesBench({
      pgUrl: values.pg ?? process.env.BENCH_PG_URL,
      seconds: Number(values.seconds) || undefined,
      only: values.only ? values.only.split(',').map((s) => s.trim()) : undefined,
    }),
  );
}
