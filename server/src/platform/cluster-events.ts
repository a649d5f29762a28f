// Several servers on one PostgreSQL behave as one: what one server changes that others keep in memory (a session
// ended, a badge revoked, a community setting) is announced here, and every server forgets its copy.
//
// PostgreSQL: NOTIFY on one channel, LISTEN on one dedicated connection per process (reconnecting). NOTIFY is
// transactional: published with a transaction, the others hear of it only once it commits (and never if it rolls
// back). Delivery takes a few milliseconds. A process that lost its connection may have missed announcements:
// when it is back, every subscriber is told to forget everything (payload null).
// SQLite (one process): publish dispatches to this process's subscribers only.
//
// The publishing process runs its own subscribers at once, in publish(): its caches must not wait for a round trip.
import pg from 'pg';
import { sql } from 'kysely';
import type { DbOrTrx } from '../db/database.ts';
import { uuidv7 } from '../../../domain/shared/ids.ts';

/** null: announcements may have been missed; forget everything this subscriber keeps. */
export type ClusterHandler = (payload: unknown) => void;

const CHANNEL = 'linli_cluster';
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

export class ClusterEvents {
  private readonly handlers = new Map<string, Set<ClusterHandler>>();
  /** This process, so it skips its own announcements coming back from PostgreSQL. */
  readonly origin = uuidv7().slice(-12);
  private client: pg.Client | null = null;
  private closed = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private everConnected = false;
  private started = false;
  /** Announcements heard from other processes, and reconnections (for tests and logs). */
  readonly stats = { received: 0, reconnects: 0 };

  constructor(
    private readonly db: DbOrTrx,
    /** The PostgreSQL connection string; undefined on SQLite (one process, local dispatch). */
    private readonly databaseUrl: string | undefined,
    private readonly onError: (err: Error) => void = (err) =>
      process.emitWarning(`cluster events: ${err.message}`, { code: 'LINLI_CLUSTER' }),
  ) {}

  get distributed(): boolean {
    return this.databaseUrl !== undefined;
  }

  /**
   * Whether announcements from other servers reach this one now: cache only while true. Always on SQLite, and before
   * start() (an app built by a test is the only process on its database).
   */
  get listening(): boolean {
    return !this.databaseUrl || !this.started || this.client !== null;
  }

  subscribe(topic: string, fn: ClusterHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  /**
   * Tells every server (this one at once). With `trx`, the others hear of it when that transaction commits; without,
   * at once. Payloads are small JSON (PostgreSQL takes up to 8000 bytes).
   */
  async publish(topic: string, payload: unknown, trx?: DbOrTrx): Promise<void> {
    this.dispatch(topic, payload);
    if (!this.databaseUrl) return;
    const message = JSON.stringify({ o: this.origin, t: topic, p: payload });
    await sql`select pg_notify(${CHANNEL}, ${message})`.execute(trx ?? this.db);
  }

  /** publish() without waiting, for callers that cannot (a failure is reported, the TTLs still bound staleness). */
  announce(topic: string, payload: unknown): void {
    this.publish(topic, payload).catch((err: Error) => this.onError(err));
  }

  /** Opens the listening connection (PostgreSQL); resolves once it listens. */
  async start(): Promise<void> {
    if (!this.databaseUrl || this.started || this.closed) return;
    this.started = true;
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const c = this.client;
    this.client = null;
    if (c) await c.end().catch(() => {});
  }

  private dispatch(topic: string, payload: unknown) {
    for (const fn of this.handlers.get(topic) ?? []) {
      try {
        fn(payload);
      } catch (err) {
        this.onError(err as Error);
      }
    }
  }

  private forgetEverything() {
    for (const set of this.handlers.values()) for (const fn of set) fn(null);
  }

  private async connect(): Promise<void> {
    const c = new pg.Client({ connectionString: this.databaseUrl, application_name: 'linli-cluster-events' });
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      let m: { o: string; t: string; p: unknown };
      try {
        m = JSON.parse(n.payload);
      } catch {
        return;
      }
      if (m.o === this.origin) return;
      this.stats.received++;
      this.dispatch(m.t, m.p);
    });
    c.on('error', (err) => {
      this.onError(err);
      this.lost(c);
    });
    c.on('end', () => this.lost(c));
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
    } catch (err) {
      this.onError(err as Error);
      await c.end().catch(() => {});
      this.retryLater();
      return;
    }
    if (this.closed) {
      await c.end().catch(() => {});
      return;
    }
    this.client = c;
    this.retryMs = RECONNECT_MIN_MS;
    // Between losing the old connection and listening on this one, announcements may have gone unheard.
    if (this.everConnected) {
      this.stats.reconnects++;
      this.forgetEverything();
    }
    this.everConnected = true;
  }

  private lost(c: pg.Client) {
    if (this.client !== c) return;
    this.client = null;
    c.end().catch(() => {});
    // Until we listen again, nothing cached may be trusted to be told of changes.
    this.forgetEverything();
    this.retryLater();
  }

  private retryLater() {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }
}
