// Steady writes over HTTP for the failure tests (SIGKILL, backup under load): honour-hour grants, each one an hours
// entry, the volunteer's running total and an audit entry in one transaction. Every 201 is remembered, so a test can
// ask afterwards whether each acknowledged write is there.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind, type Db } from '../server/src/db/database.ts';
import { sqliteFileOf } from '../server/src/platform/backup.ts';
import { AuditLog } from '../server/src/platform/audit.ts';
import {
  benchVolunteerRow,
  freePort,
  ROOT,
  insertBenchCommunity,
  insertStaffAccount,
  serverEnv,
  spawnTracked,
  waitForExit,
  waitForHttp200,
} from '../bench/lib.ts';

export interface Acknowledged {
  id: string;
  volunteerId: string;
  minutes: number;
}

export const LOAD_PHONE = '13700000001';
export const LOAD_PASSWORD = 'load-test-password';

/** A community with an admin who may grant honour hours, and `volunteers` approved volunteers. */
export async function seedLoadCommunity(
  db: Db,
  volunteers: number,
): Promise<{ communityId: string; volunteerIds: string[] }> {
  const now = new Date().toISOString();
  const communityId = await insertBenchCommunity(db, now);
  const account = await insertStaffAccount(db, communityId, LOAD_PHONE, LOAD_PASSWORD, now);
  await db.updateTable('membership').set({ role: 'community_admin' }).where('account_id', '=', account).execute();
  const rows = Array.from({ length: volunteers }, (_, i) => benchVolunteerRow(communityId, i + 1, now));
  await db.insertInto('volunteer').values(rows).execute();
  return { communityId, volunteerIds: rows.map((r) => r.id) };
}

/** `connections` clients, each granting one entry after another until stop(); failures are counted, not thrown. */
export class HonourLoad {
  readonly acknowledged: Acknowledged[] = [];
  sent = 0;
  failed = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
    private readonly volunteerIds: string[],
  ) {}

  start(connections: number): this {
    for (let c = 0; c < connections; c++) this.loops.push(this.loop(c));
    return this;
  }

  private async loop(c: number) {
    for (let i = 0; !this.stopped; i++) {
      const volunteerId = this.volunteerIds[(c + i) % this.volunteerIds.length]!;
      const minutes = 1 + ((c * 7 + i) % 60);
      this.sent++;
      try {
        const res = await fetch(`${this.base}/api/hours/honour`, {
          method: 'POST',
          headers: this.headers,
          body: JSON.stringify({ volunteerId, serviceDate: '2026-01-05', minutes, reason: '负载测试' }),
        });
        const body = (await res.json()) as { id?: string };
        if (res.status === 201 && body.id) this.acknowledged.push({ id: body.id, volunteerId, minutes });
        else this.failed++;
      } catch {
        // The server went away mid-request: the write was never acknowledged. Stop this client (the test restarts).
        this.failed++;
        return;
      }
    }
  }

  /** Waits until `count` writes were acknowledged since the call, or `ms` passed. */
  async waitFor(count: number, ms: number): Promise<void> {
    const goal = this.acknowledged.length + count;
    const until = Date.now() + ms;
    while (this.acknowledged.length < goal && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}

/**
 * What must hold in any consistent state of the database, whatever wrote it: each volunteer's hours totals are the sums
 * of their entries, each points balance the sum of its transactions, every points transaction's postings sum to zero,
 * and each honour entry has the audit entry written in its transaction (and no such audit entry lacks its entry).
 */
export async function ledgerProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  const hours = await sql<{ volunteer_id: string }>`
    select t.volunteer_id from hours_total t
    where t.honour_minutes <> (select coalesce(sum(e.minutes), 0) from hours_entry e
        where e.community_id = t.community_id and e.volunteer_id = t.volunteer_id and e.kind = 'honour')
      or t.entries <> (select count(*) from hours_entry e
        where e.community_id = t.community_id and e.volunteer_id = t.volunteer_id)`.execute(db);
  for (const r of hours.rows) problems.push(`hours total of volunteer ${r.volunteer_id} is not the sum of its entries`);
  const points = await sql<{ volunteer_id: string }>`
    select b.volunteer_id from points_balance b
    where b.balance <> (select coalesce(sum(t.points), 0) from points_txn t
      where t.community_id = b.community_id and t.volunteer_id = b.volunteer_id)`.execute(db);
  for (const r of points.rows)
    problems.push(`points balance of volunteer ${r.volunteer_id} is not its transactions' sum`);
  const postings = await sql<{ txn_id: string }>`
    select txn_id from points_posting group by community_id, txn_id having sum(amount) <> 0`.execute(db);
  for (const r of postings.rows) problems.push(`points transaction ${r.txn_id}: postings do not sum to zero`);
  const honour = await sql<{ community_id: string; entries: number; audited: number }>`
    select c.id as community_id,
      (select count(*) from hours_entry e where e.community_id = c.id and e.kind = 'honour') as entries,
      (select count(*) from audit_log a where a.community_id = c.id and a.action = 'hours.honour') as audited
    from community c`.execute(db);
  for (const r of honour.rows)
    if (Number(r.entries) !== Number(r.audited))
      problems.push(`community ${r.community_id}: ${r.entries} honour entries, ${r.audited} audit entries for them`);
  return problems;
}

