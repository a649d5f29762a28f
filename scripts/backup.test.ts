// Backup while the database is open for writing, then restore into an empty data folder and read it back.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDatabase } from '../server/src/db/database.ts';

const run = (script: string, args: string[], dataDir: string) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LINLI_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });

describe('backup and restore (SQLite)', () => {
  it('copies a live database and its keyring, and restores them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-'));
    const live = path.join(dir, 'live');
    const handle = openDatabase({ sqliteFile: path.join(live, 'linli.sqlite') });
    await migrateToLatest(handle.db);
    await handle.db
      .insertInto('community')
      .values({
        id: 'c1',
        name: '西关社区',
        district: '金台区',
        city: '宝鸡市',
        time_zone: 'Asia/Shanghai',
        created_at: new Date().toISOString(),
      })
      .execute();
    fs.writeFileSync(path.join(live, 'keyring.json'), '{"active":"k1","keys":{},"index":""}');
    const out = path.join(dir, 'backup.sqlite');
    // The live connection stays open: the backup must not need the server stopped.
    run('scripts/backup.ts', [out], live);
    await handle.close();
    assert.ok(fs.existsSync(`${out}.keyring.json`));

    const fresh = path.join(dir, 'fresh');
    run('scripts/restore.ts', [out], fresh);
    const db = new SQLite(path.join(fresh, 'linli.sqlite'), { readonly: true });
    assert.deepEqual(db.prepare('select name from community').all(), [{ name: '西关社区' }]);
    db.close();
    assert.ok(fs.existsSync(path.join(fresh, 'keyring.json')));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
