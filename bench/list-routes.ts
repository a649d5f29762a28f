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
import { measureRoutes, printRouteRows, signInDemoRoles, type RouteRow } from './routes.ts';

const GOAL_MS = 200;

export async function listRoutesBench(
  opts: { pgUrl?: string; seconds?: number; only?: string[] } = {},
): Promise<Figure[]> {
  const seconds = opts.seconds ?? 2;
  await ensureServerBuilt();
  const rows: RouteRow[] = [];
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
      const measured = await measureRoutes(d.label, base, routes, paths, sessions, seconds);
      rows.push(...measured);
      for (const r of measured)
        out.push({
          bench: `lists (${d.label})`,
          name: `GET ${r.route} (${r.role}), 10 conn p99`,
          value: r.p99ten,
          unit: 'ms',
          goal: `< ${GOAL_MS} ms`,
          pass: r.p99ten < GOAL_MS && r.bad === 0,
          note: `p50 ${r.p50ten} ms; 1 conn p99 ${r.p99one} ms; ${(r.bytes / 1024).toFixed(1)} KB`,
        });
    } finally {
      await server.stop();
    }
    return out;
  });
  for (const db of new Set(rows.map((r) => r.db)))
    printRouteRows(
      `List routes of the Xiguan demo on ${db}, slowest first (p99 at 10 connections)`,
      rows.filter((r) => r.db === db),
      GOAL_MS,
    );
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
