// npm run backup -- FILE
// SQLite: an online backup through SQLite's backup API, safe while the server runs (WAL lets it read a
// consistent snapshot). PostgreSQL: pg_dump in its custom format (restore with npm run restore).
// The encryption keyring is NOT in the database: it is copied beside the backup, to be stored apart.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../server/src/config.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run backup -- FILE');
  process.exit(2);
}
const config = loadConfig();
const target = path.resolve(file);

if (config.databaseUrl) {
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl], {
    stdio: 'inherit',
  });
  if (r.error || r.status !== 0) {
    console.error('pg_dump failed (is the PostgreSQL client installed?)');
    process.exit(1);
  }
} else {
  const source = path.join(config.dataDir, 'linli.sqlite');
  if (!fs.existsSync(source)) {
    console.error(`no database at ${source}`);
    process.exit(1);
  }
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  await db.backup(target);
  db.close();
  const check = new SQLite(target, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') {
    console.error(`backup failed its integrity check: ${ok}`);
    process.exit(1);
  }
}

const keyring = path.join(config.dataDir, 'keyring.json');
if (!config.keyring && fs.existsSync(keyring)) {
  fs.copyFileSync(keyring, `${target}.keyring.json`);
  fs.chmodSync(`${target}.keyring.json`, 0o600);
  console.log(
    `Keyring copied to ${target}.keyring.json — keep it apart from the backup: together they open every ` +
      `encrypted field.`,
  );
}
console.log(`Backup written to ${target} (${(fs.statSync(target).size / 1048576).toFixed(1)} MB)`);
