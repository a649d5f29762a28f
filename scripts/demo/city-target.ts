// Where a city build writes (scripts/demo-city.ts and its worker threads, scripts/demo/city-worker.ts): SQLite or
// PostgreSQL, with the bulk writer for the seed's rows and the settings that make a build cheaper than a server's.
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { openDatabase, refreshStatistics, sqliteHandle, type DatabaseHandle } from '../../server/src/db/database.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { BulkWriter } from './insert.ts';
import { postgresBulkWriter, sqliteBulkWriter } from './bulk.ts';

export interface Target {
  db: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  writer: BulkWriter & { rows: Map<string, number> };
  tables(): Promise<string[]>;
  /** The indexes a build may drop and recreate: neither a primary key nor unique (ON CONFLICT needs those). */
  secondaryIndexes(): Promise<IndexDef[]>;
  run(statement: string): Promise<void>;
  /** Cheaper writes for the length of a build (see openSqlite, openPostgres); false puts the server's back. */
  buildMode(on: boolean): Promise<void>;
  /** Statistics for the planner, once the city is there. */
  analyze(): Promise<void>;
  size(): Promise<number>;
  /** A server setting that makes a build much slower than it need be, named with the fix; null when none. */
  advice(): Promise<string | null>;
  close(): Promise<void>;
}

/** Below this, PostgreSQL checkpoints every few seconds during a build (see docs/deploy.md, the database). */
const BUILD_MAX_WAL_MB = 4096;

/**
 * PostgreSQL: one client for everything, handed to Kysely as a pool of one, so the COPYs run on the connection
 * (and inside the transaction) the seed's Kysely queries run on.
 */
export async function openPostgres(url: string): Promise<Target> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // A build, not a server: a commit need not wait for the disk (a PostgreSQL crash loses the last communities, which
  // the rerun writes again), and the indexes rebuilt at the end sort in memory.
  await client.query(`set synchronous_commit = off`);
  await client.query(`set maintenance_work_mem = '256MB'`);
  const pooled = Object.assign(client, { release: () => {} });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => pooled, end: async () => {} } as never }),
  });
  return {
    db,
    kind: 'postgres',
    writer: postgresBulkWriter(client),
    tables: async () =>
      (
        await client.query<{ t: string }>(
          `select table_name as t from information_schema.tables where table_schema = current_schema() ` +
            `and table_type = 'BASE TABLE' order by 1`,
        )
      ).rows.map((r) => r.t),
    secondaryIndexes: async () =>
      (
        await client.query<IndexDef>(
          `select c.relname as name, pg_get_indexdef(i.indexrelid) as sql from pg_index i ` +
            `join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace ` +
            `where n.nspname = current_schema() and not i.indisunique and not i.indisprimary ` +
            `and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid) order by 1`,
        )
      ).rows,
    run: async (statement) => {
      await client.query(statement);
    },
    // The foreign keys are PostgreSQL's internal triggers: 'replica' skips them for this session (the rows are the
    // slow path's, which wrote them with the keys checked: see demo-city.test.ts). The schema has no other triggers.
    // No nested loops either: statistics from an earlier run (its ANALYZE) know nothing of the community being
    // written, so the planner expects no rows of it and joined its tens of thousands of rows by nested loops when the
    // record of service was rebuilt (minutes for one community). Every join there is within one community, whose
    // filter PostgreSQL carries to every table of the join: hash joins of one community's rows.
    buildMode: async (on) => {
      await client.query(`set session_replication_role = ${on ? 'replica' : 'default'}`);
      await client.query(`set enable_nestloop = ${on ? 'off' : 'on'}`);
    },
    analyze: async () => {
      await client.query('analyze');
    },
    size: async () =>
      Number((await client.query<{ n: string }>('select pg_database_size(current_database()) as n')).rows[0]!.n),
    // The default 1 GB of WAL between checkpoints: a build writes gigabytes, and after each checkpoint every page it
    // touches is written to the WAL whole again (40 communities on a 2-core box: 154 s, and 118 s with 16 GB).
    advice: async () => {
      const { bytes } = (
        await client.query<{ bytes: string }>(`select pg_size_bytes(current_setting('max_wal_size')) as bytes`)
      ).rows[0]!;
      const mb = Number(bytes) / 2 ** 20;
      return mb < BUILD_MAX_WAL_MB
        ? `PostgreSQL's max_wal_size is ${Math.round(mb)} MB: a build checkpoints every few seconds. ` +
            `Set it to 8GB or more (docs/deploy.md, the database) for a build about a quarter faster.`
        : null;
    },
    close: async () => {
      await db.destroy();
      await client.end();
    },
  };
}

/**
 * SQLite. `joinBuild`: a worker's own connection to a file whose build is under way, opened as it is (openDatabase
 * would put the WAL back, which the build turned off).
 */
export function openSqlite(file: string, opts: { joinBuild?: boolean } = {}): Target {
  const handle = opts.joinBuild ? joinSqlite(file) : openDatabase({ sqliteFile: file });
  const sqlite = handle.sqlite!;
  // A build, not a server: no fsync, and the bigger page cache keeps the indexes of a community being written in
  // memory.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  return {
    db: handle.db,
    kind: 'sqlite',
    writer: sqliteBulkWriter(sqlite),
    tables: async () =>
      sqlite
        .prepare<[], { name: string }>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1",
        )
        .all()
        .map((r) => r.name),
    secondaryIndexes: async () =>
      sqlite
        .prepare<[], IndexDef>(
          "select name, sql from sqlite_master where type = 'index' and sql is not null " +
            "and sql not like 'create unique%' order by 1",
        )
        .all(),
    run: async (statement) => {
      sqlite.exec(statement);
    },
    // During a build, a rollback journal instead of the WAL: a community's pages are mostly new ones, appended to the
    // file, which a rollback journal does not copy, where the WAL writes every page twice (the log, then the
    // checkpoint). A killed build still loses nothing committed and rolls the community being written back (the hot
    // journal) on the next open. No foreign key lookups either: the rows are the slow path's, which wrote them with
    // the keys checked (demo-city.test.ts). The server opens with WAL and the keys on (openDatabase), as before.
    buildMode: async (on) => {
      sqlite.pragma(`journal_mode = ${on ? 'truncate' : 'wal'}`);
      sqlite.pragma(`foreign_keys = ${on ? 'off' : 'on'}`);
    },
    // The statistics the server makes at its start (refreshStatistics), so a city opened directly plans alike.
    analyze: async () => refreshStatistics(handle),
    size: async () => {
      let n = 0;
      for (const f of [file, file + '-wal']) if (fs.existsSync(f)) n += fs.statSync(f).size;
      return n;
    },
    advice: async () => null,
    close: () => handle.close(),
  };
}

export interface IndexDef {
  name: string;
  sql: string;
}

function joinSqlite(file: string): DatabaseHandle {
  const sqlite = new SQLite(file);
  // Writes wait their turn (demo-city.ts hands out one at a time); the wait is only a backstop.
  sqlite.pragma('busy_timeout = 60000');
  return sqliteHandle(sqlite, file);
}
