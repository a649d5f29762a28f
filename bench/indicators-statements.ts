// Times each statement of the indicators on the seeded Xiguan demo (SQLite; TEST_DATABASE_URL adds PostgreSQL's
// own database): median of 15 runs, one at a time, so a slow statement shows by itself.
//
//   npx tsx bench/indicators-statements.ts [sqlite file to keep the seeded demo in]
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../server/src/db/database.ts';
import { ensureDemo, XIGUAN_ID } from '../server/src/demo.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import * as repo from '../server/src/modules/indicators/indicators.repository.ts';
import { groupTag } from '../server/src/modules/registry/resident-directory.ts';
import { SPECIAL_GROUPS } from '../domain/registry/special-groups.ts';
import { cloneXiguan } from './indicators.ts';
import { FESTIVAL_TEMPLATE_KEYS } from '../domain/activities/templates.ts';

const quiet = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

async function timeAll(db: Db, cipher: FieldCipher, label: string) {
  await ensureDemo(db, cipher, quiet);
  // COMMUNITIES=n: Xiguan and n-1 copies (as bench/indicators.ts makes them), all in one list.
  const copies = Array.from(
    { length: Number(process.env.COMMUNITIES ?? 1) - 1 },
    (_, k) => `00000000-0000-7000-8000-${String(k + 2).padStart(12, '0')}`,
  );
  const have = await db.selectFrom('community').select('id').execute();
  if (copies.length && have.length === 1) await cloneXiguan(db, cipher, copies, label === 'PostgreSQL');
  const ids = [XIGUAN_ID, ...copies];
  const s: repo.Scope = {
    ids,
    gridId: null,
    from: '2025-12-01',
    to: '2026-11-30',
    fromAt: '2025-11-30T16:00:00.000Z',
    toAt: '2026-11-30T16:00:00.000Z',
  };
  const tags = ids.flatMap((id) => SPECIAL_GROUPS.map((g) => groupTag(cipher, id, g)));
  const cutoff = '2026-11-01';
  const b = { b18: '2008-11-30', b35: '1991-11-30', b60: '1966-11-30', b70: '1956-11-30' };
  const st: Array<[string, () => Promise<unknown>]> = [
    ['households', () => repo.households(db, s)],
    ['volunteersByAge', () => repo.volunteersByAge(db, s, b)],
    ['volunteersByKind', () => repo.volunteersByKind(db, s)],
    ['volunteersByUnit', () => repo.volunteersByUnit(db, s)],
    ['volunteersByTeam', () => repo.volunteersByTeam(db, s)],
    ['partyMembers', () => repo.partyMembers(db, s)],
    ['hoursByMonth', () => repo.hoursByMonth(db, s)],
    ['hoursByTeam', () => repo.hoursByTeam(db, s)],
    ['hoursByUnit', () => repo.hoursByUnit(db, s)],
    ['servicesByKind', () => repo.servicesByKind(db, s)],
    ['servicesByTag', () => repo.servicesByTag(db, s, tags)],
    ['needs', () => repo.needs(db, s)],
    ['coverageByTag', () => repo.coverageByTag(db, s, tags, cutoff)],
    ['coverageByGrid', () => repo.coverageByGrid(db, s, tags, cutoff)],
    ['classroom', () => repo.classroom(db, s)],
    ['badges', () => repo.badges(db, s)],
    ['festivals', () => repo.festivals(db, s, FESTIVAL_TEMPLATE_KEYS)],
    ['performances', () => repo.performances(db, s)],
  ];
  let total = 0;
  for (const [name, f] of st) {
    const first = JSON.stringify(await f());
    const t: number[] = [];
    for (let i = 0; i < 15; i++) {
      const a = performance.now();
      await f();
      t.push(performance.now() - a);
    }
    t.sort((x, y) => x - y);
    total += t[7]!;
    console.log(`${label} ${name.padEnd(18)} ${t[7]!.toFixed(1).padStart(7)} ms  ${first.length} chars`);
    if (process.env.SHOW) console.log(first.slice(0, 400));
  }
  console.log(`${label} ${'sum'.padEnd(18)} ${total.toFixed(1).padStart(7)} ms`);
}

const cipher = new FieldCipher(generateKeyring());
const file = process.argv[2] ?? '/tmp/ind/demo.sqlite';
const h = openDatabase({ sqliteFile: file });
await migrateToLatest(h.db);
await timeAll(h.db, cipher, 'SQLite');
await h.close();
const url = process.env.TEST_DATABASE_URL;
if (url) {
  const name = `linli_ind_stmt_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const u = new URL(url);
    u.pathname = `/${name}`;
    const p = openDatabase({ databaseUrl: u.toString(), poolSize: 5 });
    await migrateToLatest(p.db);
    await timeAll(p.db, cipher, 'PostgreSQL');
    await p.close();
  } finally {
    if (!process.env.KEEP_PG) await admin.query(`drop database ${name} with (force)`);
    else console.log(`kept ${name}`);
    await admin.end();
  }
}
