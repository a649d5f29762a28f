// Rate limits counted in the database, so several servers on one PostgreSQL share one count per client and route
// (a limit of N a minute is N in all, not N per server). One row per key: the window it counts and its hits.
// Not community-scoped: a key is a route and a client's address (hashed), before anyone has signed in.
// On PostgreSQL the table is UNLOGGED: a hit writes no WAL and waits for no disk flush; after a crash the table
// is empty again, which only forgives the counts of the last minute.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // Start of the window, in milliseconds since the epoch (bigint on PostgreSQL).
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`alter table rate_limit set unlogged`.execute(db);
  // The cleaning job deletes windows long over.
  await db.schema.createIndex('rate_limit_window_start').on('rate_limit').column('window_start').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit').execute();
}
