// A store for @fastify/rate-limit that counts in the database, so several servers on one PostgreSQL share each count:
// a limit of N a minute is N across all of them. One statement per request: an upsert that starts a new window when
// the old one is over and adds one otherwise, returning the count (PostgreSQL's row lock orders concurrent hits).
// On PostgreSQL the table is UNLOGGED (no WAL, no disk flush per hit; emptied after a crash, which only forgives).
// Keys are hashed: no client address is stored. A job sweeps windows that are over (sweepRateLimits).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

interface Result {
  current: number;
  ttl: number;
}
type Callback = (err: Error | null, result?: Result) => void;

/** The store class @fastify/rate-limit constructs (`store` option), bound to `db`. */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    /** @fastify/rate-limit passes the route's window (ms) too, though its types do not say so. */
    incr(key: string, cb: Callback, timeWindow = 60_000): void {
      const k = createHash('sha256').update(`${this.prefix}\n${key}`).digest('base64url');
      const now = Date.now();
      const over = now - timeWindow;
      sql<{ hits: number; window_start: number | string }>`insert into rate_limit (key, window_start, hits)
        values (${k}, ${now}, 1)
        on conflict (key) do update set
          hits = case when rate_limit.window_start <= ${over} then 1 else rate_limit.hits + 1 end,
          window_start = case when rate_limit.window_start <= ${over} then ${now} else rate_limit.window_start end
        returning hits, window_start`
        .execute(db)
        .then((r) => {
          const row = r.rows[0]!;
          cb(null, { current: Number(row.hits), ttl: Math.max(0, Number(row.window_start) + timeWindow - now) });
        })
        .catch((err: Error) => cb(err));
    }

    /**
     * A store per route: the same client counts separately on each limited route. At run time the plugin passes the
     * route's limit settings with the route as `routeInfo` (its types say the route itself).
     */
    child(routeOptions: object) {
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${String(r.method ?? '')} ${r.url ?? ''}`);
    }
  };
}

/** Deletes windows that ended before `now - keepMs` (every limit here is at most a minute long). */
export async function sweepRateLimits(db: Db, now = Date.now(), keepMs = 10 * 60_000): Promise<number> {
  const r = await db
    .deleteFrom('rate_limit')
    .where('window_start', '<', now - keepMs)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
