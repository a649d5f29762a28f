// Indexes two list routes were missing (issue 14). A caller on the phone is found by their number (needs intake,
// /api/needs/caller): the resident whose own number it is, or whom it is a family contact of; neither number had an
// index, so each call scanned every resident of the community and, for each, their contacts. The quarterly ranking
// counts each listed volunteer's contacts in the quarter: without a volunteer index it read every contact of the
// quarter.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('resident_phone_ix').on('resident').columns(['community_id', 'phone']).execute();
  await db.schema
    .createIndex('family_contact_phone_ix')
    .on('family_contact')
    .columns(['community_id', 'phone'])
    .execute();
  await db.schema
    .createIndex('contact_volunteer_ix')
    .on('contact')
    .columns(['community_id', 'volunteer_id', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contact_volunteer_ix').execute();
  await db.schema.dropIndex('family_contact_phone_ix').execute();
  await db.schema.dropIndex('resident_phone_ix').execute();
}
