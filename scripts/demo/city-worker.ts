// One of demo:city's worker threads (scripts/demo-city.ts). A community's seed is mostly JavaScript making rows
// (generateCommunity) and then writing them (writeCommunity); on one thread a city build did the two in turn and
// left the second core idle. Two workers, each on its own connection, overlap them: one makes a community's rows
// while the other writes. On SQLite the main thread hands out the one write turn at a time (a single writer, and
// two connections in a rollback journal would refuse each other rather than wait); PostgreSQL writes both at once.
import { parentPort, workerData } from 'node:worker_threads';
import { FieldCipher, loadKeyring } from '../../server/src/platform/crypto.ts';
import { openPostgres, openSqlite } from './city-target.ts';
import { withBulkWriter } from './insert.ts';
import { generateCommunity, writeCommunity, type SeedCounts, type SeedOptions } from './xiguan.ts';

export interface CityWorkerData {
  databaseUrl?: string;
  sqliteFile?: string;
  dataDir: string;
  keyringB64?: string;
  passwordHash: string;
  /** The reference instant, ISO. */
  now: string;
  /** Wait for a 'write' message before each write (SQLite). */
  writeOnTurn: boolean;
}

/** Main → worker. */
export type ToWorker =
  { type: 'seed'; k: number; opts: Omit<SeedOptions, 'now' | 'passwordHash'> } | { type: 'write' } | { type: 'close' };

/** Worker → main. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; k: number; counts: SeedCounts; seconds: number }
  | { type: 'closed'; phases: [string, number][]; rows: [string, number][] }
  | { type: 'failed'; error: string };

const data = workerData as CityWorkerData;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

const target = data.databaseUrl
  ? await openPostgres(data.databaseUrl)
  : openSqlite(data.sqliteFile!, { joinBuild: true });
await target.buildMode(true);
// The main thread loaded (or made) the keyring first; here it is only read.
const cipher = new FieldCipher(loadKeyring({ keyringB64: data.keyringB64, dataDir: data.dataDir, warn: () => {} }));
const now = new Date(data.now);
let turn: (() => void) | null = null;

async function seed(k: number, given: Omit<SeedOptions, 'now' | 'passwordHash'>): Promise<void> {
  const t = performance.now();
  const opts: SeedOptions = { ...given, now, passwordHash: data.passwordHash };
  const rows = await withBulkWriter(target.writer, () => generateCommunity(cipher, opts));
  if (data.writeOnTurn) {
    const mine = new Promise<void>((resolve) => (turn = resolve));
    post({ type: 'ready' });
    await mine;
  }
  const counts = await withBulkWriter(target.writer, () => writeCommunity(target.db, opts, rows));
  post({ type: 'done', k, counts, seconds: (performance.now() - t) / 1000 });
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'write') return turn?.();
  const work =
    m.type === 'seed'
      ? seed(m.k, m.opts)
      : target
          .close()
          .then(() => post({ type: 'closed', phases: [...target.writer.phases], rows: [...target.writer.rows] }));
  work.catch((err: unknown) =>
    post({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
