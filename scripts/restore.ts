// npm run restore -- FILE   (stop the server first)
// SQLite: checks the backup, keeps the current database aside as linli.sqlite.before-restore-<time>, and
// puts the backup in its place. PostgreSQL: pg_restore --clean into DATABASE_URL.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';

const file = process.argv[2];
if (!file || !fs.existsSync(file)) {
  console.error('usage: npm run restore -- FILE (an existing backup)');
  process.exit(2);
}
const config = loadConfig();
const source = path.resolve(file);

if (config.databaseUrl) {
  const r = spawnSync(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, source],
    { stdio: 'inherit' },
  );
  if (r.error || r.status !== 0) {
    console.error('pg_restore failed');
    process.exit(1);
  }
} else {
  const check = new SQLite(source, { readonly: true, fileMustExist: true });
  const ok = check.pragma('integrity_check', { simple: true });
  const hasTables = check.prepare("select count(*) as n from sqlite_master where name = 'resident'").get() as {
    n: number;
  };
  check.close();
  if (ok !== 'ok' || !hasTables.n) {
    console.error('that file is not a sound Linli backup');
    process.exit(1);
  }
  const target = path.join(config.dataDir, 'linli.sqlite');
  fs.mkdirSync(config.dataDir, { recursive: true });
  if (fs.existsSync(target)) {
    const aside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, aside);
    console.log(`The current database is kept at ${aside}`);
  }
  for (const extra of ['-wal', '-shm']) fs.rmSync(target + extra, { force: true });
  fs.copyFileSync(source, target);
}
const keyring = `${source}.keyring.json`;
if (fs.existsSync(keyring) && !config.keyring) {
  fs.copyFileSync(keyring, path.join(config.dataDir, 'keyring.json'));
  console.log('Keyring restored beside the database.');
}
console.log('Restored. Start the server with npm start.');
