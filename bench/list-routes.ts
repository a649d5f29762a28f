// Every list route (every GET route whose JSON body is a list: an array, or a page {items,total,page,pageSize}) on
// the Xiguan demo, over HTTP against the built server (dist/server/main.mjs) with the demo seeded at start: p50 and
// p99 at 1 and at 10 connections, as the first demo role that may read it (admin first, then staff, grid leader,
// team leader, unit coordinator, volunteer, resident; volunteer and resident first for a route of one's own: see
// bench/routes.ts). Path params are filled from the demo's rows as the every-GET test fills them
// (server/test/get-routes.ts). One table, slowest first by p99 at 10 connections. SQLite always;
// BENCH_PG_URL (or --pg URL) adds PostgreSQL. Goal: p99 < 200 ms at 10 connections. CI does not run this.
//
//   npx tsx bench/list-routes.ts [--seconds 2] [--only /api/badges,/api/needs] [--pg postgres://…]
import { parseArgs } from 'node:util';
import { benchPaths, getRoutes, type Any } from '../server/test/get-routes.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import { ensureServerBuilt, isMain, runStandalone, startBuiltServer, type Figure } from './lib.ts';
import { measureRoute as measure, roleFor, signInDemoRoles } from './routes.ts';

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
      const paths = await d.use((db) => benchPaths(routes, db as Any));
      const sessions = await signInDemoRoles(base);
      console.log(`  ${d.label}: ${routes.length} list routes, ${seconds} s at 1 and at 10 connections each`);
      for (const r of routes) {
        const path = paths.get(r.path);
        if (!path) {
          console.log(`  ${r.path}: params not fillable from the demo; skipped`);
          continue;
        }
        const who = await roleFor(base, path, sessions);
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
