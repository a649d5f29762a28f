// The left-out monitor grouped every contact of the community on each request (issue 17: 0.8 s on PostgreSQL for
// one community). Per-subject rollups of the record of service, kept by ContactService in the same transaction as
// each contact, and backfilled here from the contacts (see modules/contacts/contacts.rollup.ts).
import type { Kysely } from 'kysely';
import { rebuildSubjectRollups } from '../../modules/contacts/contacts.rollup.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_subject')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('last_on', 'text', (c) => c.notNull())
    .addColumn('last_kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_subject_pk', ['community_id', 'subject_id'])
    .execute();
  await db.schema
    .createTable('contact_subject_month')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_subject_month_pk', ['community_id', 'subject_id', 'month'])
    .execute();
  // The spread counts a window's contacts: the whole months in it from here, read in month order from the index alone…
  await db.schema
    .createIndex('contact_subject_month_ix')
    .on('contact_subject_month')
    .columns(['community_id', 'month', 'subject_id', 'contacts'])
    .execute();
  // …and the days of its first month from the contacts, by day with the subject (the index the counts per kind read
  // by day, widened, replaces contact_day_ix).
  await db.schema
    .createIndex('contact_day_subject_ix')
    .on('contact')
    .columns(['community_id', 'occurred_on', 'kind', 'subject_id'])
    .execute();
  await db.schema.dropIndex('contact_day_ix').execute();
  await rebuildSubjectRollups(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('contact_day_ix')
    .on('contact')
    .columns(['community_id', 'occurred_on', 'kind'])
    .execute();
  await db.schema.dropIndex('contact_day_subject_ix').execute();
  await db.schema.dropTable('contact_subject_month').execute();
  await db.schema.dropTable('contact_subject').execute();
}
