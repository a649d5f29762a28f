// A whole city of demo communities, each the size of Xiguan (2,265 households, 5,823 residents, 997 volunteers), to see
// how Linli behaves at city scale; Baoji's size: npm run demo:city -- --communities 550
//
//   --communities N    how many (default 10); community 1 is Xiguan itself
//   --data-dir DIR     where the SQLite file, the keyring and city.json go (default ./data-city)
//   --date YYYY-MM-DD  the reference date ages are counted on (default: today in Shanghai); give it to make
//                      two runs produce the same people
//   --seed S           the first community's seed (default 20180913, the server's demo); community k uses S+k-1
//   --slow             seed through Kysely one INSERT of up to 500 rows at a time, as the one-community demo does
//                      (the bulk path's reference: same rows, much slower)
// DATABASE_URL=postgres://… writes to PostgreSQL instead (the keyring still comes from the data dir or LINLI_KEYRING).
//
// Fast: each community's rows are built in memory by the demo's own generators (scripts/demo/xiguan.ts) and written
// in one transaction per community with cached prepared multi-row INSERTs on SQLite, COPY on PostgreSQL. Two worker
// threads (scripts/demo/city-worker.ts) share the work, one making a community's rows while the other writes (on
// SQLite the writes take turns). A build of many communities drops the secondary indexes first and creates them once
// at the end; both get their statistics at the end (ANALYZE on PostgreSQL; on SQLite the sample the server takes).
// Resumable: a community is written whole or not at all, so a rerun after a kill (same --date and --seed, kept in
// city.json) skips the communities already there and carries on; asking for more communities adds them. While
// city.json lists dropped indexes the database is unfinished: do not start the server on it; any rerun, even one
// with nothing left to write, creates them again before it exits.
//
// The communities sit in Baoji's districts and counties, ten to a street office: 1–10 (Xiguan first) in 西关街道,
// 金台区, whose accounts 13800000008 (street) and 13800000009 (district) compare them; see CITY_STREETS.
// Every community gets the demo accounts: Xiguan on 13800000xxx, community k on 138 + (k-1, four digits) + xxxx,
// e.g. 13800010001 for the second community's secretary. Resident phones never start with 138 and differ
// across communities (each seed has its own block of numbers).
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { migrateToLatest } from '../server/src/db/database.ts';
import { FieldCipher, loadKeyring } from '../server/src/platform/crypto.ts';
import { checkKeyring, KeyringMismatch } from '../server/src/platform/keyring-check.ts';
import { hashPassword } from '../server/src/modules/auth/auth.service.ts';
import { DEMO_PASSWORD, XIGUAN_ID } from '../server/src/demo.ts';
import { isRealDate, todayInShanghai } from '../domain/shared/dates.ts';
import {
  DEMO_REGION_SIGN_INS,
  DEMO_SIGN_INS,
  XIGUAN,
  XIGUAN_STREET,
  seedCommunity,
  type SeedCounts,
  type SeedOptions,
} from './demo/xiguan.ts';
import { withBulkWriter } from './demo/insert.ts';
import { openPostgres, openSqlite, type IndexDef, type Target } from './demo/city-target.ts';
import type { CityWorkerData, FromWorker, ToWorker } from './demo/city-worker.ts';
import { ensureRegion } from '../server/src/modules/regions/regions-directory.ts';

