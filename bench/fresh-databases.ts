// A burst benchmark runs against fresh, migrated databases: a SQLite file in a temporary folder, then (given a
// PostgreSQL address) a database of its own on that server; both are removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from '../server/src/db/database.ts';

export interface FreshDatabase {
  label: 'SQLite' | 'PostgreSQL';
  /** What the benchmark's server needs to use this database. */
  env: Record<string, string>;
  /** A data folder for the server. */
  dir: string;
  /**
   * Runs `fn` with a connection of its own, closed afterwards (a SQLite file must be closed while the server writes).
   */
  use<T>(fn: (db: Db) => Promise<T>): Promise<T>;
}

export async function onFreshDatabases<T>(
  name: string,
  pgUrl: string | undefined,
  run: (d: FreshDatabase) => Promise<T[]>,
): Promise<T[]> {
  const out: T[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `linli-bench-${name}-`));
  try {
    const file = path.join(dir, 'linli.sqlite');
    const use = async <R>(fn: (db: Db) => Promise<R>) => {
      const h = openDatabase({ sqliteFile: file });
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    };
    await use(migrateToLatest);
    out.push(...(await run({ label: 'SQLite', env: {}, dir, use })));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (!pgUrl) return out;
  const db = `linli_bench_${name.replace(/\W/g, '_')}_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${db}`);
  const url = new URL(pgUrl);
  url.pathname = `/${db}`;
  const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), `linli-bench-${name}-pg-`));
  try {
    const use = async <R>(fn: (d: Db) => Promise<R>) => {
      const h = openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
      try {
        return await fn(h.db);
      } finally {
        await h.close();
      }
    };
    await use(migrateToLatest);
    out.push(...(await run({ label: 'PostgreSQL', env: { DATABASE_URL: url.toString() }, dir: pgDir, use })));
  } finally {
    await admin(`drop database if exists ${db} with (force)`);
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
  return out;
}
