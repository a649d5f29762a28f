// Two indexes of the record of service began with the same three columns: contact_subject_ix (community, subject,
// day, kind: a subject's last day and its kind, the rollups' rebuild) and contact_subject_window_ix (community,
// subject, day, resident: the indicators' probes of a window telling own contacts from household ones). One index
// with all five columns answers both from the index alone, and every contact written keeps one index fewer up to
// date (a city build rebuilds one fewer: the contact table's indexes were half its rebuild).
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const MERGED = ['community_id', 'subject_id', 'occurred_on', 'kind', 'resident_id'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_subject_window_ix').execute();
  await db.schema.dropIndex('contact_subject_ix').execute();
  await db.schema.createIndex('contact_subject_ix').on('contact').columns(MERGED).execute();
  await refreshStatistics(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_subject_ix').execute();
  await db.schema
    .createIndex('contact_subject_ix')
    .on('contact')
    .columns(['community_id', 'subject_id', 'occurred_on', 'kind'])
    .execute();
  await db.schema
    .createIndex('contact_subject_window_ix')
    .on('contact')
    .columns(['community_id', 'subject_id', 'occurred_on', 'resident_id'])
    .execute();
  await refreshStatistics(db);
}

/**
 * The planner's statistics for the new index. PostgreSQL samples the table. SQLite reads the whole index, so only
 * where the contact table has statistics already (an analyzed database): one index with none among indexes with
 * some would be misjudged.
 */
async function refreshStatistics(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`analyze contact`.execute(db);
    return;
  }
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
  if (!Number(rows[0]?.n)) return;
  const analyzed = await sql`select 1 from sqlite_stat1 where tbl = 'contact' limit 1`.execute(db);
  if (analyzed.rows.length) await sql`analyze contact_subject_ix`.execute(db);
}
