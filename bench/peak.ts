// A peak hour for Baoji: the traffic of 550 communities in their busiest hour, modelled from the demo's own daily
// rhythm, run at ten times that rate against the built server on a city made by `npm run demo:city`, for ten
// minutes, after 30 s of the same mix not counted (the server warming up). Printed: the model (each kind of
// request per community per peak hour, then per second for the city and at the factor), then per route p50/p99
// against the 50 ms budget, errors (any answer but the expected 2xx, any failed connection; goal 0), and the
// server's memory, sampled every 10 s (steady: the last minute's largest RSS at most 20% above the first minute's).
//
//   npm run demo:city -- --communities 3 --data-dir /work/peak-data      (a city to run on; once)
//   npx tsx bench/peak.ts [--data-dir DIR] [--pg URL] [--minutes 10] [--factor 10] [--cities 550] [--warmup 30]
//   npm run bench -- --only peak     (BENCH_PEAK_DATA_DIR, BENCH_PEAK_PG_URL, BENCH_PEAK_MINUTES choose the same)
//
// --pg: the city is in that PostgreSQL database (demo:city with DATABASE_URL); the data dir still holds its keyring.
// It is vacuumed first, as autovacuum does after a load, and checkpointed.
// The run writes to the city (needs taken, volunteers signed up): build a fresh one to repeat it exactly.
//
// The model, per community, for its busiest hour (a weekday morning at the office, an activity about to start):
//   staff searches   12 staff (the demo's office) × 6 look-ups of a resident each in that hour
//   hotline          the demo's needs per day (its year of needs / 365) × 1.5 (the busiest weekday) × 25% (the
//                    busiest hour of an eight-hour office day, twice the mean): each call one look-up of the caller
//                    and one need taken
//   sign-ups         half of one activity's sign-ups (the demo's sign-ups / its activities) in the hour after
//                    it is published
//   check-ins        one activity's check-ins (the demo's check-ins / its past activities), all in the hour
//                    before it starts: each is the staff's attendance list read at the door (the code scan itself
//                    needs a volunteer's phone session and is not in the mix)
//   badge scans      the demo's scans per day × 4 (elders are out in the morning), at least one an hour
//   dashboards       the secretary, the director and the street office: one look each (each community's figures
//                    stored first, as the refresh job keeps them in a running deployment)
// The demo's counts are read from the city at the start, so the printed model shows where each number came from.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../server/src/db/database.ts';
import { IndicatorsService } from '../server/src/modules/indicators/indicators.service.ts';
import { FieldCipher, loadKeyring } from '../server/src/platform/crypto.ts';
import { DEMO_PASSWORD } from '../server/src/demo.ts';
import { addDays, todayInShanghai } from '../domain/shared/dates.ts';
import {
  ensureServerBuilt,
  isMain,
  percentile,
  runStandalone,
  signInOverHttp,
  sleep,
  startBuiltServer,
  type Figure,
} from './lib.ts';

const BUDGET_MS = 50;
const SAMPLE_MS = 10_000;

export interface PeakOptions {
  dataDir?: string;
  pgUrl?: string;
  minutes?: number;
  factor?: number;
  cities?: number;
  /** The mix at the same rate before the measured minutes, not counted (default 30). */
  warmupSeconds?: number;
}

type RouteName = 'search' | 'caller' | 'need' | 'signup' | 'attendance' | 'badge' | 'dashboard';
interface Model {
  perHour: Record<RouteName, number>;
  basis: string[];
}

/** Staff in a demo community's office (the case study's 12). */
const STAFF = 12;

