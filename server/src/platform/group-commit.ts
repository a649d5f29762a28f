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
//
// On PostgreSQL every command in the batch is a round trip while the batch holds its locks, so a batch first runs
// with no savepoints at all: most batches have no refusal in them. When a request fails in such a run, which of its
// writes stood is unknown (and a failed statement leaves the transaction unusable), so the whole transaction is rolled
// back and the batch runs again, this time with savepoints (a batch of one simply takes its refusal: nothing else was
// in it). With savepoints the commands ride together: one item's release and the next one's savepoint are one simple
// query, and after a rollback to the savepoint that savepoint still stands for the next item (nothing was written
// since). A request's work must therefore be fit to run again from the start, as it already is for a deadlock retry.
import { PostgresAdapter, sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';

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

/**
 * What the items of one batch may share: `memo` is for facts an item found or made inside the batch's transaction
 * (a lock taken, the last row written), so the next item need not ask the database again. It is emptied whenever
 * an item is rolled back, since what that item did or learnt may no longer hold.
 */
export interface BatchScope {
  readonly memo: Map<string, unknown>;
}

interface Pending<DB> {
  work: (trx: Transaction<DB>, batch: BatchScope) => Promise<unknown>;
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
  /**
   * PostgreSQL: a batch runs first without savepoints, and with them (their commands joined into one simple query)
   * only when a request failed in that run (see the head of this file).
   */
  private readonly postgres: boolean;
  /**
   * Batches committed or failed, requests they carried, batches run again (`retried`: after a conflict; `guarded`:
   * with savepoints after a request failed without them), for tests and benchmarks.
   */
  readonly stats = { batches: 0, requests: 0, largest: 0, failed: 0, retried: 0, guarded: 0 };

  constructor(
    private readonly db: Kysely<DB>,
    opts: GroupCommitOptions = {},
  ) {
    this.maxBatch = Math.max(1, opts.maxBatch ?? 100);
    this.onBatchFailure =
      opts.onBatchFailure ?? ((err) => process.emitWarning(err.message, { code: 'LINLI_GROUP_COMMIT' }));
    this.postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  }

  /** Runs `work` inside the next batch's transaction; settles once that transaction has committed (or failed). */
  run<T>(work: (trx: Transaction<DB>, batch: BatchScope) => Promise<T>): Promise<T> {
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
    let guarded = !this.postgres;
    for (let conflicts = 0; ;) {
      const outcomes = await this.attempt(batch, conflicts < RETRIES_ON_CONFLICT, guarded);
      if (outcomes === 'again') conflicts++;
      if (outcomes === 'guard') guarded = true;
      if (outcomes === 'again' || outcomes === 'guard') continue;
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
   * ('rejected'). Unless `guarded`, the items run without savepoints: 'guard' when one of them failed (the
   * transaction was rolled back; the batch is to run again with savepoints).
   */
  private async attempt(
    batch: Pending<DB>[],
    mayRetry: boolean,
    guarded: boolean,
  ): Promise<Outcome[] | 'again' | 'rejected' | 'guard'> {
    const outcomes: Outcome[] = [];
    let trx: ControlledTransaction<DB> | undefined;
    const scope: BatchScope = { memo: new Map() };
    try {
      trx = await this.db.startTransaction().execute();
      if (!guarded) {
        const failed = await this.runUnguarded(trx, batch, scope, outcomes);
        if (failed) {
          await trx.rollback().execute();
          return this.afterUnguardedFailure(batch, failed.error);
        }
      } else if (this.postgres) await this.flushJoined(trx, batch, scope, outcomes);
      else
        for (const p of batch) {
          for (let tries = 1; ; tries++) {
            const sp = await trx.savepoint('group_item').execute();
            try {
              const value = await p.work(sp, scope);
              await sp.releaseSavepoint('group_item').execute();
              outcomes.push({ ok: true, value });
            } catch (error) {
              // Only this request's writes go (and its locks); the rest of the batch stands.
              scope.memo.clear();
              await (await sp.rollbackToSavepoint('group_item').execute()).releaseSavepoint('group_item').execute();
              if (this.retryItem(tries, error)) continue;
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

  /** The items one after another with no savepoint; the first failure ends the run (see attempt). */
  private async runUnguarded(
    trx: ControlledTransaction<DB>,
    batch: Pending<DB>[],
    scope: BatchScope,
    out: Outcome[],
  ): Promise<{ error: unknown } | null> {
    for (const p of batch) {
      try {
        out.push({ ok: true, value: await p.work(trx, scope) });
      } catch (error) {
        return { error };
      }
    }
    return null;
  }

  /**
   * A request failed in a run without savepoints, and the transaction was rolled back. Alone in its batch, it is
   * refused outright (its own writes were the only ones, and they are gone), unless PostgreSQL broke a conflict;
   * otherwise the batch runs again with savepoints, which keep the others' writes and retry a conflict's victim.
   */
  private afterUnguardedFailure(batch: Pending<DB>[], error: unknown): Outcome[] | 'guard' {
    if (batch.length === 1 && !isConflict(error)) return [{ ok: false, error }];
    if (isConflict(error)) this.stats.retried++;
    this.stats.guarded++;
    return 'guard';
  }

  /**
   * The items in savepoints with the fewest round trips (PostgreSQL): `savepoint` before the first item, `release;
   * savepoint` between two that stood, nothing after a rollback (the savepoint stands again), and no release after
   * the last (the commit ends it). The commands are constants: no parameters, so one simple query may hold two.
   */
  private async flushJoined(trx: ControlledTransaction<DB>, batch: Pending<DB>[], scope: BatchScope, out: Outcome[]) {
    let open = false; // a savepoint stands with nothing written since it was set
    let dirty = false; // a savepoint stands with the previous item's writes kept in it
    for (const p of batch) {
      if (dirty) await sql.raw('release savepoint group_item; savepoint group_item').execute(trx);
      else if (!open) await sql.raw('savepoint group_item').execute(trx);
      open = true;
      dirty = false;
      for (let tries = 1; ; tries++) {
        try {
          out.push({ ok: true, value: await p.work(trx, scope) });
          dirty = true;
        } catch (error) {
          scope.memo.clear();
          await sql.raw('rollback to savepoint group_item').execute(trx);
          if (this.retryItem(tries, error)) continue; // the savepoint stands again, with nothing written since
          out.push({ ok: false, error });
        }
        break;
      }
    }
  }

  /**
   * Whether a request that failed on its `tries`-th try goes again: a deadlock with another server's batch (or a
   * serialization conflict), twice at most; the other batch has gone on meanwhile.
   */
  private retryItem(tries: number, error: unknown): boolean {
    if (tries > RETRIES_ON_CONFLICT || !isConflict(error)) return false;
    this.stats.retried++;
    return true;
  }
}
