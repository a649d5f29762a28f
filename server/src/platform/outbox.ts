// The outbox's delivery worker. It claims due rows with a lease (locked_until): one UPDATE … WHERE status in
// (queued, held) — with FOR UPDATE SKIP LOCKED on PostgreSQL, under SQLite's single writer otherwise — so two
// workers never take the same row, and a row whose worker died is claimed again once its lease runs out. Each
// claimed row is checked against the person's preferences and the quiet hours, then handed to its channel's
// provider with the row id as idempotency key. Failures: permanent ones fail at once; transient ones are retried
// with exponential backoff up to a cap.
import { sql } from 'kysely';
import os from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DatabaseKind } from '../db/database.ts';
import type { Database, NotificationOutboxTable } from '../db/schema/index.ts';
import { uuidv7 } from '../../../domain/shared/ids.ts';
import { GroupCommit } from './group-commit.ts';
import { ONE_TIME_CODE_FIELDS, withoutCodes } from './notify.ts';
import { ProviderError, type Provider } from './providers/provider.ts';
import { isQuiet, quietHoursEnd } from './quiet-hours.ts';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'held'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxOptions {
  now?: () => Date;
  /** Longer than any provider call may take (their timeout is 10 s). */
  leaseMs?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Rows sent at the same time by one worker. */
  concurrency?: number;
  /** The public address (LINLI_PUBLIC_URL) a payload's in-app `link` (/m/…) is put on for SMS and WeChat. */
  publicBaseUrl?: string;
}

/** The providers by channel; `app` needs none (the phone reads the row). */
export interface Channels {
  sms: Provider;
  wechat: Provider;
}

type Row = NotificationOutboxTable;

export class OutboxWorker {
  readonly workerId = `${os.hostname()}:${process.pid}:outbox:${uuidv7().slice(-8)}`;
  private readonly now: () => Date;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly concurrency: number;
  private readonly publicBaseUrl: string;
  private readonly zones = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  // Outcomes of rows sent at the same time share one commit (one disk flush), each settling once it is durable.
  private readonly outcomes: GroupCommit<Database>;

  constructor(
    private readonly db: Db,
    private readonly kind: DatabaseKind,
    private readonly log: FastifyBaseLogger,
    readonly channels: Channels,
    o: OutboxOptions = {},
  ) {
    this.now = o.now ?? (() => new Date());
    this.leaseMs = o.leaseMs ?? 60_000;
    this.publicBaseUrl = o.publicBaseUrl ?? '';
    this.maxAttempts = o.maxAttempts ?? 8;
    this.backoffBaseMs = o.backoffBaseMs ?? 30_000;
    this.backoffCapMs = o.backoffCapMs ?? 2 * 3600_000;
    this.concurrency = o.concurrency ?? 8;
    this.outcomes = new GroupCommit(db, { maxBatch: 64 });
  }

  /** Retry n (1-based attempts so far): base · 2^(n−1), capped. */
  backoffMs(attempts: number): number {
    return Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  }

