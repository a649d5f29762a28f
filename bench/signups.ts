// 2,000 concurrent sign-ups for 50 places, over HTTP, against the built server (dist/server/main.mjs):
// exactly 50 must be confirmed and the other 1,950 waitlisted; sign-ups per second (goal ≥ 1,000/s on SQLite,
// ≥ 500/s on PostgreSQL) and the latency percentiles are reported. SQLite always; PostgreSQL too with BENCH_PG_URL
// (or --pg URL).
//
//   npx tsx bench/signups.ts [--requests 2000] [--places 50] [--pg postgres://postgres@127.0.0.1:5432/test]
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Db } from '../server/src/db/database.ts';
import { uuidv7 } from '../domain/shared/ids.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../domain/shared/dates.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import {
  benchVolunteerRow,
  cpuMs,
  insertStaffAccount,
  insertBenchCommunity,
  ensureServerBuilt,
  isMain,
  percentile,
  runBurstFromCommandLine,
  signInOverHttp,
  startBurstServer,
  type Figure,
} from './lib.ts';

const STAFF_PHONE = '13800000002';
const PASSWORD = 'bench-password';

/**
 * One community, one staff account, `volunteers` approved volunteers and a published activity whose one shift has
 * `places` places.
 */
async function seed(
  db: Db,
  volunteers: number,
  places: number,
): Promise<{ activityId: string; shiftId: string; volunteerIds: string[] }> {
  const now = new Date().toISOString();
  const community = uuidv7(),
    account = uuidv7(),
    activityId = uuidv7(),
    shiftId = uuidv7();
  await insertBenchCommunity(db, now, community);
  await insertStaffAccount(db, community, STAFF_PHONE, PASSWORD, now, account);
  const volunteerIds: string[] = [];
  const rows = [];
  for (let i = 0; i < volunteers + 1; i++) {
    const row = benchVolunteerRow(community, i, now);
    volunteerIds.push(row.id);
    rows.push(row);
  }
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('volunteer')
      .values(rows.slice(i, i + 100))
      .execute();
  const date = addDays(todayInShanghai(), 2);
  const startsAt = shanghaiInstant(date, 540),
    endsAt = shanghaiInstant(date, 660);
  await db
    .insertInto('activity')
    .values({
      community_id: community,
      id: activityId,
      kind: 'service',
      title: '中秋做月饼',
      description: null,
      organiser_team_id: null,
      organiser_unit_id: null,
      place: '社区食堂',
      lat: null,
      lng: null,
      tolerance_m: null,
      date,
      starts_at: startsAt,
      ends_at: endsAt,
      service_type_id: null,
      status: 'published',
      series_id: null,
      template_key: null,
      audience_count: null,
      created_by: account,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('activity_shift')
    .values({
      community_id: community,
      id: shiftId,
      activity_id: activityId,
      position: 0,
      name: '厨房组',
      starts_at: startsAt,
      ends_at: endsAt,
      places,
      taken: 0,
    })
    .execute();
  return { activityId, shiftId, volunteerIds };
}

// All 2,000 requests are issued at once; they share 100 keep-alive sockets (as a front proxy would), so the
// burst measures the server rather than 2,000 TCP handshakes racing a connect timeout.
const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          data += c;
        });
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Sign-ups per second the burst must reach, per database (issue 17). */
const RATE_GOAL: Record<string, number> = { SQLite: 1000, PostgreSQL: 500 };

