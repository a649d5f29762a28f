// Scans are written in batches: the scan rows that arrive within 25 ms go in one multi-row insert,
// with their notifications, in ONE transaction, so the statement compilation and the disk flush at commit are
// paid once per batch (the idea of platform/group-commit.ts, without a savepoint per request: a scan row cannot
// be refused). add() settles once its batch has committed or failed; the page view does not wait for it (the
// finder needs the phone numbers, not our log), a finder's message does.
import { CompiledQuery } from 'kysely';
import { transactionWithoutFlush, type Db, type DbOrTrx, type Trx } from '../../db/database.ts';
import type { BadgeScanTable } from '../../db/schema/badges.ts';
import type { Notification, Notifier } from '../../platform/notify.ts';
import { insertScans } from './badges.repository.ts';

interface Pending {
  row: BadgeScanTable;
  notes: Notification[];
  resolve: (() => void) | null;
  reject: (e: unknown, row: BadgeScanTable) => void;
}

const MAX_BATCH = 1000;
/** Rows per insert statement. */
const CHUNK = 100;
/** badge_scan's columns in the order a row object lists them (the order Kysely compiles them in). */
const COLUMNS = [
  'community_id',
  'id',
  'badge_id',
  'at',
  'kind',
  'message',
  'place',
  'lat',
  'lng',
  'ip_hash',
  'notified',
] as const satisfies ReadonlyArray<keyof BadgeScanTable>;
/** How long the first scan of a batch waits for others. */
const FLUSH_MS = 25;
const RETRY_MS = 100;

export class ScanLog {
  private queue: Pending[] = [];
  private running = false;
  private readonly compiled = new Map<number, string>();
  readonly stats = { batches: 0, scans: 0, retries: 0, failed: 0 };

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
  ) {}

  /** Logs a scan and sends its notifications; resolves once they are committed. */
  /**
   * Logs a page view without waiting for it: no promise per scan (the hot path), and a failure goes to onFail
   * with the row (one shared function, no closure per scan).
   */
  log(row: BadgeScanTable, notes: Notification[], onFail: (err: unknown, row: BadgeScanTable) => void): void {
    this.queue.push({ row, notes, resolve: null, reject: onFail });
    this.schedule();
  }

  add(row: BadgeScanTable, notes: Notification[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, notes, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every scan added so far has been written (or failed): at shutdown, before the database closes. */
  async drain(): Promise<void> {
    while (this.running || this.queue.length) await new Promise((r) => setTimeout(r, 2));
  }

  /**
   * A multi-row insert whose SQL Kysely compiles once per row count (at most CHUNK shapes), then runs with the
   * rows' values in column order: building and compiling the statement cost more than SQLite took to run it.
   */
  private async insert(trx: DbOrTrx, rows: BadgeScanTable[]) {
    let sql = this.compiled.get(rows.length);
    if (!sql) {
      const q = trx
        .insertInto('badge_scan')
        .values(rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, r[c]])) as unknown as BadgeScanTable))
        .compile();
      if (q.parameters.length !== rows.length * COLUMNS.length) {
        await insertScans(trx, rows);
        return;
      }
      sql = q.sql;
      this.compiled.set(rows.length, sql);
    }
    const params: unknown[] = [];
    for (const r of rows) for (const c of COLUMNS) params.push(r[c]);
    await trx.executeQuery(CompiledQuery.raw(sql, params));
  }

  private schedule() {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    setTimeout(
      () => {
        const batch = this.queue.splice(0, MAX_BATCH);
        void this.flush(batch).finally(() => {
          this.running = false;
          this.schedule();
        });
      },
      this.queue.length >= MAX_BATCH ? 0 : FLUSH_MS,
    );
  }

  private async flush(batch: Pending[]) {
    // A batch that tells a family (a first scan in a while, a finder's message) is flushed to disk at commit; one
    // of page views alone is not: the event loop would wait for the disk on every batch (the scan page's hot path),
    // and a power cut can cost only the last moments of repeated views, never a family's notice.
    const tells = batch.some((p) => p.notes.length > 0);
    const run = async (trx: Trx) => {
      for (let i = 0; i < batch.length; i += CHUNK)
        await this.insert(
          trx,
          batch.slice(i, i + CHUNK).map((p) => p.row),
        );
      for (const p of batch) for (const n of p.notes) await this.notifier.send(trx as DbOrTrx, n);
    };
    const write = () => (tells ? this.db.transaction().execute(run) : transactionWithoutFlush(this.db, run));
    try {
      // One retry after a short pause: a busy database (SQLite's lock, a PostgreSQL failover) must not lose the
      // family's notices. What still fails is handed to each scan's caller (logged by the service).
      try {
        await write();
      } catch {
        this.stats.retries++;
        await new Promise((r) => setTimeout(r, RETRY_MS));
        await write();
      }
      this.stats.batches++;
      this.stats.scans += batch.length;
      for (const p of batch) p.resolve?.();
    } catch (err) {
      this.stats.failed += batch.length;
      for (const p of batch) p.reject(err, p.row);
    }
  }
}
