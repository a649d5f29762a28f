// Opens the database the config names: an embedded SQLite file by default, PostgreSQL for a DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  type KyselyPlugin,
  type LogEvent,
  PostgresDialect,
  SqliteDialect,
  type MigrationProvider,
  type Transaction,
} from 'kysely';
import type { Database } from './schema/index.ts';
import { migrations } from './migrations/index.ts';
import { queryRecorder } from './record-queries.ts';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or a transaction in progress: repositories take this. */
export type DbOrTrx = Kysely<Database> | Transaction<Database>;
export type DatabaseKind = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** The SQLite file (for backups); undefined on PostgreSQL. */
  sqliteFile?: string;
  sqlite?: SQLite.Database;
  /** The PostgreSQL connection string (for the cluster events' own connection); undefined on SQLite. */
  url?: string;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (COUNT, SUM) as text; our counts fit a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** LINLI_RECORD_QUERIES=<file>: every distinct statement is appended to the file (server/src/db/record-queries.ts). */
function recording(): { plugins?: KyselyPlugin[]; log?: (event: LogEvent) => void } {
  const file = process.env.LINLI_RECORD_QUERIES;
  if (!file) return {};
  const r = queryRecorder(file);
  return { plugins: [r.plugin], log: r.log };
}

export function openDatabase(opts: { databaseUrl?: string; sqliteFile?: string; poolSize?: number }): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection the server drops (a restart, an administrator, a failover) must not crash the
    // process: the pool discards it and opens a fresh one for the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL dropped an idle connection: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...recording() });
    return { db, kind: 'postgres', url: opts.databaseUrl, close: () => db.destroy() };
  }
  const file = opts.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // FULL: an acknowledged write survives a power cut (README, "What a failure can lose").
  sqlite.pragma('synchronous = FULL');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    ...recording(),
  });
  return { db, kind: 'sqlite', sqliteFile: file, sqlite, close: () => db.destroy() };
}

/**
 * Kysely prepares every statement on every call; preparing was 13 % of a search's server CPU. Keep the most
 * recent statements (LRU). A statement still being iterated (busy) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database, max = 200) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SQLite.Statement {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        if (!hit.busy) {
          cache.set(sql, hit);
          return hit;
        }
      }
      const fresh = sqlite.prepare(sql);
      cache.set(sql, fresh);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return fresh;
    },
  };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'linli_migration',
    migrationLockTableName: 'linli_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** A unique key refused the write (either database): the caller turns it into "already done". */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(String(e?.message ?? ''))
  );
}
