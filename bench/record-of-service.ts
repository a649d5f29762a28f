// The routes the one record of service and the one gate touch, on the Xiguan demo (5,823 residents), as the role
// that uses each: the left-out monitor and its spread, contacts by kind, the needs list, matching candidates for
// a need, the survey to-do, and a volunteer's "我的任务". Each at 1 and at 10 connections, over HTTP against the
// built server (dist/server/main.mjs) with the demo seeded at start. SQLite always; BENCH_PG_URL (or --pg URL)
// adds PostgreSQL on the same data. Goal: p99 < 200 ms at 10 connections for every route (a page a person waits
// for); CI does not run this.
//
//   npx tsx bench/record-of-service.ts [--seconds 5] [--pg postgres://postgres@127.0.0.1:5432/test]
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { onFreshDatabases } from './fresh-databases.ts';
import { ensureServerBuilt, isMain, runStandalone, signInOverHttp, startBuiltServer, type Figure } from './lib.ts';

const PASSWORD = 'xiguan-demo';
const STAFF = '13800000002',
  GRID_LEADER = '13800000003',
  VOLUNTEER = '13800000006';
const GOAL_MS = 200;

interface Route {
  who: string;
  phone: string;
  /** A path, or a function of the signed-in session's base URL and headers that finds one (e.g. a need's id). */
  path: string | ((base: string, headers: Record<string, string>) => Promise<string>);
}

async function firstOpenNeed(base: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${base}/api/needs?status=new&pageSize=1`, { headers });
  const body = (await res.json()) as { items: Array<{ id: string }> };
  if (!body.items[0]) throw new Error('the demo has no new need');
  return `/api/needs/${body.items[0].id}/candidates`;
}

const ROUTES: Route[] = [
  { who: 'staff', phone: STAFF, path: '/api/monitor/left-out?page=1&pageSize=50' },
  { who: 'staff', phone: STAFF, path: '/api/monitor/spread' },
  { who: 'staff', phone: STAFF, path: '/api/monitor/contacts-by-kind' },
  { who: 'staff', phone: STAFF, path: '/api/needs?page=1&pageSize=20' },
  { who: 'staff', phone: STAFF, path: firstOpenNeed },
  { who: 'grid leader', phone: GRID_LEADER, path: '/api/survey/todo?page=1&pageSize=20' },
  { who: 'grid leader', phone: GRID_LEADER, path: '/api/monitor/left-out?page=1&pageSize=50' },
  { who: 'volunteer', phone: VOLUNTEER, path: '/api/me/tasks' },
];

async function measure(base: string, path: string, headers: Record<string, string>, connections: number, s: number) {
  const r = await autocannon({ url: base + path, connections, duration: s, headers });
  return { rps: r.requests.total / s, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

export async function recordOfServiceBench(opts: { pgUrl?: string; seconds?: number } = {}): Promise<Figure[]> {
  const seconds = opts.seconds ?? 5;
  await ensureServerBuilt();
  return onFreshDatabases('record', opts.pgUrl, async (d) => {
    const server = await startBuiltServer(
      d.dir,
      { LINLI_JOBS: '0', LINLI_RATE_LIMITS: '0', ...d.env },
      { label: `server ${d.label}`, timeoutMs: 300_000 },
    );
    const out: Figure[] = [];
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const sessions = new Map<string, Record<string, string>>();
      for (const r of ROUTES) {
        const headers =
          sessions.get(r.phone) ??
          sessions.set(r.phone, (await signInOverHttp(base, r.phone, PASSWORD)).headers).get(r.phone)!;
        const path = typeof r.path === 'string' ? r.path : await r.path(base, headers);
        const probe = await fetch(base + path, { headers });
        const size = (await probe.arrayBuffer()).byteLength;
        if (probe.status !== 200) {
          out.push({
            bench: `record (${d.label})`,
            name: `${r.who} GET ${path}`,
            value: null,
            unit: 'ms',
            goal: `p99 < ${GOAL_MS} ms`,
            pass: false,
            note: `answered ${probe.status}`,
          });
          continue;
        }
        const one = await measure(base, path, headers, 1, seconds);
        const ten = await measure(base, path, headers, 10, seconds);
        const shown = path.replace(/[0-9a-f-]{36}/g, ':id');
        console.log(
          `${d.label} ${r.who} ${shown}: 1 conn p50 ${one.p50} ms p99 ${one.p99} ms; 10 conn p50 ${ten.p50} ms ` +
            `p99 ${ten.p99} ms, ${Math.round(ten.rps)}/s; ${size} B`,
        );
        out.push(
          {
            bench: `record (${d.label})`,
            name: `${r.who} GET ${shown}, 1 conn p99`,
            value: one.p99,
            unit: 'ms',
            goal: '',
            pass: null,
            note: `p50 ${one.p50} ms; ${size} B`,
          },
          {
            bench: `record (${d.label})`,
            name: `${r.who} GET ${shown}, 10 conn p99`,
            value: ten.p99,
            unit: 'ms',
            goal: `< ${GOAL_MS} ms`,
            pass: ten.p99 < GOAL_MS && ten.bad === 0,
            note: `p50 ${ten.p50} ms; ${Math.round(ten.rps)}/s${ten.bad ? `; ${ten.bad} bad` : ''}`,
          },
        );
      }
    } finally {
      await server.stop();
    }
    return out;
  });
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({ options: { pg: { type: 'string' }, seconds: { type: 'string' } }, strict: true });
  await runStandalone('The record of service: routes it touches', () =>
    recordOfServiceBench({
      pgUrl: values.pg ?? process.env.BENCH_PG_URL,
      seconds: Number(values.seconds) || undefined,
    }),
  );
}
