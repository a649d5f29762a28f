// Fresh, migrated databases for a test file: always SQLite (a real file), and PostgreSQL when
// TEST_DATABASE_URL is set (a schema of its own, dropped afterwards).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DatabaseKind } from '../src/db/database.ts';

export interface TestDatabase {
  kind: DatabaseKind;
  handle: DatabaseHandle;
  dataDir: string;
  dispose(): Promise<void>;
}

export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-test-'));
  if (kind === 'sqlite') {
    const handle = openDatabase({ sqliteFile: path.join(dataDir, 'linli.sqlite') });
    await migrateToLatest(handle.db);
    return {
      kind,
      handle,
      dataDir,
      dispose: async () => {
        await handle.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  // A database of its own (not a schema): Kysely's migrator looks for its tables across all schemas.
  const base = process.env.TEST_DATABASE_URL!;
  const name = `linli_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    kind,
    handle,
    dataDir,
    dispose: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
