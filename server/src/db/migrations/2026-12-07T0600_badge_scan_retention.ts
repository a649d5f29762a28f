// Retention of love badge scans: a nightly job erases where a scan happened once it is older than
// LINLI_BADGE_SCAN_RETENTION_DAYS. The scans it has still to erase are the ones with an address hash left, so a
// partial index on their time finds them without reading the whole (large, ever-growing) scan log.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('badge_scan_unpurged_at')
    .on('badge_scan')
    .column('at')
    .where(sql.ref('ip_hash'), '<>', '')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('badge_scan_unpurged_at').execute();
}
