// On SQLite every statement runs on the server's only thread. A computation of many statements (a community's
// dashboard: some twenty, about 100 ms) held every other request until its last one: at Baoji's peak, searches and
// sign-ups waited behind each dashboard. Through this plugin each statement ends by giving the event loop a turn
// (setImmediate), so requests that arrived meanwhile are answered between its statements. PostgreSQL runs statements
// in its own processes: there the handle is returned as it is.
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
