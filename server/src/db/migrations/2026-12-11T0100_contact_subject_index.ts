// Two indexes of the record of service began with the same three columns: contact_subject_ix (community, subject,
// day, kind: a subject's last day and its kind, the rollups' rebuild) and contact_subject_window_ix (community,
// subject, day, resident: the indicators' probes of a window telling own contacts from household ones). One index
// with all five columns answers both from the index alone, and every contact written keeps one index fewer up to
// date (a city build rebuilds one fewer: the contact table's indexes were half its rebuild).
import type { Kysely } from 'kysely';
import { analyzeIndex } from './analyze-index.ts';

const MERGED = ['community_id', 'subject_id', 'occurred_on', 'kind', 'resident_id'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_subject_window_ix').execute();
  await db.schema.dropIndex('contact_subject_ix').execute();
  await db.schema.createIndex('contact_subject_ix').on('contact').columns(MERGED).execute();
  await analyzeIndex(db, 'contact', 'contact_subject_ix');
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
  await analyzeIndex(db, 'contact', 'contact_subject_ix');
}
