// A volunteer's hours profile (GET /api/hours/volunteers/:id: totals, star level and the latest entries) on the
// city of 100 Xiguan-sized communities in ./data-bench (~100,000 volunteers), with the hours ledger topped up to
// 5,000,000 entries, through the REAL built server, as the staff of community 1 and of community 100 (whose
// rows come last in every index), for random volunteers of their community.
//
// The running totals make this one indexed row however long the ledger; the page of entries and its count are
// an index range of one volunteer's ~50 entries.
//
// Goal: p99 under 50 ms.
//
//   npx tsx bench/hours-profile.ts [--requests 500] [--concurrency 4]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { ensureServerBuilt, isMain, percentile, runStandalone, startBuiltServer, type Figure } from './lib.ts';
import { CITY_DIR, cityCommunity, ensureCity, signIn } from './search.ts';

const GOAL_P99_MS = 50;
const LEDGER_ENTRIES = 5_000_000;
const SOURCES = ['activity', 'pairing_visit', 'appointment'] as const;

/**
 * Tops the city's ledger up to `target` entries (synthetic, verified, spread over every volunteer and the last
 * three years) and rebuilds the running totals from the entries, as the service keeps them. Done once: later
 * runs find the entries there.
 */
export function ensureLedger(target = LEDGER_ENTRIES): { entries: number; addedSeconds: number | null } {
  const db = new SQLite(path.join(CITY_DIR, 'linli.sqlite'));
  try {
    const have = (db.prepare('SELECT count(*) AS n FROM hours_entry').get() as { n: number }).n;
    if (have >= target) return { entries: have, addedSeconds: null };
    const t = performance.now();
    const volunteers = db.prepare("SELECT community_id, id FROM volunteer WHERE status = 'approved'").all() as {
      community_id: string;
      id: string;
    }[];
    console.log(
      `  adding ${(target - have).toLocaleString('en')} ledger entries over ` +
        `${volunteers.length.toLocaleString('en')} volunteers…`,
    );
    const insert = db.prepare(
      `INSERT INTO hours_entry (community_id, id, volunteer_id, source, source_id, service_date,
        started_at, ended_at, raw_minutes, minutes, kind, description,
        corrects_id, corrected_by, review_reason, note, recorded_by, recorded_by_name, created_at, status,
        verified_by, verified_by_name, verified_at)
      VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, 'credit', ?,
        NULL, NULL, NULL, NULL, NULL, '系统', ?, 'verified', NULL, '社工', ?)`,
    );
    const day0 = Date.UTC(2023, 11, 1) / 86400_000;
    let n = have,
      seq = 0;
    const batch = db.transaction((count: number) => {
      for (let i = 0; i < count; i++, seq++) {
        const v = volunteers[(seq * 7919) % volunteers.length]!;
        const date = new Date((day0 + ((seq * 104729) % 1090)) * 86400_000).toISOString().slice(0, 10);
        const minutes = 30 + ((seq * 31) % 8) * 15;
        // Ids in time order like uuidv7, unique by the counter.
        const id = `01900000-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`;
        insert.run(
          v.community_id,
          id,
          v.id,
          SOURCES[seq % 3],
          `bench-${seq}`,
          date,
          minutes,
          minutes,
          '基准测试服务',
          `${date}T12:00:00.000Z`,
          `${date}T14:00:00.000Z`,
        );
      }
    });
    while (n < target) {
      const count = Math.min(100_000, target - n);
      batch(count);
      n += count;
      if (n % 1_000_000 < count) console.log(`    ${n.toLocaleString('en')} entries`);
    }
    db.exec(`DELETE FROM hours_total;
      INSERT INTO hours_total (community_id, volunteer_id, credit_minutes, honour_minutes, pending_minutes, entries,
        last_service_date, updated_at)
      SELECT community_id, volunteer_id,
        sum(CASE WHEN kind = 'credit' AND status = 'verified' AND corrected_by IS NULL THEN minutes ELSE 0 END),
        sum(CASE WHEN kind = 'honour' AND corrected_by IS NULL THEN minutes ELSE 0 END),
        sum(CASE WHEN kind = 'credit' AND status = 'pending' AND corrected_by IS NULL THEN minutes ELSE 0 END),
        sum(CASE WHEN corrected_by IS NULL AND minutes > 0 THEN 1 ELSE 0 END), max(service_date),
        '2026-11-28T00:00:00.000Z'
      FROM hours_entry GROUP BY community_id, volunteer_id;
      ANALYZE;`);
    return { entries: n, addedSeconds: (performance.now() - t) / 1000 };
  } finally {
    db.close();
  }
}