// Stems of community names in the style of Baoji's (东关, 中山, 清姜 …); Xiguan comes first.
const STEMS = [
  '西关',
  '东关',
  '中山',
  '新建路',
  '经二路',
  '清姜',
  '金陵',
  '石坝河',
  '宝光',
  '姜谭',
  '马营',
  '川陕',
  '火炬路',
  '胜利桥',
  '大庆路',
  '十里铺',
  '卧龙寺',
  '蟠龙',
  '虢镇',
  '千河',
  '陈仓',
  '渭滨',
  '桥南',
  '神农',
  '高家村',
  '联盟',
  '红旗路',
  '群众路',
  '新福园',
  '公园路',
  '行政中心',
  '长寿山',
  '金河',
  '宝平路',
  '引渭路',
  '峪泉',
  '龙泉',
  '植物园',
  '店子街',
  '东岭',
  '西街',
  '北坡',
  '南岭',
  '上马营',
  '下马营',
  '太白路',
  '汉中路',
  '动力路',
  '迎宾路',
  '金顶',
];
const ORDINALS = ['', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Baoji's districts and counties with street offices and towns, in the order communities fill them, ten to each:
 * communities 1–10 in 西关街道 (金台区) with Xiguan, 11–20 in 中山东路街道 … 550 fills all 55; more wrap around.
 */
const CITY_STREETS: ReadonlyArray<readonly [district: string, streets: readonly string[]]> = [
  [
    '金台区',
    [
      XIGUAN_STREET,
      '中山东路街道',
      '中山西路街道',
      '东风路街道',
      '群众路街道',
      '十里铺街道',
      '卧龙寺街道',
      '硖石镇',
      '金河镇',
    ],
  ],
  ['渭滨区', ['经二路街道', '清姜街道', '姜谭路街道', '桥南街道', '金陵街道', '马营镇', '高家镇', '神农镇']],
  ['陈仓区', ['虢镇街道', '千渭街道', '东关街道', '阳平镇', '周原镇', '慕仪镇', '县功镇']],
  ['凤翔区', ['城关镇', '虢王镇', '彪角镇', '横水镇']],
  ['岐山县', ['凤鸣镇', '蔡家坡镇', '益店镇', '京当镇']],
  ['扶风县', ['天度镇', '法门镇', '绛帐镇', '午井镇']],
  ['眉县', ['首善街道', '横渠镇', '齐镇', '汤峪镇']],
  ['陇县', ['东风镇', '八渡镇', '温水镇']],
  ['千阳县', ['南寨镇', '崔家头镇', '张家塬镇']],
  ['麟游县', ['九成宫镇', '崔木镇', '两亭镇']],
  ['凤县', ['双石铺镇', '凤州镇', '留凤关镇']],
  ['太白县', ['咀头镇', '桃川镇', '靖口镇']],
];
const STREETS = CITY_STREETS.flatMap(([district, streets]) => streets.map((street) => ({ district, street })));
const PER_STREET = 10;

interface Args {
  communities: number;
  dataDir: string;
  date: string;
  seed: number;
  slow: boolean;
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      communities: { type: 'string', default: '10' },
      'data-dir': { type: 'string', default: './data-city' },
      date: { type: 'string' },
      seed: { type: 'string', default: '20180913' },
      slow: { type: 'boolean', default: false },
    },
  });
  const communities = Number(values.communities);
  if (!Number.isInteger(communities) || communities < 1 || communities > 9999)
    fail('--communities must be a whole number from 1 to 9999');
  const date = values.date ?? todayInShanghai();
  if (!isRealDate(date)) fail('--date must be a date, YYYY-MM-DD');
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) fail('--seed must be a whole number');
  return { communities, dataDir: path.resolve(values['data-dir']!), date, seed, slow: values.slow! };
}

const quoteName = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Community k (1-based): its name, district, street, id and account phone prefix. */
function communityPlan(k: number) {
  const stem = STEMS[(k - 1) % STEMS.length]!;
  const round = Math.floor((k - 1) / STEMS.length);
  const name = `${stem}${ORDINALS[round] ?? String(round + 1)}社区`;
  const place = STREETS[Math.floor((k - 1) / PER_STREET) % STREETS.length]!;
  return {
    id: k === 1 ? XIGUAN_ID : `00000000-0000-7000-8000-${String(k).padStart(12, '0')}`,
    name,
    district: place.district,
    street: place.street,
    streets: k === 1 ? undefined : [`${stem}路`, `${stem}一巷`, `${stem}二巷`, `${stem}三巷`],
    accountPhonePrefix: `138${String(k - 1).padStart(4, '0')}`,
  };
}

/**
 * Secondary indexes a build keeps, because the seed's own SQL looks rows up by them and without them scans: the
 * record of service finds who checked a child in (classroom attendance, ~50k rows a community) and who confirmed a
 * delivery by volunteer.account_id (2 s a community without it). Small tables: cheap to keep up to date.
 */
const KEPT_INDEXES = new Set(['volunteer_account_ix']);

/** What a data dir was built with: a rerun must use the same, or its communities would not match the first ones. */
interface CityFile {
  seed: number;
  date: string;
  /**
   * The indexes a build dropped to write faster (inserting a row into eight indexes of a growing table costs more
   * than sorting each once at the end): while this is here the database is not fit for the server, and the next run
   * recreates them before it exits, whatever it has to do.
   */
  droppedIndexes?: IndexDef[];
}

// The worker is TypeScript too: Node 20 does not run a worker's entry through the loader tsx registers (with
// --import tsx in its execArgv either), so a few lines of JavaScript register tsx there, then import it.
const TSX_API = JSON.stringify(import.meta.resolve('tsx/esm/api'));
const CITY_WORKER = JSON.stringify(import.meta.resolve('./demo/city-worker.ts'));
const WORKER_BOOT = `import(${TSX_API}).then(({ register }) => { register(); return import(${CITY_WORKER}); })`;