  async claim(limit: number): Promise<Row[]> {
    const now = this.now();
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + this.leaseMs).toISOString();
    const due = sql`(status in ('queued', 'held') and next_attempt_at <= ${nowIso})
      or (status = 'sending' and locked_until < ${nowIso})`;
    const pick =
      this.kind === 'postgres'
        ? sql`select id from notification_outbox where ${due} order by next_attempt_at limit ${limit}
            for update skip locked`
        : sql`select id from notification_outbox where ${due} order by next_attempt_at limit ${limit}`;
    const r = await sql<Row>`update notification_outbox set status = 'sending', locked_by = ${this.workerId},
      locked_until = ${until}, attempts = attempts + 1 where id in (${pick}) returning *`.execute(this.db);
    return r.rows;
  }

  /** Claims and delivers due rows once; returns how many rows it handled. Tests and the benchmark call this. */
  async runOnce(limit = 100): Promise<number> {
    const rows = await this.claim(limit);
    let next = 0;
    const lane = async () => {
      while (next < rows.length) await this.deliver(rows[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, rows.length) }, lane));
    return rows.length;
  }

  /** Runs until nothing is due. */
  async drain(limit = 100): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(limit); n > 0; n = await this.runOnce(limit)) total += n;
    return total;
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.drain()
        .catch((err) => this.log.error({ err }, 'outbox delivery tick failed'))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * Staff's retry of a failed row: queued again now, attempts from zero. Returns whether it was failed. A one-time
   * code's message is not retried: its code is blanked when it fails (the person asks for a new one).
   */
  async retry(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('notification_outbox')
      .set({ status: 'queued', attempts: 0, next_attempt_at: this.now().toISOString(), last_error: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .where('template', 'not in', Object.keys(ONE_TIME_CODE_FIELDS))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async finish(row: Row, set: Partial<Row>): Promise<void> {
    // A one-time code is blanked once its message will not be tried again: the outbox keeps no usable code. The
    // development channel is the exception: it has no phone to reach, so staff read the code from the outbox.
    const done = set.status !== 'queued' && set.status !== 'held';
    const blanked =
      done && row.template in ONE_TIME_CODE_FIELDS && this.providerFor(row.channel)?.name !== 'dev'
        ? { payload: JSON.stringify(withoutCodes(row.template, JSON.parse(row.payload) as Record<string, unknown>)) }
        : {};
    // Only while the lease is ours: a worker that overran its lease must not overwrite the next one's outcome.
    await this.outcomes.run((trx) =>
      trx
        .updateTable('notification_outbox')
        .set({ ...set, ...blanked, locked_by: null, locked_until: null })
        .where('id', '=', row.id)
        .where('locked_by', '=', this.workerId)
        .execute(),
    );
  }

  private providerFor(channel: string): Provider | null {
    return channel === 'sms' ? this.channels.sms : channel === 'wechat' ? this.channels.wechat : null;
  }

  private async timeZone(communityId: string | null): Promise<string> {
    if (!communityId) return 'Asia/Shanghai';
    let tz = this.zones.get(communityId);
    if (!tz) {
      const c = await this.db
        .selectFrom('community')
        .select('time_zone')
        .where('id', '=', communityId)
        .executeTakeFirst();
      tz = c?.time_zone ?? 'Asia/Shanghai';
      this.zones.set(communityId, tz);
    }
    return tz;
  }

  /** Why a person would not get this message, or null. */
  private async refusal(row: Row): Promise<string | null> {
    if (row.urgent || !row.account_id) return null;
    const p = await this.db
      .selectFrom('notification_preference')
      .selectAll()
      .where('account_id', '=', row.account_id)
      .executeTakeFirst();
    if (!p) return null;
    if (p.opted_out) return 'opted_out';
    const on = row.channel === 'sms' ? p.sms : row.channel === 'wechat' ? p.wechat : p.app;
    return on ? null : 'channel_off';
  }

  async deliver(row: Row): Promise<void> {
    const now = this.now();
    try {
      const refused = await this.refusal(row);
      if (refused) return await this.finish(row, { status: 'skipped', last_error: refused });
      if (!row.recipient) return await this.finish(row, { status: 'skipped', last_error: 'no_channel' });
      if (!row.urgent && isQuiet(now, await this.timeZone(row.community_id))) {
        // Held, not tried: the attempt taken by the claim is given back.
        const at = quietHoursEnd(now, await this.timeZone(row.community_id));
        return await this.finish(row, {
          status: 'held',
          next_attempt_at: at.toISOString(),
          attempts: row.attempts - 1,
        });
      }
      const payload = JSON.parse(row.payload) as Record<string, unknown>;
      if (row.channel === 'app') {
        const at = now.toISOString();
        return await this.finish(row, { status: 'delivered', provider: 'app', sent_at: at, delivered_at: at });
      }
      const provider = this.providerFor(row.channel);
      if (!provider) return await this.finish(row, { status: 'skipped', last_error: 'no_channel' });
      // The row keeps the in-app path (the phone opens it); a message read outside the app needs the whole address.
      if (typeof payload.link === 'string' && payload.link.startsWith('/'))
        payload.link = this.publicBaseUrl + payload.link;
      const { messageId } = await provider.send({
        id: row.id,
        recipient: row.recipient,
        template: row.template,
        payload,
      });
      const at = this.now().toISOString();
      // The development channel has nobody further to hand it to: it is delivered when logged.
      const dev = provider.name === 'dev';
      await this.finish(row, {
        status: dev ? 'delivered' : 'sent',
        provider: provider.name,
        provider_message_id: messageId,
        sent_at: at,
        delivered_at: dev ? at : null,
        last_error: null,
      });
    } catch (err) {
      const e =
        err instanceof ProviderError ? err : new ProviderError('error', String((err as Error)?.message ?? err), false);
      const final = e.permanent || row.attempts >= this.maxAttempts;
      this.log.warn({ outboxId: row.id, code: e.code, final }, 'outbox delivery failed');
      await this.finish(row, {
        status: final ? 'failed' : 'queued',
        last_error: e.message.slice(0, 500),
        next_attempt_at: final
          ? row.next_attempt_at
          : new Date(now.getTime() + this.backoffMs(row.attempts)).toISOString(),
      });
    }
  }
}
