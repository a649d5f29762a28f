// npm run backup -- FILE
// Safe while the server runs and writes: SQLite is copied by VACUUM INTO in one read transaction, PostgreSQL by
// pg_dump (custom format; restore with npm run restore). See server/src/platform/backup.ts.
// The encryption keyring is NOT in the database: it is copied beside the backup, to be stored apart.
import { loadConfig } from '../server/src/config.ts';
import { BackupError, backupDatabase } from '../server/src/platform/backup.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run backup -- FILE');
  process.exit(2);
}
const config = loadConfig();
try {
  const r = backupDatabase(
    { databaseUrl: config.databaseUrl, dataDir: config.dataDir, keyringFromEnv: !!config.keyring },
    file,
  );
  if (r.keyringFile)
    console.log(
      `Keyring copied to ${r.keyringFile} — keep it apart from the backup: together they open every encrypted field.`,
    );
  console.log(`Backup written to ${r.file} (${(r.bytes / 1048576).toFixed(1)} MB in ${(r.ms / 1000).toFixed(1)} s)`);
} catch (err) {
  if (!(err instanceof BackupError)) throw err;
  console.error(err.message);
  process.exit(1);
}
