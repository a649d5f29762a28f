// npm run restore -- FILE   (stop the server first)
// SQLite: checks the backup, keeps the current database aside as linli.sqlite.before-restore-<time>, and puts the
// backup in its place. PostgreSQL: pg_restore --clean into DATABASE_URL (the database must exist; it may be empty).
// Either way the data folder is created if needed and the keyring beside the backup (FILE.keyring.json) goes into it.
import { loadConfig } from '../server/src/config.ts';
import { BackupError, restoreDatabase } from '../server/src/platform/backup.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run restore -- FILE (an existing backup)');
  process.exit(2);
}
const config = loadConfig();
try {
  const r = restoreDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, keyringFromEnv: !!config.keyring },
    file,
  );
  if (r.keptAside) console.log(`The current database is kept at ${r.keptAside}`);
  if (r.keyringRestored) console.log('Keyring restored beside the database.');
  console.log('Restored. Start the server with npm start.');
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(err.message);
  process.exit(1);
}
