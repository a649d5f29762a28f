// The yearly health check of commended volunteers: one booking per volunteer and year, with its result. The staff
// note is encrypted (note_enc); no medical findings are stored.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_check')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('check_date', 'text', (c) => c.notNull())
    .addColumn('check_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note_enc', 'text')
    .addColumn('result_at', 'text')
    .addColumn('booked_by', 'text')
    .addColumn('booked_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('health_check_pk', ['community_id', 'id'])
    .addUniqueConstraint('health_check_volunteer_year_uq', ['community_id', 'volunteer_id', 'year'])
    .addForeignKeyConstraint(
      'health_check_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('health_check').execute();
}
