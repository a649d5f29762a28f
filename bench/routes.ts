// Shared by the benches that walk the GET routes (bench/list-routes.ts, bench/sweep.ts): the seven demo roles signed
// in over HTTP, the role a route is asked as, one autocannon run of a route, a walk over many routes and its table.
import autocannon from 'autocannon';
import { DEMO_SIGN_INS } from '../scripts/demo/xiguan.ts';
import { printColumns, signInOverHttp } from './lib.ts';

export const DEMO_BENCH_PASSWORD = 'xiguan-demo';

export interface RoleSession {
  role: string;
  headers: Record<string, string>;
}

/** The seven demo roles of Xiguan (community 1 of a demo city), signed in over HTTP, admin first. */
export async function signInDemoRoles(base: string): Promise<RoleSession[]> {
  const sessions: RoleSession[] = [];
  for (const s of DEMO_SIGN_INS)
    sessions.push({ role: s.role, headers: (await signInOverHttp(base, s.phone, DEMO_BENCH_PASSWORD)).headers });
  return sessions;
}

/** A route of the signed-in person's own (我的): a volunteer or a resident uses it, staff do not. */
const OWN = /\/(me|my|mine)(\/|$)/;

/**
 * The role that uses a route: the first demo role that gets a 200, in the order of DEMO_SIGN_INS (admin first), but
 * volunteers and residents first for a route of one's own. With the size of the body that role gets; null when no role
 * gets a 200.
 */
export async function roleFor(
  base: string,
  path: string,
  sessions: RoleSession[],
): Promise<(RoleSession & { bytes: number }) | null> {
  const own = OWN.test(path.split('?')[0]!);
  const order = own
    ? [...sessions.filter((s) => s.role === 'volunteer' || s.role === 'resident'), ...sessions]
    : sessions;
  for (const s of order) {
    const res = await fetch(base + path, { headers: s.headers });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status === 200) return { ...s, bytes };
  }
  return null;
}

export interface Measured {
  p50: number;
  p99: number;
  rps: number;
  /** Answers that were not 2xx, errors and timeouts. */
  bad: number;
}

/**
 * One route at `connections` for `seconds` (or, when it answers fewer than twice per connection in that window, for
 * two answers per connection): autocannon's p50 and p99 (ms), requests per second.
 */
export async function measureRoute(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<Measured> {
  let r = await autocannon({ url, connections, duration: seconds, headers });
  // A route slower than the window answered too few to measure (none, at worst): ask each connection twice instead.
  if (r.requests.total < connections * 2) {
    const t = performance.now();
    r = await autocannon({ url, connections, amount: connections * 2, headers, timeout: 60 });
    seconds = (performance.now() - t) / 1000;
  }
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    rps: r.requests.total / seconds,
    bad: r.non2xx + r.errors + r.timeouts,
  };
}

/** One route measured as the role that uses it, at 1 and at 10 connections. */
export interface RouteRow {
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

/**
 * Each route at 1 and at 10 connections for `seconds` each, as the role that uses it (roleFor); `urls` holds each
 * route's path with its params and query filled. Routes that cannot be filled or that no role may read are named
 * and skipped.
 */
export async function measureRoutes(
  db: string,
  base: string,
  routes: { path: string }[],
  urls: Map<string, string>,
  sessions: RoleSession[],
  seconds: number,
): Promise<RouteRow[]> {
  const rows: RouteRow[] = [];
  for (const r of routes) {
    const url = urls.get(r.path);
    if (!url) {
      console.log(`  ${r.path}: params not fillable from the data; skipped`);
      continue;
    }
    const who = await roleFor(base, url, sessions);
    if (!who) {
      console.log(`  ${r.path}: no demo role gets a 200; skipped`);
      continue;
    }
    const one = await measureRoute(base + url, who.headers, 1, seconds);
    const ten = await measureRoute(base + url, who.headers, 10, seconds);
    rows.push({
      db,
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
  }
  return rows;
}

/** The rows as a table under `title`, slowest first by p99 at 10 connections; a row at or over `goalMs` is marked. */
export function printRouteRows(title: string, rows: RouteRow[], goalMs: number): void {
  const sorted = [...rows].sort((a, b) => b.p99ten - a.p99ten || b.p50ten - a.p50ten);
  const ms = (v: number) => `${v} ms`;
  const head = ['route', 'as', 'body', 'p50 1c', 'p99 1c', 'p50 10c', 'p99 10c', 'req/s 10c', ''];
  const cells = sorted.map((r) => [
    r.route,
    r.role,
    `${(r.bytes / 1024).toFixed(1)} KB`,
    ms(r.p50one),
    ms(r.p99one),
    ms(r.p50ten),
    ms(r.p99ten),
    String(Math.round(r.rps)),
    (r.p99ten >= goalMs ? `MISS (≥ ${goalMs} ms)` : '') + (r.bad ? ` ${r.bad} not 2xx` : ''),
  ]);
  printColumns(title, head, cells, (i) => i >= 2 && i <= 7);
}
