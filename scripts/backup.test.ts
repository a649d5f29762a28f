// Backup while the database is open for writing, then restore into a data folder that does not exist yet (and, on
// PostgreSQL, a fresh empty database) and compare: every table's rows, the audit chain, the keyring.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, type Db } from '../server/src/db/database.ts';
import { sqliteFileOf } from '../server/src/platform/backup.ts';
import { AuditLog } from '../server/src/platform/audit.ts';
import { testDatabaseKinds } from '../server/test/databases.ts';
import { insertBenchCommunity } from '../bench/lib.ts';
import { brokenChains, freshPlace, type FreshPlace } from './write-load.ts';

const run = (script: string, args: string[], place: { dataDir: string; databaseUrl?: string }) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LINLI_DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '', LINLI_KEYRING: '' },
    encoding: 'utf8',
  });

/** Rows of every table, in a stable order, as JSON lines. */
async function everyRow(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('linli_migration'));
  const out: Record<string, string[]> = {};
  for (const t of tables.sort()) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db);
    out[t] = rows.rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

for (const kind of testDatabaseKinds()) {
  describe(`backup and restore (${kind})`, () => {
    it('copies a live database and its keyring, and restores them into a fresh folder', async () => {
      const live = await freshPlace(kind, 'restore-live');
      let fresh: FreshPlace | null = null;
      try {
        const handle = live.open();
        await migrateToLatest(handle.db);
        const communityId = await insertBenchCommunity(handle.db);
        const audit = new AuditLog(handle.db, kind);
        const who = { communityId, accountId: null, name: '系统', role: null, ip: null, userAgent: null };
        for (let i = 0; i < 5; i++) await audit.record(handle.db, who, { action: 'test.step', entityType: 'x' });
        fs.writeFileSync(path.join(live.dataDir, 'keyring.json'), '{"active":"k1","keys":{},"index":""}');
        const out = path.join(live.dataDir, 'backups', 'backup.dump');
        // The live connection stays open: the backup must not need the server stopped.
        run('scripts/backup.ts', [out], live);
        const expected = await everyRow(handle.db);
        await handle.close();
        assert.ok(fs.existsSync(`${out}.keyring.json`));

        fresh = await freshPlace(kind, 'restore-fresh');
        // A data folder that does not exist yet: the restore makes it.
        const target = { dataDir: path.join(fresh.dataDir, 'not', 'yet'), databaseUrl: fresh.databaseUrl };
        run('scripts/restore.ts', [out], target);
        assert.equal(
          fs.readFileSync(path.join(target.dataDir, 'keyring.json'), 'utf8'),
          fs.readFileSync(path.join(live.dataDir, 'keyring.json'), 'utf8'),
        );
        const restored = kind === 'sqlite' ? openDatabase({ sqliteFile: sqliteFileOf(target.dataDir) }) : fresh.open();
        try {
          assert.deepEqual(await everyRow(restored.db), expected);
          assert.ok(expected.community!.length === 1 && expected.audit_log!.length === 5);
          assert.deepEqual(await brokenChains(restored.db, kind), []);
        } finally {
          await restored.close();
        }
      } finally {
        await live.drop();
        await fresh?.drop();
      }
    });
  });
}
