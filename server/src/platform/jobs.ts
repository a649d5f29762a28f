// Scheduled and background work kept in the `job` table, so it survives restarts and runs once even with
// several servers. Claiming is one statement: on PostgreSQL with FOR UPDATE SKIP LOCKED, on SQLite under
// its single writer. A job whose worker died is claimed again after its lock runs out.
import os from 'node:os';
import { Cron } from 'croner';
import { sql } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTrx, DatabaseKind } from '../db/database.ts';
import type { JobTable } from '../db/schema/index.ts';
import { uuidv7 } from '../../../domain/shared/ids.ts';

export type JobHandler = (payload: any, job: { id: string; attempts: number }) => Promise<void>;
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

const LOCK_MS = 5 * 60_000;

export async function enqueueJob(
  db: DbOrTrx,
  kind: string,
  payload: unknown,
  opts: { runAt?: Date; uniqueKey?: string; maxAttempts?: number } = {},
): Promise<void> {
  const now = new Date().toISOString();
  const row: JobTable = {
    id: uuidv7(),
    kind,
    payload: JSON.stringify(payload ?? {}),
    status: 'pending',
    run_at: (opts.runAt ?? new Date()).toISOString(),
    attempts: 0,
    max_attempts: opts.maxAttempts ?? 5,
    locked_by: null,
    locked_until: null,
    last_error: null,
    unique_key: opts.uniqueKey ?? null,
    created_at: now,
    finished_at: null,
  };
  // A unique key makes scheduling idempotent: the second server to enqueue the same slot does nothing.
  await db
    .insertInto('job')
    .values(row)
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .execute();
}

export async function claimJobs(
  db: Db,
  kind: DatabaseKind,
  workerId: string,
  limit: number,
  now = new Date(),
): Promise<ClaimedJob[]> {
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + LOCK_MS).toISOString();
  const due = sql`(status = 'pending' and run_at <= ${nowIso}) or (status = 'running' and locked_until < ${nowIso})`;
  const pick =
    kind === 'postgres'
      ? sql`select id from job where ${due} order by run_at limit ${limit} for update skip locked`
      : sql`select id from job where ${due} order by run_at limit ${limit}`;
  const r = await sql<ClaimedJob>`update job set status = 'running', locked_by = ${workerId}, locked_until = ${until},
    attempts = attempts + 1
    where id in (${pick}) returning id, kind, payload, attempts, max_attempts`.execute(db);
  return r.rows;
}

export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules: Array<{ kind: string; pattern: string; payload: unknown }> = [];
  private readonly crons: Cron[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly workerId = `${os.hostname()}:${process.pid}:${uuidv7().slice(-8)}`;

  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Enqueue `kind` on a cron pattern (Asia/Shanghai); each slot is enqueued once across servers. */
  schedule(kind: string, pattern: string, payload: unknown = {}): void {
    this.schedules.push({ kind, pattern, payload });
  }

  start(intervalMs = 1000): void {
    // Timers exist only once started, so an app built for tests holds no handles open.
    for (const { kind, pattern, payload } of this.schedules) {
      // The slot is the time the pattern named, not the moment this timer fired: every server names it alike, so
      // the unique key lets one enqueue it however late (a busy event loop) another server's timer fires.
      let due: Date | null = null;
      const cron = new Cron(pattern, { timezone: 'Asia/Shanghai' }, async () => {
        const slot = due ?? new Date(new Date().setSeconds(0, 0));
        due = cron.nextRun();
        await enqueueJob(this.db, kind, payload, { uniqueKey: `${kind}@${slot.toISOString()}` }).catch((err) =>
          this.log.error({ err }, 'could not schedule job'),
        );
      });
      due = cron.nextRun();
      this.crons.push(cron);
    }
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runDue()
        .then(() => undefined)
        .catch((err) => this.log.error({ err }, 'job worker tick failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of this.crons) c.stop();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job once; returns how many ran. Tests call this directly. */
  async runDue(limit = 10): Promise<number> {
    const jobs = await claimJobs(this.db, this.kind, this.workerId, limit);
    for (const job of jobs) await this.runOne(job);
    return jobs.length;
  }

  private async runOne(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const done = new Date().toISOString();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), { id: job.id, attempts: job.attempts });
      await this.db
        .updateTable('job')
        .set({ status: 'done', finished_at: done, locked_by: null, locked_until: null })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const failed = job.attempts >= job.max_attempts;
      // Back off 30 s, 2 min, 8 min, … before the next try.
      const retryAt = new Date(Date.now() + 30_000 * 4 ** (job.attempts - 1)).toISOString();
      this.log.error({ err, jobId: job.id, kind: job.kind }, failed ? 'job failed for good' : 'job failed; will retry');
      await this.db
        .updateTable('job')
        .set({
          status: failed ? 'failed' : 'pending',
          run_at: failed ? undefined : retryAt,
          last_error: String((err as Error)?.message ?? err).slice(0, 1000),
          locked_by: null,
          locked_until: null,
          finished_at: failed ? done : null,
        })
        .where('id', '=', job.id)
        .execute();
    }
  }
}