async function burst(
  label: string,
  env: Record<string, string>,
  dataDir: string,
  s: Awaited<ReturnType<typeof seed>>,
  places: number,
  check: () => Promise<{ taken: number; confirmed: number; waitlisted: number }>,
): Promise<Figure[]> {
  const server = await startBurstServer(label, env, dataDir);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { headers } = await signInOverHttp(base, STAFF_PHONE, PASSWORD);
    const url = `${base}/api/activities/${s.activityId}/signups`;
    const [warm, ...burstIds] = s.volunteerIds;
    // Warm the route (and withdraw it), so the burst measures sign-ups, not first-call compilation.
    const w = (await (
      await fetch(url, { method: 'POST', headers, body: JSON.stringify({ shiftId: s.shiftId, volunteerIds: [warm] }) })
    ).json()) as Array<{ id: string }>;
    await fetch(`${base}/api/activities/signups/${w[0]!.id}/withdraw`, { method: 'POST', headers, body: '{}' });

    const latencies: number[] = [];
    const codes = new Map<string, number>();
    const cpu0 = cpuMs(server.child.pid);
    const t0 = performance.now();
    await Promise.all(
      burstIds.map(async (v) => {
        const t = performance.now();
        const res = await post(url, headers, JSON.stringify({ shiftId: s.shiftId, volunteerIds: [v] }));
        latencies.push(performance.now() - t);
        const key = res.status === 201 ? (res.json[0].status as string) : (res.json.error?.code ?? String(res.status));
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }),
    );
    const wall = performance.now() - t0;
    const cpu1 = cpuMs(server.child.pid);
    latencies.sort((a, b) => a - b);
    const n = burstIds.length;
    const confirmed = codes.get('confirmed') ?? 0,
      waitlisted = codes.get('waitlisted') ?? 0;
    const db = await check();
    const other = [...codes]
      .filter(([k]) => k !== 'confirmed' && k !== 'waitlisted')
      .map(([k, c]) => `${k} ${c}`)
      .join(', ');
    const rate = n / (wall / 1000);
    return [
      {
        bench: 'signups',
        name: `${label}: confirmed of ${n} concurrent for ${places} places`,
        value: confirmed,
        unit: '',
        goal: `= ${places}`,
        pass: confirmed === places && db.taken === places && db.confirmed === places,
        note: `shift counter ${db.taken}, confirmed rows ${db.confirmed}`,
      },
      {
        bench: 'signups',
        name: `${label}: waitlisted`,
        value: waitlisted,
        unit: '',
        goal: `= ${n - places}`,
        pass: waitlisted === n - places && db.waitlisted === n - places,
        note: other || undefined,
      },
      {
        bench: 'signups',
        name: `${label}: sign-ups per second`,
        value: rate,
        unit: '/s',
        goal: RATE_GOAL[label] ? `≥ ${RATE_GOAL[label]}` : '',
        pass: RATE_GOAL[label] ? rate >= RATE_GOAL[label] : null,
        // The server's CPU time per sign-up: steadier than the rate on a machine shared with other work.
        note:
          `wall ${wall.toFixed(0)} ms` +
          (cpu0 !== null && cpu1 !== null ? `; server CPU ${((cpu1 - cpu0) / n).toFixed(2)} ms per sign-up` : ''),
      },
      {
        bench: 'signups',
        name: `${label}: latency p50`,
        value: percentile(latencies, 0.5),
        unit: 'ms',
        goal: '',
        pass: null,
      },
      {
        bench: 'signups',
        name: `${label}: latency p99`,
        value: percentile(latencies, 0.99),
        unit: 'ms',
        goal: '',
        pass: null,
        note: `max ${latencies.at(-1)!.toFixed(0)} ms`,
      },
    ];
  } finally {
    await server.stop();
  }
}

async function counts(db: Db, shiftId: string) {
  const shift = await db
    .selectFrom('activity_shift')
    .select('taken')
    .where('id', '=', shiftId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('activity_signup')
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .where('shift_id', '=', shiftId)
    .groupBy('status')
    .execute();
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { taken: Number(shift.taken), confirmed: of('confirmed'), waitlisted: of('waitlisted') };
}

export async function signupsBench(
  opts: { requests?: number; places?: number; pgUrl?: string } = {},
): Promise<Figure[]> {
  const requests = opts.requests ?? 2000,
    places = opts.places ?? 50;
  await ensureServerBuilt();
  return onFreshDatabases('signups', opts.pgUrl, async (d) => {
    const s = await d.use((db) => seed(db, requests, places));
    return burst(d.label, d.env, d.dir, s, places, () => d.use((db) => counts(db, s.shiftId)));
  });
}

if (isMain(import.meta.url))
  await runBurstFromCommandLine(
    '2,000 concurrent sign-ups for 50 places',
    { requests: 2000, places: 50 },
    'BENCH_PG_URL',
    ({ requests, places }, pgUrl) => signupsBench({ requests, places, pgUrl }),
  );