/**
 * Seeds `todo` on `n` worker threads (scripts/demo/city-worker.ts), each given the next community when it is done.
 * On SQLite one write at a time: a worker whose rows are ready waits for the turn. The workers' phase times and row
 * counts are added to `writer`'s, for the summary. Any worker's failure stops them all and rejects.
 */
async function seedInWorkers(
  n: number,
  todo: readonly number[],
  how: {
    worker: CityWorkerData;
    options: (k: number) => Omit<SeedOptions, 'now' | 'passwordHash'>;
    report: (i: number, k: number, counts: SeedCounts, seconds: number) => void;
    writer: Target['writer'];
  },
): Promise<void> {
  const queue = [...todo.entries()];
  const waiting: Worker[] = [];
  let writing = false;
  const nextTurn = () => {
    if (writing || !waiting.length) return;
    writing = true;
    send(waiting.shift()!, { type: 'write' });
  };
  const send = (w: Worker, m: ToWorker) => w.postMessage(m);
  const positions = new Map(todo.map((k, i) => [k, i]));
  const pool = Array.from(
    { length: Math.min(n, todo.length) },
    () => new Worker(WORKER_BOOT, { eval: true, workerData: how.worker }),
  );
  const next = (w: Worker) => {
    const item = queue.shift();
    if (item) send(w, { type: 'seed', k: item[1], opts: how.options(item[1]) });
    else send(w, { type: 'close' });
  };
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.on('error', reject);
            w.on('exit', (code) => reject(new Error(`a city worker stopped (exit code ${code})`)));
            w.on('message', (m: FromWorker) => {
              if (m.type === 'failed') return reject(new Error(m.error));
              if (m.type === 'ready') {
                waiting.push(w);
                return nextTurn();
              }
              if (m.type === 'done') {
                if (how.worker.writeOnTurn) writing = false;
                nextTurn();
                how.report(positions.get(m.k)!, m.k, m.counts, m.seconds);
                return next(w);
              }
              for (const [phase, s] of m.phases) how.writer.phases.set(phase, (how.writer.phases.get(phase) ?? 0) + s);
              for (const [table, c] of m.rows) how.writer.rows.set(table, (how.writer.rows.get(table) ?? 0) + c);
              resolve();
            });
            next(w);
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  const databaseUrl = process.env.DATABASE_URL;
  fs.mkdirSync(args.dataDir, { recursive: true });
  const target = databaseUrl ? await openPostgres(databaseUrl) : openSqlite(path.join(args.dataDir, 'linli.sqlite'));
  await migrateToLatest(target.db);
  const advice = await target.advice();
  if (advice) console.warn(advice);
  const cityFile = path.join(args.dataDir, 'city.json');
  const made = fs.existsSync(cityFile) ? (JSON.parse(fs.readFileSync(cityFile, 'utf8')) as CityFile) : null;
  const done = new Set((await target.db.selectFrom('community').select('id').execute()).map((r) => r.id));
  if (done.size > 0) {
    if (!made || made.seed !== args.seed || made.date !== args.date) {
      await target.close();
      fail(
        `The database already has communities${made ? `, built with --seed ${made.seed} --date ${made.date}` : ''}. ` +
          `Rerun with those to carry on, or use an empty one (e.g. remove ${args.dataDir} or pick another --data-dir).`,
      );
    }
  }
  const city: CityFile = { seed: args.seed, date: args.date, droppedIndexes: made?.droppedIndexes };
  const saveCity = () => fs.writeFileSync(cityFile, JSON.stringify(city, null, 1) + '\n');
  saveCity();
  const cipher = new FieldCipher(
    loadKeyring({ keyringB64: process.env.LINLI_KEYRING, dataDir: args.dataDir, warn: (m) => console.warn(m) }),
  );
  // Seeding with another keyring than the city's would leave values no server can open.
  await checkKeyring(target.db, cipher).catch(async (err: unknown) => {
    if (!(err instanceof KeyringMismatch)) throw err;
    await target.close();
    fail(err.message);
  });
  // Reference noon in Shanghai, so the date is the same wherever this runs.
  const now = new Date(`${args.date}T04:00:00.000Z`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const todo = Array.from({ length: args.communities }, (_, i) => i + 1).filter((k) => !done.has(communityPlan(k).id));
  console.log(
    `Seeding ${todo.length} of ${args.communities} communities of ${XIGUAN.residents} residents into ` +
      `${databaseUrl ? 'PostgreSQL' : path.join(args.dataDir, 'linli.sqlite')} (ages on ${args.date}` +
      `${args.slow ? ', the slow path' : ''})` +
      (args.communities - todo.length > 0 ? `; ${args.communities - todo.length} are there already` : ''),
  );
  const started = performance.now();
  // The slow path is the reference: the server's settings, every index and key checked as it writes.
  if (!args.slow) await target.buildMode(true);
  // Many communities at once: their rows go in without the secondary indexes, built once at the end (on PostgreSQL
  // too: the record of service's 16,000 survey contacts a community took 3 s with the contact table's eight indexes).
  // A few added to a big city keep them (rebuilding every index would cost more than the inserts save).
  if (!args.slow && !city.droppedIndexes && todo.length >= Math.max(2, done.size / 4)) {
    const indexes = (await target.secondaryIndexes()).filter((i) => !KEPT_INDEXES.has(i.name));
    // Recorded before dropping, so that a run killed in between still knows what to rebuild.
    city.droppedIndexes = indexes;
    saveCity();
    for (const index of indexes) await target.run(`drop index ${quoteName(index.name)}`);
  }
  // Two worker threads (scripts/demo/city-worker.ts), each on its own connection: one makes a community's rows while
  // the other writes its own. Every community's street office and district is made first: two transactions creating
  // the same one would collide on PostgreSQL.
  const workers = !args.slow && todo.length > 1 ? 2 : 0;
  if (workers > 0) {
    const cityId = await ensureRegion(target.db, 'city', XIGUAN.city, null);
    for (const k of todo) {
      const plan = communityPlan(k);
      const districtId = await ensureRegion(target.db, 'district', plan.district, cityId);
      await ensureRegion(target.db, 'street', plan.street, districtId);
    }
  }
  const total = { residents: 0, households: 0, aged60Plus: 0, contacts: 0, volunteers: 0, skillsPool: 0 };
  const seedOptions = (k: number) => {
    const plan = communityPlan(k);
    return {
      communityId: plan.id,
      name: plan.name,
      district: plan.district,
      street: plan.street,
      streets: plan.streets,
      seed: args.seed + k - 1,
      withAccounts: true,
      accountPhonePrefix: plan.accountPhonePrefix,
    };
  };
  const report = (i: number, k: number, counts: SeedCounts, seconds: number) => {
    total.residents += counts.residents;
    total.households += counts.households;
    total.aged60Plus += counts.aged60Plus;
    total.contacts += counts.familyContacts;
    total.volunteers += counts.volunteers + counts.pendingVolunteers;
    total.skillsPool += counts.skillsPool;
    if (i === 0 || k % 10 === 0 || i === todo.length - 1) {
      const plan = communityPlan(k);
      const elapsed = (performance.now() - started) / 1000;
      console.log(
        `  ${String(k).padStart(4)} ${plan.name.padEnd(8, '　')} ${plan.street.padEnd(7, '　')} ` +
          `${seconds.toFixed(2)} s   ` +
          `total ${total.residents.toLocaleString('en')} residents, ${total.volunteers.toLocaleString('en')} ` +
          `volunteers in ${elapsed.toFixed(1)} s`,
      );
    }
  };
  if (workers > 0) {
    await seedInWorkers(workers, todo, {
      worker: {
        databaseUrl,
        sqliteFile: databaseUrl ? undefined : path.join(args.dataDir, 'linli.sqlite'),
        dataDir: args.dataDir,
        keyringB64: process.env.LINLI_KEYRING,
        passwordHash,
        now: now.toISOString(),
        writeOnTurn: !databaseUrl,
      },
      options: seedOptions,
      report,
      writer: target.writer,
    });
  } else {
    for (const [i, k] of todo.entries()) {
      const t = performance.now();
      const seed = () => seedCommunity(target.db, cipher, { ...seedOptions(k), passwordHash, now });
      const counts: SeedCounts = args.slow ? await seed() : await withBulkWriter(target.writer, seed);
      report(i, k, counts, (performance.now() - t) / 1000);
    }
  }
  const writeSeconds = (performance.now() - started) / 1000;
  if (!args.slow) await target.buildMode(false);
  const indexed = performance.now();
  if (city.droppedIndexes) {
    console.log(`Rebuilding ${city.droppedIndexes.length} indexes …`);
    // PostgreSQL: two at a time, on two connections (two cores; each sorts in memory).
    const builders = databaseUrl ? [target, await openPostgres(databaseUrl)] : [target];
    const queue = [...city.droppedIndexes];
    await Promise.all(
      builders.map(async (b) => {
        for (let index = queue.shift(); index; index = queue.shift())
          await b.run(index.sql.replace(/^create index /i, 'create index if not exists '));
      }),
    );
    for (const b of builders.slice(1)) await b.close();
    delete city.droppedIndexes;
    saveCity();
  }
  const indexSeconds = (performance.now() - indexed) / 1000;
  await target.analyze();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `Written in ${writeSeconds.toFixed(1)} s, indexes rebuilt in ${indexSeconds.toFixed(1)} s, statistics in ` +
      `${(seconds - writeSeconds - indexSeconds).toFixed(1)} s.`,
  );

  console.log(
    `\nDone: ${todo.length} communities, ${total.households.toLocaleString('en')} households, ` +
      `${total.residents.toLocaleString('en')} residents ` +
      `(${total.aged60Plus.toLocaleString('en')} aged 60+), ${total.contacts.toLocaleString('en')} family contacts, ` +
      `${total.volunteers.toLocaleString('en')} volunteers ` +
      `(${total.skillsPool.toLocaleString('en')} in skills pools) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(total.residents / seconds).toLocaleString('en')} residents/s).`,
  );
  if (todo.length > 0 && !args.slow) {
    const phases = target.writer.phases;
    const named = [...phases.values()].reduce((a, b) => a + b, 0);
    const label: Record<string, string> = {
      model: 'people, households, volunteers (JS)',
      write: args.slow ? 'inserts' : target.kind === 'sqlite' ? 'bulk inserts' : 'COPY',
      points: 'points through the points module (SQL)',
      contacts: 'record of service rebuilt (SQL)',
      rows: 'needs, activities, hours, care … rows (JS)',
      organisation: 'organisation (SQL)',
      regions: 'regions (SQL)',
    };
    console.log(workers > 0 ? `Per phase (summed over the ${workers} worker threads):` : 'Per phase:');
    for (const [name, s] of [...phases].sort((a, b) => b[1] - a[1]))
      console.log(`  ${(label[name] ?? name).padEnd(42)} ${s.toFixed(1).padStart(8)} s`);
    if (workers === 0)
      console.log(
        `  ${'other: checks, accounts (JS, SQL)'.padEnd(42)} ${(writeSeconds - named).toFixed(1).padStart(8)} s`,
      );
  }
  const countStarted = performance.now();
  const counted: Array<[string, number]> = [];
  for (const table of await target.tables()) {
    if (table.startsWith('linli_migration')) continue;
    const { n } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`
      .execute(target.db)
      .then((r) => r.rows[0]!);
    if (Number(n) > 0) counted.push([table, Number(n)]);
  }
  const rows = counted.reduce((a, [, n]) => a + n, 0);
  const written = [...target.writer.rows.values()].reduce((a, b) => a + b, 0);
  console.log(
    `Rows per table in the database (counted in ${((performance.now() - countStarted) / 1000).toFixed(1)} s):`,
  );
  for (const [table, n] of counted.sort((a, b) => b[1] - a[1]))
    console.log(`  ${table.padEnd(28)} ${n.toLocaleString('en').padStart(14)}`);
  console.log(`  ${'all'.padEnd(28)} ${rows.toLocaleString('en').padStart(14)}`);
  const bytes = await target.size();
  console.log(
    `This run wrote ${written.toLocaleString('en')} rows in bulk` +
      (seconds > 0 && todo.length > 0
        ? ` (${Math.round(written / seconds).toLocaleString('en')} rows/s overall)`
        : '') +
      `; the database is ${(bytes / 1e9).toFixed(2)} GB.`,
  );
  await target.close();

  const relative = path.relative(process.cwd(), args.dataDir);
  const shownDir = !relative || relative.startsWith('..') ? args.dataDir : relative;
  console.log(`Start the server on it: ${databaseUrl ? 'DATABASE_URL=… ' : ''}LINLI_DATA_DIR=${shownDir} npm start`);
  console.log(
    `Sign in to Xiguan as ${DEMO_SIGN_INS[0]!.phone} (password ${DEMO_PASSWORD}); community k's secretary is 138 + ` +
      `(k-1, four digits) + 0001.`,
  );
  console.log(
    `The street office (${XIGUAN_STREET}) that compares communities 1–${PER_STREET}: ` +
      `${DEMO_REGION_SIGN_INS[0]!.phone}; the district (金台区): ${DEMO_REGION_SIGN_INS[1]!.phone}.`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