/** Communities whose audit chain does not verify. */
export async function brokenChains(db: Db, kind: DatabaseKind): Promise<string[]> {
  const audit = new AuditLog(db, kind);
  const broken: string[] = [];
  for (const c of await db.selectFrom('community').select('id').execute()) {
    const v = await audit.verify(c.id);
    if (!v.ok) broken.push(`${c.id} at entry ${v.brokenAt}`);
  }
  return broken;
}

/** Where a failure test's server keeps its data: a fresh folder and, on PostgreSQL, a fresh database of its own. */
export interface FreshPlace {
  kind: DatabaseKind;
  dataDir: string;
  databaseUrl?: string;
  open(): DatabaseHandle;
  drop(): Promise<void>;
}

export async function freshPlace(kind: DatabaseKind, label: string): Promise<FreshPlace> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `linli-${label}-`));
  if (kind === 'sqlite')
    return {
      kind,
      dataDir,
      open: () => openDatabase({ sqliteFile: sqliteFileOf(dataDir) }),
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  const base = process.env.TEST_DATABASE_URL!;
  const name = `linli_${label.replace(/\W/g, '_')}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    kind,
    dataDir,
    databaseUrl,
    open: () => openDatabase({ databaseUrl, poolSize: 4 }),
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let bundle: Promise<string> | null = null;

/**
 * Today's server sources bundled once per test process (as npm start runs them; starting through tsx took seconds
 * more on every restart), into a file of its own so test files running side by side do not write the same one.
 */
function serverBundle(): Promise<string> {
  bundle ??= (async () => {
    const outfile = path.join(ROOT, 'dist', 'server', `failure-test-${process.pid}.mjs`);
    const child = spawnTracked(process.execPath, ['scripts/build-server.mjs', outfile], { label: 'build' });
    if ((await waitForExit(child, 120_000)) !== 0) throw new Error('scripts/build-server.mjs failed');
    process.once('exit', () => {
      for (const f of [outfile, `${outfile}.map`]) fs.rmSync(f, { force: true });
    });
    return outfile;
  })();
  return bundle;
}

/** The server of today's sources on `place`, without rate limits or background jobs; waits for health. */
export async function startServer(
  place: FreshPlace,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const env = serverEnv(port, place.dataDir, {
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
    ...extra,
  });
  const child = spawnTracked(process.execPath, [await serverBundle()], {
    label: `server ${place.kind}`,
    quiet: true,
    env,
  });
  // Seeding the demo community at start takes ~20 s on an idle machine, minutes on a busy one.
  const timeoutMs = env.LINLI_DEMO === '1' ? 300_000 : 90_000;
  await waitForHttp200(port, performance.now(), { child, timeoutMs, intervalMs: 50 });
  return { child, base: `http://127.0.0.1:${port}` };
}
