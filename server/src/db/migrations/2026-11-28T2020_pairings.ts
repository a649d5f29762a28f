// Three-fixed pairings: a volunteer paired with a resident for an item, at a place, on a schedule
// (an RFC 5545 RRULE), with the visits the volunteer logs; and the left-out monitor's record of which
// silences it has already alerted staff to. Same portable types and tenancy rule as the foundation.
import type { Kysely } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await scoped(db, 'pairing')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('item_note', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('rrule', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('service_type_id', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pairing_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('pairing_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('pairing_resident_fk', ['community_id', 'resident_id'], 'resident', ['community_id', 'id'])
    .addForeignKeyConstraint('pairing_service_type_fk', ['community_id', 'service_type_id'], 'service_type', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('pairing_volunteer_ix')
    .on('pairing')
    .columns(['community_id', 'volunteer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('pairing_resident_ix')
    .on('pairing')
    .columns(['community_id', 'resident_id', 'status'])
    .execute();

  // Volunteer and resident are copied from the pairing so the hours ledger and the monitor read visits
  // without a join. One visit per pairing per day: a double tap on a phone must not double the hours.
  await scoped(db, 'pairing_visit')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('pairing_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('logged_by', 'text')
    .addColumn('logged_by_name', 'text', (c) => c.notNull())
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pairing_visit_pk', ['community_id', 'id'])
    .addUniqueConstraint('pairing_visit_day_uq', ['community_id', 'pairing_id', 'visited_on'])
    .addForeignKeyConstraint('pairing_visit_pairing_fk', ['community_id', 'pairing_id'], 'pairing', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('pairing_visit_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('pairing_visit_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('pairing_visit_resident_ix')
    .on('pairing_visit')
    .columns(['community_id', 'resident_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('pairing_visit_volunteer_ix')
    .on('pairing_visit')
    .columns(['community_id', 'volunteer_id', 'visited_on'])
    .execute();

  // One row per silence alerted: a silence is known by when it began (the last contact, or the resident's
  // registration). A new contact starts a new silence, which may be alerted again.
  await scoped(db, 'left_out_alert')
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('silent_since', 'text', (c) => c.notNull())
    .addColumn('alerted_on', 'text', (c) => c.notNull())
    .addColumn('days_silent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('left_out_alert_pk', ['community_id', 'resident_id', 'silent_since'])
    .addForeignKeyConstraint(
      'left_out_alert_resident_fk',
      ['community_id', 'resident_id'],
      'resident',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['left_out_alert', 'pairing_visit', 'pairing']) await db.schema.dropTable(t).ifExists().execute();
}
