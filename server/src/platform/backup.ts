// Backup and restore as functions (scripts/backup.ts and scripts/restore.ts are their command lines; the failure
// tests call them while a server writes).
//
// SQLite: `VACUUM INTO` copies the database inside ONE read transaction, so the copy is the database as it was when
// that transaction began and writers go on meanwhile (WAL). The online backup API (better-sqlite3's db.backup) was
// not fit for a busy server: every write by another connection restarted it, so under steady writes it took as long
// as the writes went on (53 s for a 55 s load). PostgreSQL: pg_dump, which reads one snapshot and never blocks writes.
// The keyring is not in the database: it is copied beside the backup as FILE.keyring.json, to be stored apart.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';

export interface BackupPlace {
  /** PostgreSQL; absent: the SQLite file linli.sqlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  /** The keyring comes from the environment (LINLI_KEYRING), not a file in dataDir: nothing to copy. */
  keyringFromEnv?: boolean;
}

export interface BackupResult {
  file: string;
  keyringFile: string | null;
  bytes: number;
  ms: number;
}

export class BackupError extends Error {}

export const sqliteFileOf = (dataDir: string) => path.join(dataDir, 'linli.sqlite');
export const keyringFileOf = (dataDir: string) => path.join(dataDir, 'keyring.json');
export const backupKeyringOf = (backupFile: string) => `${backupFile}.keyring.json`;

/** Writes a backup of the database `place` names to `file` (replacing it), with the keyring beside it. */
export function backupDatabase(place: BackupPlace, file: string): BackupResult {
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const t0 = performance.now();
  if (place.databaseUrl) dumpPostgres(place.databaseUrl, target);
  else copySqlite(sqliteFileOf(place.dataDir), target);
  const ms = performance.now() - t0;

  let keyringFile: string | null = null;
  const keyring = keyringFileOf(place.dataDir);
  if (!place.keyringFromEnv && fs.existsSync(keyring)) {
    keyringFile = backupKeyringOf(target);
    fs.copyFileSync(keyring, keyringFile);
    fs.chmodSync(keyringFile, 0o600);
  }
  return { file: target, keyringFile, bytes: fs.statSync(target).size, ms };
}

function dumpPostgres(databaseUrl: string, target: string) {
  const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, databaseUrl], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.error || r.status !== 0) throw new BackupError('pg_dump failed (is the PostgreSQL client installed?)');
}

function copySqlite(source: string, target: string) {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  // Written beside the target and renamed once checked: a backup that failed half-way never looks like one.
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  const problem = sqliteProblem(partial);
  if (problem) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`the backup failed its check: ${problem}`);
  }
  fs.renameSync(partial, target);
}

/** Why a file is not a sound Linli SQLite database, or null when it is. */
function sqliteProblem(file: string): string | null {
  let check: SQLite.Database | null = null;
  try {
    check = new SQLite(file, { readonly: true, fileMustExist: true });
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') return String(ok);
    const has = check.prepare("select count(*) as n from sqlite_master where name = 'resident'").get() as { n: number };
    return has.n ? null : 'no Linli tables in it';
  } catch (err) {
    return (err as Error).message;
  } finally {
    check?.close();
  }
}

export interface RestoreResult {
  /** SQLite: where the database that was there before is kept. */
  keptAside: string | null;
  keyringRestored: boolean;
}

/**
 * Restores `file` into `place` (the server stopped). Creates the data folder when it does not exist. SQLite: the
 * current database is kept aside as linli.sqlite.before-restore-<time>. PostgreSQL: pg_restore --clean into the
 * database of databaseUrl, which must exist (it may be empty). The keyring beside the backup goes into the data folder.
 */
export function restoreDatabase(place: BackupPlace, file: string): RestoreResult {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`no backup at ${source}`);
  fs.mkdirSync(place.dataDir, { recursive: true });
  let keptAside: string | null = null;
  if (place.databaseUrl) {
    const r = spawnSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', '--exit-on-error', `--dbname=${place.databaseUrl}`, source],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.error || r.status !== 0) throw new BackupError('pg_restore failed');
  } else {
    const problem = sqliteProblem(source);
    if (problem) throw new BackupError(`that file is not a sound Linli backup: ${problem}`);
    const target = sqliteFileOf(place.dataDir);
    if (fs.existsSync(target)) {
      keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, keptAside);
    }
    for (const extra of ['-wal', '-shm']) fs.rmSync(target + extra, { force: true });
    fs.copyFileSync(source, target);
  }
  const keyring = backupKeyringOf(source);
  const keyringRestored = !place.keyringFromEnv && fs.existsSync(keyring);
  if (keyringRestored) {
    fs.copyFileSync(keyring, keyringFileOf(place.dataDir));
    fs.chmodSync(keyringFileOf(place.dataDir), 0o600);
  }
  return { keptAside, keyringRestored };
}