async function readModel(db: ReturnType<typeof openDatabase>['db']): Promise<Model & { communities: string[] }> {
  const communities = (await db.selectFrom('community').select('id').orderBy('id').execute()).map((c) => c.id);
  const n = communities.length;
  const count = async (table: 'need' | 'activity_signup' | 'badge_scan' | 'activity', where?: string) => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (where === 'checked_in') q = q.where('checked_in_at' as never, 'is not', null);
    if (where === 'past') q = q.where('date' as never, '<', todayInShanghai() as never);
    return Number((await q.executeTakeFirstOrThrow()).n) / n;
  };
  const needs = await count('need'),
    signups = await count('activity_signup'),
    checkins = await count('activity_signup', 'checked_in'),
    activities = await count('activity'),
    past = await count('activity', 'past');
  const scanSpan = await db
    .selectFrom('badge_scan')
    .select((eb) => [eb.fn.min<string>('at').as('first'), eb.fn.countAll<number>().as('n')])
    .executeTakeFirst();
  const scanDays = scanSpan?.first ? Math.max(1, (Date.now() - Date.parse(scanSpan.first)) / 86_400_000) : 1;
  const scansPerDay = Number(scanSpan?.n ?? 0) / n / scanDays;
  const needsPerDay = needs / 365;
  const perHour: Record<RouteName, number> = {
    search: STAFF * 6,
    caller: needsPerDay * 1.5 * 0.25,
    need: needsPerDay * 1.5 * 0.25,
    signup: activities ? signups / activities / 2 : 5,
    attendance: past ? checkins / past : 9,
    badge: Math.max(1, scansPerDay * 4),
    dashboard: 3,
  };
  const basis = [
    `demo per community: ${needs.toFixed(0)} needs in its year (${needsPerDay.toFixed(2)}/day), ` +
      `${signups.toFixed(0)} sign-ups over ${activities.toFixed(0)} activities, ${checkins.toFixed(0)} check-ins ` +
      `over ${past.toFixed(0)} past ones, ${scansPerDay.toFixed(2)} badge scans/day, ${STAFF} staff`,
  ];
  return { perHour, basis, communities };
}

