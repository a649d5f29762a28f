// Group commit: many small writes from concurrent requests share ONE transaction, so the disk flush at
// commit (SQLite WAL with synchronous=FULL, PostgreSQL's WAL fsync) is paid once per batch rather than once
// per request. Each request runs in a savepoint of its own: a refusal rolls back only that request's writes
// and rejects only its own promise. Nothing is reported before the batch's outcome is known: after the
// commit every request settles with its own result or refusal; if the batch itself fails (begin, a
// savepoint command, the commit) every request in it is rejected with a GroupCommitError, never accepted.
// Several servers on one PostgreSQL: a request (or a batch) PostgreSQL refuses to break a deadlock with another
// server's batch is tried again, twice at most, before it is refused.
//
// One batch runs at a time; requests that arrive meanwhile wait for the next one (up to maxBatch each).
import type { ControlledTransaction, Kysely, Transaction } from 'kysely';

/** Further tries of a request (or a batch) PostgreSQL refused to break a deadlock or a serialization conflict. */
const RETRIES_ON_CONFLICT = 2;

/** PostgreSQL's deadlock_detected or serialization_failure (SQLite has one writer and neither). */
function isConflict(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

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
  readonly stats = { batches: 0, requests: 0, largest: 0, failed: 0, retried: 0 };

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
    for (let attempt = 1; ; attempt++) {
      const outcomes = await this.attempt(batch, attempt < RETRIES_ON_CONFLICT + 1);
      if (outcomes === 'again') continue;
      if (outcomes === 'rejected') return;
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
      return;
    }
  }

  /**
   * One try of the batch: its outcomes once committed; 'again' when PostgreSQL broke a deadlock or a serialization
   * conflict by rolling this batch back and `mayRetry` (nothing was committed, so the batch runs again whole: several
   * servers' batches may lock the same rows in different orders). Otherwise a failed batch rejects every request
   * ('rejected').
   */
  private async attempt(batch: Pending<DB>[], mayRetry: boolean): Promise<Outcome[] | 'again' | 'rejected'> {
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<DB> | undefined;
    try {
      trx = await this.db.startTransaction().execute();
      for (const p of batch) {
        for (let tries = 1; ; tries++) {
          const sp = await trx.savepoint('group_item').execute();
          try {
            const value = await p.work(sp);
            await sp.releaseSavepoint('group_item').execute();
            outcomes.push({ ok: true, value });
          } catch (error) {
            // Only this request's writes go (and its locks); the rest of the batch stands. A deadlock with another
            // server's batch is tried again: the other has gone on meanwhile.
            await (await sp.rollbackToSavepoint('group_item').execute()).releaseSavepoint('group_item').execute();
            if (tries <= RETRIES_ON_CONFLICT && isConflict(error)) {
              this.stats.retried++;
              continue;
            }
            outcomes.push({ ok: false, error });
          }
          break;
        }
      }
      await trx.commit().execute();
    } catch (cause) {
      if (trx && !trx.isCommitted && !trx.isRolledBack)
        await trx
          .rollback()
          .execute()
          .catch(() => {});
      if (mayRetry && isConflict(cause)) {
        this.stats.retried++;
        return 'again';
      }
      const err = new GroupCommitError(batch.length, cause);
      this.stats.failed++;
      this.onBatchFailure(err);
      for (const p of batch) p.reject(err);
      return 'rejected';
    } finally {
      this.stats.batches++;
      this.stats.requests += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
    }
    return outcomes;
  }
}
