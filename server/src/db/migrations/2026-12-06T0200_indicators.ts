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
  // Covering indexes, so the grouped scans never visit the table rows. Almost every contact and ledger entry falls in
  // a year's window, so the date is no filter worth leading with: the indexes lead with what the statements group by
  // (contacts per household and kind; verified credit per volunteer), which spares the sort of every row.
  await db.schema
    .createIndex('contact_household_kind_ix')
    .on('contact')
    .columns(['community_id', 'household_id', 'kind', 'occurred_on'])
    .execute();
  // Probes from a tagged resident (or their household) to its contacts of the window, telling own from household ones.
  await db.schema
    .createIndex('contact_subject_window_ix')
    .on('contact')
    .columns(['community_id', 'subject_id', 'occurred_on', 'resident_id'])
    .execute();
  await db.schema
    .createIndex('hours_entry_credit_ix')
    .on('hours_entry')
    .columns(['community_id', 'kind', 'status', 'volunteer_id', 'service_date', 'minutes', 'corrected_by'])
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
  await db.schema.dropIndex('hours_entry_credit_ix').execute();
  await db.schema.dropIndex('contact_subject_window_ix').execute();
  await db.schema.dropIndex('contact_household_kind_ix').execute();
  await db.schema.dropTable('indicators_report').execute();
}
