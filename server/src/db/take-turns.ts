// On SQLite every statement runs on the server's only thread. A computation of many statements (a community's
// dashboard: some twenty, about 100 ms) held every other request until its last one: at Baoji's peak, searches and
// sign-ups waited behind each dashboard. Through takingTurns each statement ends by giving the event loop a turn
// (setImmediate), and inTurn runs a computation's statements one after another, so requests that arrived meanwhile
// are answered between them. (Started together, they ran back to back on the one connection whatever the turns.)
// PostgreSQL runs statements in its own processes, several at once: there both leave things as they are.
import {
  SqliteAdapter,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
} from 'kysely';
import type { QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db } from './database.ts';

class TakeTurns implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return args.result;
  }
}

/** `db` whose statements each give other requests a turn when they end (SQLite); unchanged on PostgreSQL. */
export function takingTurns(db: Db): Db {
  return db.getExecutor().adapter instanceof SqliteAdapter ? db.withPlugin(new TakeTurns()) : db;
}

/**
 * The tasks' results, in order: started together on PostgreSQL (a pool of connections), one after another on SQLite,
 * where each task's statements then take turns with other requests (takingTurns).
 */
export async function inTurn<const T extends readonly (() => Promise<unknown>)[]>(
  db: Db,
  tasks: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return Promise.all(tasks.map((t) => t())) as never;
  const results: unknown[] = [];
  for (const task of tasks) results.push(await task());
  return results as never;
}

/**
 * `work` as a background job should run it. On PostgreSQL, in one read-only transaction: its statements go one
 * after another on one connection of the pool and read one snapshot. Started together outside one, a refresh of a
 * community's stored figures took every connection of the pool for a moment, and each request that came then
 * waited for it (at ten times Baoji's peak, every 5 minutes, requests answered in 0.1-0.4 s). On SQLite, as it is:
 * statements run one at a time and take turns with requests already, and a transaction would hold the only
 * connection for its whole length.
 */
export function onOneConnection<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return work(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => work(trx));
}
