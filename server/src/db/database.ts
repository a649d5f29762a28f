// Opens the database the config names: an embedded SQLite file by default, PostgreSQL for a DATABASE_URL.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  PostgresAdapter,
  sql,
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

/** How long a pooled PostgreSQL connection may sit idle before it is closed. */
export const IDLE_CONNECTION_MS = 10 * 60_000;

export function openDatabase(opts: { databaseUrl?: string; sqliteFile?: string; poolSize?: number }): DatabaseHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // Idle connections are kept for 10 minutes, not pg's 10 seconds: a busy hour's bursts come further apart
      // than that, and each then opened new backends, whose first statements (loading PostgreSQL's catalog
      // caches) took 10-50 ms. At ten times Baoji's peak those were the writes' slowest answers.
      idleTimeoutMillis: IDLE_CONNECTION_MS,
    });
    // An idle connection the server drops (a restart, an administrator, a failover) must not crash the
    // process: the pool discards it and opens a fresh one for the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL dropped an idle connection: ${err.message}`));
    pool.on('connect', (client) => withPreparedStatements(client));
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
  return sqliteHandle(sqlite, file);
}

/** Kysely on a better-sqlite3 connection its opener has set up (openDatabase: the server's settings). */
export function sqliteHandle(sqlite: SQLite.Database, file: string): DatabaseHandle {
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
  const withPlainRows = plainRows(sqlite);
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
      const fresh = withPlainRows(sqlite.prepare(sql));
      cache.set(sql, fresh);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return fresh;
    },
  };
}

/**
 * better-sqlite3 makes each row a slow ("dictionary") object: reading it, and above all copying it (`{ ...row }`,
 * `{ a, ...rest }`), cost 10-17 µs a row, a fifth of the needs list's time. A reading statement is switched to arrays
 * instead and each row built by an object literal compiled for its columns, which V8 lays out as one shape for every
 * row: fetching costs half and copying a tenth. The literal's keys are the statement's column names, quoted by
 * JSON.stringify; a later column of the same name wins, as before. A change of schema (a migration, a table made
 * again) can change a cached statement's columns: SQLite prepares it again when it next runs, and the literal is then
 * compiled again from its new columns.
 */
function plainRows(sqlite: SQLite.Database) {
  const schemaVersion = sqlite.prepare('pragma schema_version').pluck();
  return (stmt: SQLite.Statement): SQLite.Statement => {
    if (!stmt.reader) return stmt;
    let version = -1;
    let row: (values: unknown[]) => unknown = () => undefined;
    /** Called once a run is over: SQLite has then prepared the statement again if the schema changed. */
    const followSchema = () => {
      const now = schemaVersion.get() as number;
      if (now === version) return;
      version = now;
      row = rowOf(stmt.columns().map((c) => c.name));
    };
    if (stmt.columns().some((c) => c.name === '__proto__')) return stmt; // a literal would set the prototype
    stmt.raw(true);
    const all = stmt.all.bind(stmt),
      iterate = stmt.iterate.bind(stmt);
    return Object.assign(stmt, {
      all: (...params: unknown[]) => {
        const values = all(...params) as unknown[][];
        followSchema();
        return values.map((v) => row(v));
      },
      // A stream (Kysely's .stream(); the server uses none) gets better-sqlite3's own rows: the connection may run
      // nothing else meanwhile, not even the schema's version.
      iterate: function* (...params: unknown[]) {
        stmt.raw(false);
        try {
          yield* iterate(...params) as IterableIterator<unknown>;
        } finally {
          stmt.raw(true);
        }
      },
    }) as SQLite.Statement;
  };
}

const rowOf = (names: readonly string[]) =>
  new Function('r', `return { ${names.map((n, i) => `${JSON.stringify(n)}: r[${i}]`).join(', ')} };`) as (
    values: unknown[],
  ) => unknown;

/** At most this many prepared statements on one PostgreSQL connection. */
export const PREPARED_PER_CONNECTION = 300;
/** Statement text → its prepared statement's name, shared by the pools' connections. */
const statementNames = new Map<string, string>();

/**
 * PostgreSQL parses and plans an unnamed statement on every call: on a volunteer's home page (40 statements) that was
 * three quarters of the database's time, the execution one quarter. Each connection prepares the statements it
 * sends under a name instead: parsed once, and after five runs PostgreSQL keeps a generic plan when it costs no more
 * than planning each time. Only statements with parameters (Kysely's; never BEGIN or COMMIT), and at most `max` a
 * connection, so a backend's memory stays bounded: the first `max` distinct statements that succeed keep their names,
 * later ones run unnamed as before.
 */
function withPreparedStatements(client: pg.PoolClient, max = PREPARED_PER_CONNECTION): void {
  const prepared = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      let name = statementNames.get(text);
      if (!name) {
        if (statementNames.size >= 10_000) statementNames.clear();
        // From the text itself: the same statement keeps its name on every connection, and after a clear.
        name = `l${createHash('sha1').update(text).digest('base64url')}`;
        statementNames.set(text, name);
      }
      if (prepared.has(name)) return query({ name, text, values });
      if (prepared.size < max) {
        const answer = query({ name, text, values }) as Promise<unknown>;
        // Counted once PostgreSQL has it: a statement it refuses is not prepared.
        answer.then(
          () => prepared.add(name),
          () => {},
        );
        return answer;
      }
    }
    return query(...args);
  }) as typeof client.query;
}

/**
 * SQLite's planner statistics (sqlite_stat1), kept fresh as SQLite advises for a long-lived connection: each table
 * whose statistics are missing or stale is analyzed from a sample of each index (analysis_limit): 0.45 s for a
 * 30-community file, 1 ms when nothing changed. Without statistics the planner took every community to hold a handful
 * of rows and nested its loops: a community's dashboard took 290 ms on a demo:city file, 150 ms with them. main.ts
 * runs this at start and the job sqlite.optimize hourly; PostgreSQL's autovacuum keeps its own.
 */
export function refreshStatistics(handle: DatabaseHandle): void {
  if (!handle.sqlite) return;
  handle.sqlite.pragma('analysis_limit = 1000');
  handle.sqlite.pragma('optimize = 0x10002');
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

/**
 * Runs `work` in a transaction whose commit does not wait for the disk: for writes nobody was told are saved (a badge
 * page view's scan row). A crash of the process loses nothing; a power cut may lose such commits from the last
 * moments, never an earlier one, since the next ordinary commit flushes the log they are in. SQLite: synchronous
 * NORMAL for this transaction alone, the one connection held until FULL is back, so no other write commits
 * without its flush; PostgreSQL: synchronous_commit off for this transaction (SET LOCAL).
 */
export async function transactionWithoutFlush<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    return db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return work(trx);
    });
  return db.connection().execute(async (conn) => {
    // SQLite refuses to change it inside a transaction: set before BEGIN on the held connection, read at COMMIT.
    await sql`pragma synchronous = normal`.execute(conn);
    try {
      return await conn.transaction().execute(work);
    } finally {
      await sql`pragma synchronous = full`.execute(conn);
    }
  });
}
