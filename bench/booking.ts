// 500 concurrent bookings for 20 places, over HTTP, against the built server (dist/server/main.mjs):
// exactly 20 must be confirmed and the other 480 told the slot is full; the wall time of the burst and
// the latency percentiles are reported. SQLite always; PostgreSQL too with --pg URL (or BENCH_DATABASE_URL).
//
//   npx tsx bench/booking.ts [--requests 500] [--places 20] [--pg postgres://postgres@127.0.0.1:5432/test]
import { performance } from 'node:perf_hooks';
import type { Db } from '../server/src/db/database.ts';
import { uuidv7 } from '../domain/shared/ids.ts';
import { addDays, shanghaiInstant, todayInShanghai } from '../domain/shared/dates.ts';
import { onFreshDatabases } from './fresh-databases.ts';
import {
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

/** One community, one staff account, `residents` residents and a service with `places` places a slot. */
async function seed(db: Db, residents: number, places: number): Promise<{ serviceId: string; residentIds: string[] }> {
  const now = new Date().toISOString();
  const community = uuidv7(),
    grid = uuidv7(),
    building = uuidv7(),
    household = uuidv7(),
    account = uuidv7(),
    serviceId = uuidv7();
  await insertBenchCommunity(db, now, community);
  await db
    .insertInto('grid')
    .values({ community_id: community, id: grid, code: 'G-01', name: '第一网格', created_at: now })
    .execute();
  await db
    .insertInto('building')
    .values({
      community_id: community,
      id: building,
      grid_id: grid,
      number: '1号楼',
      street: '宝福路',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('household')
    .values({
      community_id: community,
      id: household,
      building_id: building,
      grid_id: grid,
      unit: '1',
      room: '101',
      is_migrant: 0,
      dibao_enc: null,
      dibao_token: null,
      note: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await insertStaffAccount(db, community, STAFF_PHONE, PASSWORD, now, account);
  const residentIds: string[] = [];
  const rows = [];
  for (let i = 0; i < residents; i++) {
    const id = uuidv7();
    residentIds.push(id);
    rows.push({
      community_id: community,
      id,
      household_id: household,
      grid_id: grid,
      name: `居民${i}`,
      name_pinyin: `jumin${i}`,
      name_initials: 'jm',
      gender: i % 2 ? 'male' : 'female',
      birth_date: '1950-01-01',
      phone: null,
      relation_to_head: 'other',
      id_number_enc: null,
      id_number_token: null,
      id_number_masked: null,
      health_enc: null,
      disability_enc: null,
      note: null,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('resident')
      .values(rows.slice(i, i + 200))
      .execute();
  await db
    .insertInto('appointment_service')
    .values({
      community_id: community,
      id: serviceId,
      name: '义诊',
      kind: 'clinic',
      description: null,
      place: '卫生服务站',
      slot_minutes: 60,
      places_per_slot: places,
      window_days: 7,
      notice_hours: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('appointment_schedule')
    .values(
      [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        community_id: community,
        id: uuidv7(),
        service_id: serviceId,
        weekday,
        start_minute: 0,
        end_minute: 1440,
        month_week: null,
        place: null,
      })),
    )
    .execute();
  return { serviceId, residentIds };
}

async function burst(
  label: string,
  env: Record<string, string>,
  dataDir: string,
  serviceId: string,
  residentIds: string[],
  places: number,
  check: () => Promise<{ booked: number; live: number }>,
): Promise<Figure[]> {
  const server = await startBurstServer(label, env, dataDir);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const { headers } = await signInOverHttp(base, STAFF_PHONE, PASSWORD);
    const slotStart = shanghaiInstant(addDays(todayInShanghai(), 2), 600);
    // Warm the route with a booking of another slot, so the burst measures bookings, not first-call compilation.
    await fetch(`${base}/api/appointments/bookings`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        serviceId,
        residentId: residentIds[0],
        slotStart: shanghaiInstant(addDays(todayInShanghai(), 3), 600),
      }),
    });

    const latencies: number[] = [];
    const codes = new Map<string, number>();
    const t0 = performance.now();
    await Promise.all(
      residentIds.map(async (residentId) => {
        const s = performance.now();
        const res = await fetch(`${base}/api/appointments/bookings`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ serviceId, residentId, slotStart, channel: 'phone' }),
        });
        const body = (await res.json()) as { error?: { code: string } };
        latencies.push(performance.now() - s);
        const key = res.status === 201 ? 'confirmed' : (body.error?.code ?? String(res.status));
        codes.set(key, (codes.get(key) ?? 0) + 1);
      }),
    );
    const wall = performance.now() - t0;
    latencies.sort((a, b) => a - b);
    const confirmed = codes.get('confirmed') ?? 0;
    const full = codes.get('slot_full') ?? 0;
    const { booked, live } = await check();
    const other = [...codes]
      .filter(([k]) => k !== 'confirmed' && k !== 'slot_full')
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const n = residentIds.length;
    return [
      {
        bench: 'booking',
        name: `${label}: confirmed of ${n} concurrent for ${places} places`,
        value: confirmed,
        unit: '',
        goal: `= ${places}`,
        pass: confirmed === places && booked === places && live === places,
        note: `slot counter ${booked}, live rows ${live}`,
      },
      {
        bench: 'booking',
        name: `${label}: refused as full`,
        value: full,
        unit: '',
        goal: `= ${n - places}`,
        pass: full === n - places,
        note: other || undefined,
      },
      {
        bench: 'booking',
        name: `${label}: wall time of the burst`,
        value: wall,
        unit: 'ms',
        goal: '',
        pass: null,
        note: `${(n / (wall / 1000)).toFixed(0)} requests/s`,
      },
      {
        bench: 'booking',
        name: `${label}: latency p50`,
        value: percentile(latencies, 0.5),
        unit: 'ms',
        goal: '',
        pass: null,
      },
      {
        bench: 'booking',
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

export async function bookingBench(
  opts: { requests?: number; places?: number; pgUrl?: string } = {},
): Promise<Figure[]> {
  const requests = opts.requests ?? 500,
    places = opts.places ?? 20;
  await ensureServerBuilt();
  return onFreshDatabases('booking', opts.pgUrl, async (d) => {
    const { serviceId, residentIds } = await d.use((db) => seed(db, requests, places));
    return burst(d.label, d.env, d.dir, serviceId, residentIds, places, () => d.use((db) => counts(db, serviceId)));
  });
}

/** What the database holds for the burst's slot (the warm-up booked another). */
async function counts(db: Db, serviceId: string): Promise<{ booked: number; live: number }> {
  const slotStart = shanghaiInstant(addDays(todayInShanghai(), 2), 600);
  const slot = await db
    .selectFrom('appointment_slot')
    .select('booked')
    .where('service_id', '=', serviceId)
    .where('starts_at', '=', slotStart)
    .executeTakeFirst();
  const live = await db
    .selectFrom('appointment_booking')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('service_id', '=', serviceId)
    .where('slot_start', '=', slotStart)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return { booked: slot?.booked ?? 0, live: Number(live.n) };
}

if (isMain(import.meta.url))
  await runBurstFromCommandLine(
    '500 concurrent bookings for 20 places',
    { requests: 500, places: 20 },
    'BENCH_DATABASE_URL',
    ({ requests, places }, pgUrl) => bookingBench({ requests, places, pgUrl }),
  );
