// Group commit: many small writes from concurrent requests share ONE transaction, so the disk flush at
// commit (SQLite WAL with synchronous=FULL, PostgreSQL's WAL fsync) is paid once per batch rather than once
// per request. Each request runs in a savepoint of its own: a refusal rolls back only that request's writes
// and rejects only its own promise. Nothing is reported before the batch's outcome is known: after the
// commit every request settles with its own result or refusal; if the batch itself fails (begin, a
// savepoint command, the commit) every request in it is rejected with a GroupCommitError, never accepted.
//
// One batch runs at a time; requests that arrive meanwhile wait for the next one (up to maxBatch each).
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';

export class GroupCommitError extends Error {
  constructor(
    readonly size: number,
    cause: unknown,
  ) {
    super(
      `group commit of ${size} request${size === 1 ? '' : 's'} rolled back: ` +
        `${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'GroupCommitError';
  }
}

interface Pending<DB> {
  work: (trx: Transaction<DB>) => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Requests per transaction; the rest wait for the next batch. */
  maxBatch?: number;
  /** Told once per failed batch (the requests are told by their rejections). */
  onBatchFailure?: (err: GroupCommitError) => void;
}

export class GroupCommit<DB> {
  private readonly queue: Pending<DB>[] = [];
  private running = false;
  private readonly maxBatch: number;
  private readonly onBatchFailure: (err: GroupCommitError) => void;
  /** Batches committed or failed, and requests they carried (for tests and benchmarks). */
  readonly stats = { batches: 0, requests: 0, largest: 0, failed: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    opts: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? 100);
    this.onBatchFailure =
      opts.onBatchFailure ?? ((err) => process.emitWarning(err.message, { code: 'LINLI_GROUP_COMMIT' }));
  }

  /** Runs `work` inside the next batch's transaction; settles once that transaction has committed (or failed). */
  run<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    // setImmediate, not a microtask: better-sqlite3 runs a whole batch, commit included, without giving the
    // event loop a turn, so the requests whose bytes have already arrived must reach the queue first.
    setImmediate(() => {
      void this.flush(this.queue.splice(0, this.maxBatch)).finally(() => {
        this.running = false;
        this.schedule();
      });
    });
  }

  private async flush(batch: Pending<DB>[]) {
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<DB> | undefined;
    try {
      trx = await this.db.startTransaction().execute();
      for (const p of batch) {
        const sp = await trx.savepoint('group_item').execute();
        try {
          const value = await p.work(sp);
          await sp.releaseSavepoint('group_item').execute();
          outcomes.push({ ok: true, value });
        } catch (error) {
          // Only this request's writes go; the rest of the batch stands.
          await (await sp.rollbackToSavepoint('group_item').execute()).releaseSavepoint('group_item').execute();
          outcomes.push({ ok: false, error });
        }
      }
      await trx.commit().execute();
    } catch (cause) {
      if (trx && !trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      const err = new GroupCommitError(batch.length, cause);
      this.stats.failed++;
      this.onBatchFailure(err);
      for (const p of batch) p.reject(err);
      return;
    } finally {
      this.stats.batches++;
      this.stats.requests += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
    }
    batch.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  }
}
