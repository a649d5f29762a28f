// The indicators dashboard (issue 15): the stored monthly reports, and indexes its grouped figures read by date
// (badge scans, classroom sessions and activities by day across a list of communities).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicators_report')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('node_name', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicators_report_pk', ['community_id', 'id'])
    .execute();
  // One report per node and month: the job on the 1st replaces, never duplicates, when it runs again.
  await db.schema
    .createIndex('indicators_report_month_ux')
    .on('indicators_report')
    .unique()
    .columns(['community_id', 'node_id', 'month'])
    .execute();
  // The window's contacts and ledger entries are grouped by kind, household and volunteer: covering indexes, so the
  // scans never visit the table rows.
  await db.schema
    .createIndex('contact_window_ix')
    .on('contact')
    .columns(['community_id', 'occurred_on', 'kind', 'household_id', 'resident_id', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('hours_entry_window_ix')
    .on('hours_entry')
    .columns(['community_id', 'service_date', 'status', 'kind', 'volunteer_id', 'minutes', 'corrected_by'])
    .execute();
  await db.schema.createIndex('badge_scan_at_ix').on('badge_scan').columns(['community_id', 'at']).execute();
  await db.schema.createIndex('activity_date_ix').on('activity').columns(['community_id', 'date']).execute();
  await db.schema
    .createIndex('classroom_session_date_ix')
    .on('classroom_session')
    .columns(['community_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('classroom_session_date_ix').execute();
  await db.schema.dropIndex('activity_date_ix').execute();
  await db.schema.dropIndex('badge_scan_at_ix').execute();
  await db.schema.dropIndex('hours_entry_window_ix').execute();
  await db.schema.dropIndex('contact_window_ix').execute();
  await db.schema.dropTable('indicators_report').execute();
}
