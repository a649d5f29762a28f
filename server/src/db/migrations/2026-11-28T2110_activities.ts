// Activities: activities with shifts whose `taken` counter only moves by a conditional update
// (taken < places), series by RRULE, sign-ups with their waitlist and attendance, the performance
// programme, small images (poster, photos) and each volunteer's calendar feed token.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await scoped(db, 'activity_series')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('until_date', 'text')
    // The activity every occurrence copies (JSON of the activity fields without the date).
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('generated_to', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_series_pk', ['community_id', 'id'])
    .execute();

  await scoped(db, 'activity')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('organiser_team_id', 'text')
    .addColumn('organiser_unit_id', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('tolerance_m', 'integer')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('service_type_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('series_id', 'text')
    .addColumn('template_key', 'text')
    .addColumn('audience_count', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('activity_team_fk', ['community_id', 'organiser_team_id'], 'team', ['community_id', 'id'])
    .addForeignKeyConstraint('activity_unit_fk', ['community_id', 'organiser_unit_id'], 'unit', ['community_id', 'id'])
    .addForeignKeyConstraint('activity_service_type_fk', ['community_id', 'service_type_id'], 'service_type', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('activity_series_fk', ['community_id', 'series_id'], 'activity_series', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('activity_start_ix').on('activity').columns(['community_id', 'starts_at']).execute();
  // A series makes one activity per date, however often the daily job runs
  // (nulls are distinct: one-off activities are free).
  await db.schema
    .createIndex('activity_series_date_uq')
    .unique()
    .on('activity')
    .columns(['community_id', 'series_id', 'date'])
    .execute();

  await scoped(db, 'activity_shift')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('taken', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_shift_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'activity_shift_activity_fk',
      ['community_id', 'activity_id'],
      'activity',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addCheckConstraint('activity_shift_taken_ck', sql`taken >= 0 and taken <= places`)
    .execute();
  await db.schema
    .createIndex('activity_shift_activity_ix')
    .on('activity_shift')
    .columns(['community_id', 'activity_id'])
    .execute();
  await db.schema.createIndex('activity_shift_start_ix').on('activity_shift').columns(['starts_at']).execute();

  await scoped(db, 'activity_signup')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('shift_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('signed_up_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('promoted_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('reminded_day_at', 'text')
    .addColumn('reminded_soon_at', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('checkin_method', 'text')
    .addColumn('checkin_distance_m', 'integer')
    .addColumn('checked_out_at', 'text')
    .addColumn('checkout_method', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('hours_entry_id', 'text')
    .addColumn('minutes', 'integer')
    .addPrimaryKeyConstraint('activity_signup_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'activity_signup_shift_fk',
      ['community_id', 'shift_id'],
      'activity_shift',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('activity_signup_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // One live sign-up (confirmed or waitlisted) per volunteer and activity; a cancelled one does not count.
  await db.schema
    .createIndex('activity_signup_one_uq')
    .unique()
    .on('activity_signup')
    .columns(['community_id', 'activity_id', 'volunteer_id'])
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  await db.schema
    .createIndex('activity_signup_shift_ix')
    .on('activity_signup')
    .columns(['community_id', 'shift_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('activity_signup_volunteer_ix')
    .on('activity_signup')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  await scoped(db, 'activity_programme_item')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('performers', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_programme_item_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'activity_programme_activity_fk',
      ['community_id', 'activity_id'],
      'activity',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('activity_programme_activity_ix')
    .on('activity_programme_item')
    .columns(['community_id', 'activity_id'])
    .execute();

  // Base64 text rather than a blob: the same column type on both databases; images are capped at 512 KB.
  await scoped(db, 'activity_image')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_image_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'activity_image_activity_fk',
      ['community_id', 'activity_id'],
      'activity',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('activity_image_activity_ix')
    .on('activity_image')
    .columns(['community_id', 'activity_id'])
    .execute();

  await scoped(db, 'activity_feed')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_feed_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'activity_feed_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('activity_feed_token_uq', ['community_id', 'token'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'activity_feed',
    'activity_image',
    'activity_programme_item',
    'activity_signup',
    'activity_shift',
    'activity',
    'activity_series',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