function volunteersOf(communityId: string): string[] {
  const db = new SQLite(path.join(CITY_DIR, 'linli.sqlite'), { readonly: true });
  try {
    return (
      db
        .prepare("SELECT id FROM volunteer WHERE community_id = ? AND status = 'approved' ORDER BY id")
        .all(communityId) as { id: string }[]
    ).map((r) => r.id);
  } finally {
    db.close();
  }
}

export async function hoursProfileBench(requests = 500, concurrency = 4): Promise<Figure[]> {
  await ensureCity();
  const ledger = ensureLedger();
  await ensureServerBuilt();
  const server = await startBuiltServer(
    CITY_DIR,
    { LINLI_DEMO: '0', LINLI_JOBS: '0', LINLI_LOG_LEVEL: 'warn' },
    { label: 'server', timeoutMs: 120_000 },
  );
  const figures: Figure[] = [
    {
      bench: 'hours-profile',
      name: 'ledger entries in the city',
      value: ledger.entries,
      unit: '',
      goal: `≥ ${LEDGER_ENTRIES.toLocaleString('en')}`,
      pass: ledger.entries >= LEDGER_ENTRIES,
      note: ledger.addedSeconds === null ? 'reused' : `topped up in ${ledger.addedSeconds.toFixed(0)} s`,
    },
  ];
  try {
    for (const k of [1, 100]) {
      const { id, staffPhone } = cityCommunity(k);
      const cookie = await signIn(server.port, staffPhone);
      const ids = volunteersOf(id);
      let seen = 0,
        withStars = 0;
      const profile = async (i: number) => {
        const t0 = performance.now();
        const res = await fetch(`http://127.0.0.1:${server.port}/api/hours/volunteers/${ids[(i * 131) % ids.length]}`, {
          headers: { cookie },
        });
        const body = (await res.json()) as {
          summary: { entries: number; starLevel: number };
          entries: { items: unknown[] };
        };
        if (res.status !== 200) throw new Error(`profile: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
        seen += body.summary.entries;
        if (body.summary.starLevel > 0) withStars++;
        return performance.now() - t0;
      };
      for (let i = 0; i < 30; i++) await profile(i); // warm-up
      seen = 0;
      withStars = 0;
      const one: number[] = [];
      for (let i = 0; i < requests; i++) one.push(await profile(i));
      const many: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < requests) many.push(await profile(next++));
        }),
      );
      const rps = requests / ((performance.now() - t0) / 1000);
      const p99 = percentile(one, 0.99);
      figures.push(
        {
          bench: 'hours-profile',
          name: `community ${k}: one at a time, p99 (${requests} profiles of ${ids.length} volunteers)`,
          value: p99,
          unit: 'ms',
          goal: `p99 < ${GOAL_P99_MS} ms`,
          pass: p99 < GOAL_P99_MS,
          note:
            `p50 ${percentile(one, 0.5).toFixed(1)} ms; ${(seen / (requests * 2)).toFixed(0)} entries per ` +
            `volunteer on average; ${((withStars / (requests * 2)) * 100).toFixed(0)} % with a star`,
        },
        {
          bench: 'hours-profile',
          name: `community ${k}: ${concurrency} at once, p99`,
          value: percentile(many, 0.99),
          unit: 'ms',
          goal: '',
          pass: null,
          note: `p50 ${percentile(many, 0.5).toFixed(1)} ms; ${rps.toFixed(0)} profiles/s`,
        },
      );
    }
    return figures;
  } finally {
    await server.stop();
  }
}

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: { requests: { type: 'string', default: '500' }, concurrency: { type: 'string', default: '4' } },
    strict: true,
  });
  await runStandalone('A volunteer’s hours profile on a city with 5,000,000 ledger entries', () =>
    hoursProfileBench(Number(values.requests) || 500, Number(values.concurrency) || 4),
  );
}
