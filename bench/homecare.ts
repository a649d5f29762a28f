// A holiday delivery run on the Xiguan demo (5,823 residents, 44 buildings): building the list from the four
// default special groups through the registry's resident filter (each active resident once), creating a run
// (the list, its ~290 recipient rows and the audit entry in one transaction), and reading it back by building
// as the console shows it. SQLite in a fresh folder; BENCH_PG_URL adds PostgreSQL. Goal: a run created in
// under 1 s (a social worker clicks and waits), the by-building page read in under 200 ms.
//
//   npx tsx bench/homecare.ts            standalone
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import { AuditLog } from '../server/src/platform/audit.ts';
import { Notifier } from '../server/src/platform/notify.ts';
import type { Actor } from '../server/src/platform/actor.ts';
import { VolunteerDirectory } from '../server/src/modules/volunteers/volunteer-directory.ts';
import { ResidentDirectory } from '../server/src/modules/registry/resident-directory.ts';
import { HoursService } from '../server/src/modules/hours/hours.service.ts';
import { HomecareService } from '../server/src/modules/homecare/homecare.service.ts';
import { EligibilityService } from '../server/src/modules/service-types/service-types.service.ts';
import { DEFAULT_RUN_GROUPS } from '../domain/homecare/homecare.ts';
import { seedCommunity } from '../scripts/demo/xiguan.ts';
import { isMain, median, percentile, runStandalone, type Figure } from './lib.ts';

const CID = '00000000-0000-7000-8000-0000000000b6';
const RUNS = 20;
const r1 = (n: number) => Math.round(n * 10) / 10;

async function measure(kind: 'sqlite' | 'postgres', handle: DatabaseHandle): Promise<Figure[]> {
  await migrateToLatest(handle.db);
  const cipher = new FieldCipher(generateKeyring());
  await seedCommunity(handle.db, cipher, {
    communityId: CID,
    name: '西关社区',
    seed: 20180913,
    withAccounts: true,
    passwordHash: 'bench-hash',
  });
  const staff = await handle.db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.name', 'a.phone', 'm.id as membership_id'])
    .where('m.community_id', '=', CID)
    .where('m.role', '=', 'staff')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    accountId: staff.id,
    name: staff.name,
    phone: staff.phone,
    role: 'staff',
    title: null,
    communityId: CID,
    communityName: '西关社区',
    membershipId: staff.membership_id,
    gridId: null,
    teamId: null,
    unitId: null,
    residentId: null,
    locale: null,
    csrfToken: '',
    tokenHash: '',
  };
  const audit = new AuditLog(handle.db, kind);
  const directory = new VolunteerDirectory(handle.db);
  const notifier = new Notifier(pino({ level: 'silent' }));
  const svc = new HomecareService(
    handle.db,
    audit,
    directory,
    new ResidentDirectory(handle.db),
    new HoursService(handle.db, audit, directory, notifier),
    notifier,
    cipher,
    new EligibilityService(handle.db, audit),
  );
  const ctx = { ip: null, userAgent: 'bench' };
  await svc.buildList(handle.db, CID, DEFAULT_RUN_GROUPS);
  const build: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    size = (await svc.buildList(handle.db, CID, DEFAULT_RUN_GROUPS)).length;
    build.push(performance.now() - t);
  }
  const create: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const run = await svc.createRun(actor, { festival: 'mid_autumn_festival', year: 2026, items: '月饼一盒' }, ctx);
    create.push(performance.now() - t);
    t = performance.now();
    const detail = await svc.runDetail(actor, run.id, ctx);
    read.push(performance.now() - t);
    if (detail.figures.total !== size)
      throw new Error(`the run lists ${detail.figures.total}, the groups hold ${size}`);
  }
  console.log(
    `${kind}: ${size} recipients; list ${r1(median(build))} ms, create ${r1(median(create))} ms, read ` +
      `${r1(median(read))} ms (medians)`,
  );
  const b = `homecare (${kind})`;
  return [
    {
      bench: b,
      name: `list of ${size} from 4 groups, median`,
      value: r1(median(build)),
      unit: 'ms',
      goal: '',
      pass: null,
    },
    {
      bench: b,
      name: 'create a run, median',
      value: r1(median(create)),
      unit: 'ms',
      goal: '< 1000 ms',
      pass: median(create) < 1000,
    },
    {
      bench: b,
      name: 'create a run, p95',
      value: r1(percentile(create, 0.95)),
      unit: 'ms',
      goal: '< 1000 ms',
      pass: percentile(create, 0.95) < 1000,
    },
    {
      bench: b,
      name: 'a run by building (console page), median',
      value: r1(median(read)),
      unit: 'ms',
      goal: '< 200 ms',
      pass: median(read) < 200,
    },
  ];
}

export async function homecareBench(opts: { pgUrl?: string } = {}): Promise<Figure[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-homecare-'));
  const out: Figure[] = [];
  const lite = openDatabase({ sqliteFile: path.join(dir, 'linli.sqlite') });
  try {
    out.push(...(await measure('sqlite', lite)));
  } finally {
    await lite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (opts.pgUrl) {
    const name = `linli_bench_homecare_${process.pid}`;
    const admin = new pg.Client({ connectionString: opts.pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const url = new URL(opts.pgUrl);
    url.pathname = `/${name}`;
    const handle = openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    try {
      out.push(...(await measure('postgres', handle)));
    } finally {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return out;
}

if (isMain(import.meta.url))
  await runStandalone('holiday delivery runs', () => homecareBench({ pgUrl: process.env.BENCH_PG_URL }));
