// The server side of bench/import.ts: a fresh SQLite database with one community (three grids, 24 buildings,
// a staff account) and the real app listening on a free port. Run bundled by plain node, as a child with an
// IPC channel: it sends {port} when ready and answers 'report' with its memory figures, then exits.
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest, openDatabase, type Db } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import { uuidv7 } from '../domain/shared/ids.ts';
import { insertBenchCommunity, insertStaffAccount } from './lib.ts';

export const STAFF_PHONE = '13800000002';
export const PASSWORD = 'bench-password';
export const BUILDINGS = 24;

export interface Memory {
  baselineRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

export async function seed(db: Db): Promise<void> {
  const now = new Date().toISOString();
  const community = await insertBenchCommunity(db, now);
  const grids = [uuidv7(), uuidv7(), uuidv7()];
  for (const [i, g] of grids.entries())
    await db
      .insertInto('grid')
      .values({ community_id: community, id: g, code: `G-0${i + 1}`, name: `第${'一二三'[i]}网格`, created_at: now })
      .execute();
  for (let b = 1; b <= BUILDINGS; b++) {
    await db
      .insertInto('building')
      .values({
        community_id: community,
        id: uuidv7(),
        grid_id: grids[Math.floor((b - 1) / 8)]!,
        number: `${b}号楼`,
        street: '宝福路',
        created_at: now,
      })
      .execute();
  }
  await insertStaffAccount(db, community, STAFF_PHONE, PASSWORD, now);
}

async function serve(dataDir: string): Promise<void> {
  process.on('disconnect', () => process.exit(0));
  const config = loadConfig({
    LINLI_DATA_DIR: dataDir,
    LINLI_LOG_LEVEL: 'warn',
    LINLI_DEMO: '0',
    LINLI_JOBS: '0',
    LINLI_RATE_LIMITS: '0',
    LINLI_WEB_DIST: '/nonexistent',
  });
  const database = openDatabase({ sqliteFile: path.join(dataDir, 'linli.sqlite') });
  await migrateToLatest(database.db);
  await seed(database.db);
  const app = await buildApp(config, { database, cipher: new FieldCipher(generateKeyring()) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  // The kernel's high-water mark is the true peak RSS; heap can only be sampled (the loop is busy while parsing).
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRssMb = process.memoryUsage().rss / 1048576;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 5);
  let cpuMark = process.cpuUsage();
  process.on('message', async (msg) => {
    // CPU time (all threads) between 'mark' and 'cpu': a figure that other load on the machine does not inflate.
    if (msg === 'mark') {
      cpuMark = process.cpuUsage();
      return;
    }
    if (msg === 'cpu') {
      const d = process.cpuUsage(cpuMark);
      process.send!({ cpu: { userS: d.user / 1e6, systemS: d.system / 1e6 } });
      return;
    }
    // Resident memory now and at its peak so far (after hostile uploads: what they took, and what was given back).
    if (msg === 'rss') {
      process.send!({
        rss: { nowMb: process.memoryUsage().rss / 1048576, peakMb: process.resourceUsage().maxRSS / 1024 },
      });
      return;
    }
    if (msg !== 'report') return;
    clearInterval(sampler);
    const memory: Memory = {
      baselineRssMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1048576,
    };
    process.send!({ memory });
    await app.close();
    await database.close();
    process.exit(0);
  });
  process.send!({ port });
}

if (process.send) await serve(process.argv[2]!);