/** Keep-alive sockets as a front proxy would hold them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function request(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
      },
    );
    // From the moment it is sent (queueing for a socket included): an answer later than this is an error.
    const timer = setTimeout(() => req.destroy(new Error('no answer in 30 s')), 30_000);
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(body);
  });
}

function rssKb(pid: number | undefined): number | null {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '胡', '朱', '郭'];

export async function peakBench(o: PeakOptions = {}): Promise<Figure[]> {
  const dataDir = path.resolve(o.dataDir ?? process.env.BENCH_PEAK_DATA_DIR ?? 'data-city');
  const pgUrl = o.pgUrl ?? process.env.BENCH_PEAK_PG_URL;
  const minutes = Math.max(0.5, o.minutes ?? (Number(process.env.BENCH_PEAK_MINUTES) || 10));
  const factor = o.factor ?? 10;
  const cities = o.cities ?? 550;
  const warmupSeconds = Math.max(0, o.warmupSeconds ?? 30);
  if (!pgUrl && !fs.existsSync(path.join(dataDir, 'linli.sqlite')))
    throw new Error(`no city in ${dataDir}: npm run demo:city -- --communities 3 --data-dir ${dataDir}`);
  await ensureServerBuilt();

  // ---- the model, and what each kind of request will be sent with (read from the city itself) ----
  const h = pgUrl
    ? openDatabase({ databaseUrl: pgUrl })
    : openDatabase({ sqliteFile: path.join(dataDir, 'linli.sqlite') });
  const today = todayInShanghai();
  let model: Awaited<ReturnType<typeof readModel>>;
  const perCommunity: Array<{
    id: string;
    residents: string[];
    phones: string[];
    activities: Array<{ id: string; shiftId: string }>;
    volunteers: string[];
    taken: Set<string>;
    lists: string[];
  }> = [];
  try {
    model = await readModel(h.db);
    // A running deployment's job (indicators.refresh_rollup) keeps every community's figures stored, and the
    // dashboards read them; a city just built has none yet, so they are stored here once, as the job does.
    const cipher = new FieldCipher(loadKeyring({ dataDir, warn: (m) => console.warn(m) }));
    const refreshed = await new IndicatorsService(h.db, cipher, 13, 0).refreshRollups();
    const refreshMs = Math.round(refreshed.reduce((a, b) => a + b, 0));
    console.log(`  stored figures refreshed: ${refreshed.length} communities, ${refreshMs} ms`);
    if (pgUrl) {
      // A city just loaded has no visibility map yet: PostgreSQL cannot answer from an index alone (a name search's
      // count: 6.5 ms instead of 2.2), and autovacuum would set it in the middle of the hour. A running deployment's
      // autovacuum has long done so.
      const t = performance.now();
      await sql`vacuum (analyze)`.execute(h.db);
      console.log(`  vacuumed (as autovacuum does after a load): ${Math.round(performance.now() - t)} ms`);
      // And its disk has long written what the load and the vacuum left. Without a checkpoint here, the one due in
      // the run wrote the whole city at once: once, a 2-second stall of every request, three minutes in.
      try {
        await sql`checkpoint`.execute(h.db);
      } catch (e) {
        console.log(`  no checkpoint first (${(e as Error).message}): a stall in the run may be the load's writes`);
      }
    }
    for (const id of model.communities) {
      const residents = await h.db
        .selectFrom('resident')
        .select('id')
        .where('community_id', '=', id)
        .limit(2000)
        .execute();
      const phones = await h.db
        .selectFrom('resident')
        .select('phone')
        .where('community_id', '=', id)
        .where('phone', 'is not', null)
        .limit(500)
        .execute()
        .catch(() => [] as Array<{ phone: string | null }>);
      // Sign-ups go to published activities ahead, with no service type and no minors' rules, so the gate's only
      // questions are the ones every volunteer answers; each volunteer signs up for each activity at most once.
      const activities = await h.db
        .selectFrom('activity as a')
        .innerJoin('activity_shift as s', (j) =>
          j.onRef('s.activity_id', '=', 'a.id').onRef('s.community_id', '=', 'a.community_id'),
        )
        .select(['a.id', 's.id as shiftId'])
        .where('a.community_id', '=', id)
        .where('a.status', '=', 'published')
        .where('a.service_type_id', 'is', null)
        .where('a.date', '>', addDays(today, 1))
        .where((eb) => eb.or([eb('a.junior_volunteers', 'is', null), eb('a.junior_volunteers', '=', 0)]))
        .where('s.position', '=', 0)
        .orderBy('a.date')
        .limit(20)
        .execute();
      const adultFrom = `${Number(today.slice(0, 4)) - 60}${today.slice(4)}`;
      const adultTo = `${Number(today.slice(0, 4)) - 20}${today.slice(4)}`;
      const volunteers = await h.db
        .selectFrom('volunteer')
        .select('id')
        .where('community_id', '=', id)
        .where('status', '=', 'approved')
        .where('birth_date', '>=', adultFrom)
        .where('birth_date', '<=', adultTo)
        .execute();
      // Pairs already in the demo (a volunteer signed up for that activity) are not sent again.
      const taken = new Set(
        (
          await h.db
            .selectFrom('activity_signup')
            .select(['activity_id', 'volunteer_id'])
            .where('community_id', '=', id)
            .where('status', '<>', 'cancelled')
            .execute()
        ).map((r) => `${r.activity_id} ${r.volunteer_id}`),
      );
      const lists = await h.db
        .selectFrom('activity')
        .select('id')
        .where('community_id', '=', id)
        .where('date', '<=', today)
        .orderBy('date', 'desc')
        .limit(20)
        .execute();
      perCommunity.push({
        id,
        residents: residents.map((r) => r.id),
        phones: phones.map((p) => p.phone!).filter((p) => /^\d{11}$/.test(p)),
        activities: activities.map((a) => ({ id: a.id, shiftId: a.shiftId })),
        taken,
        volunteers: volunteers.map((v) => v.id),
        lists: lists.map((l) => l.id),
      });
    }
  } finally {
    await h.close();
  }
  const names = Object.keys(model.perHour) as RouteName[];
  const perCommunityHour = names.reduce((s, k) => s + model.perHour[k], 0);
  console.log(`  model of Baoji's peak hour (${model.basis.join('; ')}):`);
  const head = ['/community/h'.padStart(12), `×${cities} /s`.padStart(10), `×${factor} /s`.padStart(9)];
  console.log(`    ${'route'.padEnd(11)} ${head.join(' ')}`);
  const rate: Record<RouteName, number> = {} as never;
  for (const k of names) {
    rate[k] = (model.perHour[k] * cities * factor) / 3600;
    console.log(
      `    ${k.padEnd(11)} ${model.perHour[k].toFixed(2).padStart(12)} ${((model.perHour[k] * cities) / 3600)
        .toFixed(2)
        .padStart(10)} ${rate[k].toFixed(1).padStart(9)}`,
    );
  }
  const total = names.reduce((s, k) => s + rate[k], 0);
  console.log(
    `    ${'all'.padEnd(11)} ${perCommunityHour.toFixed(1).padStart(12)} ${(total / factor).toFixed(1).padStart(10)} ` +
      `${total.toFixed(1).padStart(9)}   over ${model.communities.length} communities of this city, ${minutes} min ` +
      `after ${warmupSeconds} s not counted`,
  );

  // ---- the server, and a staff, secretary and badge page for each community ----
  const server = await startBuiltServer(
    dataDir,
    { LINLI_DEMO: '0', LINLI_RATE_LIMITS: '0', LINLI_LOG_LEVEL: 'warn', ...(pgUrl ? { DATABASE_URL: pgUrl } : {}) },
    { label: 'server', timeoutMs: 300_000 },
  );
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const sessions: Array<{
      staff: Awaited<ReturnType<typeof signInOverHttp>>;
      secretary: Awaited<ReturnType<typeof signInOverHttp>>;
      badges: string[];
    }> = [];
    for (let k = 0; k < perCommunity.length; k++) {
      const prefix = `138${String(k).padStart(4, '0')}`;
      const staff = await signInOverHttp(base, `${prefix}0002`, DEMO_PASSWORD);
      const secretary = await signInOverHttp(base, `${prefix}0001`, DEMO_PASSWORD);
      const badges = JSON.parse(
        (await request(`${base}/api/badges?status=active&pageSize=50`, 'GET', { cookie: staff.cookie })).body,
      ) as { items?: Array<{ url: string }> };
      sessions.push({ staff, secretary, badges: (badges.items ?? []).map((b) => new URL(b.url).pathname) });
    }

    // Each sends its next request; `null` when it has nothing left to send (counted as skipped).
    const pairs = perCommunity.map((c) => ({ c, a: 0, v: 0 }));
    let n = 0;
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
    const makers: Record<
      RouteName,
      () => { url: string; method: string; headers: Record<string, string>; body?: string; ok: number } | null
    > = {
      search: () => {
        const k = n++ % perCommunity.length;
        return {
          url: `${base}/api/residents?${new URLSearchParams({ q: pick(SURNAMES), pageSize: '20' })}`,
          method: 'GET',
          headers: { cookie: sessions[k]!.staff.cookie },
          ok: 200,
        };
      },
      caller: () => {
        const k = n++ % perCommunity.length;
        const phones = perCommunity[k]!.phones;
        if (!phones.length) return null;
        return {
          url: `${base}/api/needs/caller?phone=${pick(phones)}`,
          method: 'GET',
          headers: { cookie: sessions[k]!.staff.cookie },
          ok: 200,
        };
      },
      need: () => {
        const k = n++ % perCommunity.length;
        return {
          url: `${base}/api/needs`,
          method: 'POST',
          headers: sessions[k]!.staff.headers,
          body: JSON.stringify({
            residentId: pick(perCommunity[k]!.residents),
            channel: 'phone',
            category: 'household',
            description: '高峰时段电话求助：需要上门帮忙',
          }),
          ok: 201,
        };
      },
      signup: () => {
        // Every (activity, volunteer) pair once, community by community in turn.
        for (let tries = 0; tries < pairs.length; tries++) {
          const p = pairs[n++ % pairs.length]!;
          // Past the pairs already signed up (by the demo, or by an earlier run on the same city).
          while (p.a < p.c.activities.length) {
            const act = p.c.activities[p.a]!;
            const vol = p.c.volunteers[p.v++];
            if (p.v >= p.c.volunteers.length) {
              p.v = 0;
              p.a++;
            }
            if (vol === undefined || p.c.taken.has(`${act.id} ${vol}`)) continue;
            const k = perCommunity.indexOf(p.c);
            return {
              url: `${base}/api/activities/${act.id}/signups`,
              method: 'POST',
              headers: sessions[k]!.staff.headers,
              body: JSON.stringify({ shiftId: act.shiftId, volunteerIds: [vol] }),
              ok: 201,
            };
          }
        }
        return null;
      },
      attendance: () => {
        const k = n++ % perCommunity.length;
        if (!perCommunity[k]!.lists.length) return null;
        return {
          url: `${base}/api/activities/${pick(perCommunity[k]!.lists)}/signups`,
          method: 'GET',
          headers: { cookie: sessions[k]!.staff.cookie },
          ok: 200,
        };
      },
      badge: () => {
        const k = n++ % perCommunity.length;
        if (!sessions[k]!.badges.length) return null;
        return {
          url: `${base}${pick(sessions[k]!.badges)}`,
          method: 'GET',
          headers: { 'accept-encoding': 'gzip' },
          ok: 200,
        };
      },
      dashboard: () => {
        const k = n++ % perCommunity.length;
        return {
          url: `${base}/api/indicators`,
          method: 'GET',
          headers: { cookie: sessions[k]!.secretary.cookie },
          ok: 200,
        };
      },
    };

    // ---- the run: each route on its own steady clock (open loop: a slow answer does not slow the senders) ----
    const lat: Record<RouteName, number[]> = Object.fromEntries(names.map((k) => [k, []])) as never;
    const errors: Record<RouteName, Map<string, number>> = Object.fromEntries(
      names.map((k) => [k, new Map()]),
    ) as never;
    const skipped: Record<RouteName, number> = Object.fromEntries(names.map((k) => [k, 0])) as never;
    const inFlight = new Set<Promise<void>>();
    const durationMs = minutes * 60_000;
    const rss: Array<{ at: number; kb: number }> = [];
    const t0 = performance.now();
    /** When the measured minutes began (the memory is judged over them, not the warm-up). */
    let t1 = t0;
    const sampleRss = () => {
      const kb = rssKb(server.child.pid);
      if (kb !== null) rss.push({ at: performance.now() - t1, kb });
    };
    sampleRss();
    const sampler = setInterval(sampleRss, SAMPLE_MS);
    // During the warm-up the answers are not counted (a wrong one still is: an error is an error).
    let counting = false;
    const fire = (k: RouteName) => {
      const r = makers[k]();
      if (!r) {
        skipped[k]++;
        return;
      }
      const t = performance.now();
      const counted = counting;
      const p = request(r.url, r.method, r.headers, r.body)
        .then(
          (res) => {
            if (counted) lat[k].push(performance.now() - t);
            if (res.status !== r.ok) {
              let code = String(res.status);
              try {
                code = (JSON.parse(res.body) as { error?: { code?: string } }).error?.code ?? code;
              } catch {
                /* a page, not JSON */
              }
              errors[k].set(code, (errors[k].get(code) ?? 0) + 1);
            }
          },
          (err: Error) => {
            errors[k].set(err.message, (errors[k].get(err.message) ?? 0) + 1);
          },
        )
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    };
    const drive = (from: number, ms: number) =>
      Promise.all(
        names.map(async (k) => {
          const every = 1000 / rate[k];
          let due = from + Math.random() * every;
          while (due - from < ms) {
            const wait = due - performance.now();
            if (wait > 0) await sleep(wait);
            fire(k);
            due += every;
          }
        }),
      );
    // A deployment at its peak hour has been up since the morning: its code is compiled and its database
    // connections are open and have planned their statements. A server just started has none of that, and on
    // PostgreSQL its first two or three seconds answered some 270 requests in 100-200 ms, a whole 3-minute run's
    // 1 %. So the same mix runs first for warmupSeconds, not counted, and the measured minutes follow at once.
    await drive(t0, warmupSeconds * 1000);
    counting = true;
    t1 = performance.now();
    rss.length = 0;
    sampleRss();
    await drive(t1, durationMs);
    // The last answers, for as long as one may take; what is still out then is counted as an error.
    await Promise.race([Promise.all([...inFlight]), sleep(31_000)]);
    clearInterval(sampler);
    sampleRss();
    const wall = (performance.now() - t1) / 1000;

    // ---- the result ----
    const figures: Figure[] = [];
    const bench = `peak (${pgUrl ? 'PostgreSQL' : 'SQLite'})`;
    let allErrors = 0;
    for (const k of names) {
      const xs = lat[k];
      const errs = [...errors[k]].reduce((s, [, c]) => s + c, 0);
      allErrors += errs;
      const p99 = xs.length ? percentile(xs, 0.99) : null;
      figures.push({
        bench,
        name: `${k}: p99 at ${rate[k].toFixed(1)}/s`,
        value: p99,
        unit: 'ms',
        goal: `< ${BUDGET_MS}`,
        pass: p99 === null ? null : p99 < BUDGET_MS,
        note:
          `${xs.length} answered, p50 ${xs.length ? percentile(xs, 0.5).toFixed(1) : '—'} ms` +
          (errs ? `; errors ${[...errors[k]].map(([c, m]) => `${c} ${m}`).join(', ')}` : '') +
          (skipped[k] ? `; ${skipped[k]} not sent (nothing left to send)` : ''),
      });
    }
    figures.push({
      bench,
      name: 'errors',
      value: allErrors,
      unit: '',
      goal: '= 0',
      pass: allErrors === 0,
      note: `${names.reduce((s, k) => s + lat[k].length, 0)} requests in ${wall.toFixed(0)} s`,
    });
    const firstMax = Math.max(...rss.filter((s) => s.at <= 60_000).map((s) => s.kb));
    const lastMax = Math.max(...rss.filter((s) => s.at >= rss.at(-1)!.at - 60_000).map((s) => s.kb));
    figures.push({
      bench,
      name: 'server RSS: last minute max over first minute max',
      value: (lastMax / firstMax - 1) * 100,
      unit: '%',
      goal: '≤ 20',
      pass: minutes >= 2 ? lastMax <= firstMax * 1.2 : null,
      note:
        `first ${(firstMax / 1024).toFixed(0)} MB, last ${(lastMax / 1024).toFixed(0)} MB` +
        (minutes >= 2 ? '' : ' (under 2 min: not judged)'),
    });
    console.log(`  RSS every ${SAMPLE_MS / 1000} s (MB): ${rss.map((s) => (s.kb / 1024).toFixed(0)).join(' ')}`);
    return figures;
  } finally {
    await server.stop();
    agent.destroy();
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      pg: { type: 'string' },
      minutes: { type: 'string' },
      factor: { type: 'string' },
      cities: { type: 'string' },
      warmup: { type: 'string' },
    },
    strict: true,
  });
  await runStandalone("Baoji's peak hour", () =>
    peakBench({
      dataDir: values['data-dir'],
      pgUrl: values.pg,
      minutes: values.minutes ? Number(values.minutes) : undefined,
      factor: values.factor ? Number(values.factor) : undefined,
      cities: values.cities ? Number(values.cities) : undefined,
      warmupSeconds: values.warmup ? Number(values.warmup) : undefined,
    }),
  );
}
