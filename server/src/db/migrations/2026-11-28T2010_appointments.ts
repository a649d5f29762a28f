// Appointments: bookable professional services (义诊, 义剪, 法律咨询 …), their volunteer providers, a weekly
// schedule, slots made on first booking with a counter that a conditional update keeps within the places,
// bookings, and each provider's calendar feed token. Same portable types and tenancy rule as the foundation.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await scoped(db, 'appointment_service')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('slot_minutes', 'integer', (c) => c.notNull())
    .addColumn('places_per_slot', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('notice_hours', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_service_pk', ['community_id', 'id'])
    .addUniqueConstraint('appointment_service_name_uq', ['community_id', 'name'])
    .execute();

  await scoped(db, 'appointment_provider')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_provider_pk', ['community_id', 'service_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'appointment_provider_service_fk',
      ['community_id', 'service_id'],
      'appointment_service',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'appointment_provider_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('appointment_provider_volunteer_ix')
    .on('appointment_provider')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  // month_week null: every week; 1–4 the nth weekday of the month; 5 the last.
  await scoped(db, 'appointment_schedule')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .addColumn('month_week', 'integer')
    .addColumn('place', 'text')
    .addPrimaryKeyConstraint('appointment_schedule_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'appointment_schedule_service_fk',
      ['community_id', 'service_id'],
      'appointment_service',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('appointment_schedule_service_ix')
    .on('appointment_schedule')
    .columns(['community_id', 'service_id'])
    .execute();

  // One row per slot that has ever been booked; `booked` only moves by a conditional update (booked < places).
  await scoped(db, 'appointment_slot')
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_slot_pk', ['community_id', 'service_id', 'starts_at'])
    .addForeignKeyConstraint(
      'appointment_slot_service_fk',
      ['community_id', 'service_id'],
      'appointment_service',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('appointment_slot_booked_ck', sql`booked >= 0 and booked <= places`)
    .execute();

  await scoped(db, 'appointment_booking')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('slot_start', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('booked_by', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('reminded_at', 'text')
    .addPrimaryKeyConstraint('appointment_booking_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'appointment_booking_slot_fk',
      ['community_id', 'service_id', 'slot_start'],
      'appointment_slot',
      ['community_id', 'service_id', 'starts_at'],
    )
    .addForeignKeyConstraint('appointment_booking_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .execute();
  // One resident holds at most one live booking of a slot; a cancelled one does not count.
  await db.schema
    .createIndex('appointment_booking_one_seat_uq')
    .unique()
    .on('appointment_booking')
    .columns(['community_id', 'service_id', 'slot_start', 'resident_id'])
    .where(sql.ref('status'), '=', 'confirmed')
    .execute();
  await db.schema
    .createIndex('appointment_booking_resident_ix')
    .on('appointment_booking')
    .columns(['community_id', 'resident_id', 'slot_start'])
    .execute();
  await db.schema
    .createIndex('appointment_booking_start_ix')
    .on('appointment_booking')
    .columns(['community_id', 'slot_start'])
    .execute();

  // A provider's calendar feed, found by community and an unguessable token (community first, for Citus).
  await scoped(db, 'appointment_feed')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appointment_feed_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'appointment_feed_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('appointment_feed_token_uq', ['community_id', 'token'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'appointment_feed',
    'appointment_booking',
    'appointment_slot',
    'appointment_schedule',
    'appointment_provider',
    'appointment_service',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
