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
