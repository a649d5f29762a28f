// Start-up of the built server (dist/server/main.mjs), the way `npm start` runs it.
//
// Goals (foundation issue): demo generation under 20 s; a built server healthy within 3 s of start.
//   (a) a fresh data folder: spawn → first 200 from /api/health, which the server answers only after it
//       has migrated and filled the Xiguan demo; and seedCommunity() alone, in process, on a fresh file;
//   (b) the same folder again (demo already there): spawn → first 200, five times.
//
//   npx tsx bench/startup.ts [--restarts 5]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';
import { FieldCipher, generateKeyring } from '../server/src/platform/crypto.ts';
import { hashPassword } from '../server/src/modules/auth/auth.service.ts';
import { DEMO_PASSWORD, XIGUAN_ID } from '../server/src/demo.ts';
import { seedCommunity } from '../scripts/demo/xiguan.ts';
import { ensureServerBuilt, isMain, median, runStandalone, startBuiltServer, type Figure } from './lib.ts';

const DEMO_GOAL_S = 20;

function cpuText(ms: number | null): string {
  return ms === null ? '' : `${(ms / 1000).toFixed(2)} s of CPU by then`;
}
const HEALTHY_GOAL_S = 3;

/** seedCommunity alone, as ensureDemo() calls it, on a fresh migrated SQLite file. */
async function seedInProcess(dir: string): Promise<{ seedMs: number; hashMs: number; residents: number }> {
  const handle = openDatabase({ sqliteFile: path.join(dir, 'linli.sqlite') });
  try {
    await migrateToLatest(handle.db);
    const cipher = new FieldCipher(generateKeyring());
    const h0 = performance.now();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const hashMs = performance.now() - h0;
    const t0 = performance.now();
    const counts = await seedCommunity(handle.db, cipher, {
      communityId: XIGUAN_ID,
      name: '西关社区',
      seed: 20180913,
      passwordHash,
      withAccounts: true,
    });
    return { seedMs: performance.now() - t0, hashMs, residents: counts.residents };
  } finally {
    await handle.close();
  }
}

export async function startupBench(o: { restarts: number }): Promise<Figure[]> {
  const figures: Figure[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-startup-'));
  try {
    await ensureServerBuilt();

    // (a) first start on an empty folder: migrations, keyring, the whole demo, then listen.
    const dataDir = path.join(tmp, 'server');
    const first = await startBuiltServer(
      dataDir,
      { LINLI_DEMO: '1' },
      { label: 'server', timeoutMs: 180_000, quiet: true },
    );
    await first.stop();
    console.log(
      `  first start with the demo: healthy ${(first.readyMs / 1000).toFixed(2)} s after spawn ` +
        `(${cpuText(first.readyCpuMs)})`,
    );
    figures.push({
      bench: 'startup',
      name: 'demo generation: first start on an empty folder, spawn → healthy',
      value: first.readyMs / 1000,
      unit: 's',
      goal: `< ${DEMO_GOAL_S} s`,
      pass: first.readyMs / 1000 < DEMO_GOAL_S,
      note: cpuText(first.readyCpuMs),
    });

    const seeded = await seedInProcess(path.join(tmp, 'in-process'));
    console.log(
      `  seedCommunity in process: ${seeded.residents} residents in ${(seeded.seedMs / 1000).toFixed(2)} s (argon2 ` +
        `hash of the demo password before it: ${seeded.hashMs.toFixed(0)} ms)`,
    );
    figures.push({
      bench: 'startup',
      name: 'demo generation: seedCommunity alone, in process',
      value: seeded.seedMs / 1000,
      unit: 's',
      goal: `< ${DEMO_GOAL_S} s`,
      pass: seeded.seedMs / 1000 < DEMO_GOAL_S,
      note: `${seeded.residents} residents`,
    });

    // (b) later starts: the demo is there, nothing to fill.
    const times: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < o.restarts; i++) {
      const s = await startBuiltServer(
        dataDir,
        { LINLI_DEMO: '1' },
        { label: 'server', timeoutMs: 60_000, quiet: true },
      );
      await s.stop();
      times.push(s.readyMs / 1000);
      if (s.readyCpuMs !== null) cpus.push(s.readyCpuMs);
    }
    console.log(`  restarts on the demo folder: ${times.map((t) => t.toFixed(2)).join(', ')} s`);
    const max = Math.max(...times);
    const load = `load ${os.loadavg()[0]!.toFixed(1)}`;
    figures.push({
      bench: 'startup',
      name: `built server, demo present: spawn → healthy, min of ${o.restarts}`,
      value: Math.min(...times),
      unit: 's',
      goal: '',
      pass: null,
    });
    figures.push({
      bench: 'startup',
      name: `built server, demo present: spawn → healthy, median of ${o.restarts}`,
      value: median(times),
      unit: 's',
      goal: '',
      pass: null,
      note: cpus.length ? `median ${cpuText(median(cpus))}; ${load}` : load,
    });
    figures.push({
      bench: 'startup',
      name: `built server, demo present: spawn → healthy, max of ${o.restarts}`,
      value: max,
      unit: 's',
      goal: `< ${HEALTHY_GOAL_S} s`,
      pass: max < HEALTHY_GOAL_S,
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

function readOptions() {
  const { values } = parseArgs({ options: { restarts: { type: 'string', default: '5' } }, strict: false });
  return { restarts: Math.min(20, Math.max(1, Number(values.restarts) || 5)) };
}

if (isMain(import.meta.url)) await runStandalone('Start-up of the built server', () => startupBench(readOptions()));
