// The 4:30 classroom (四点半课堂): children enrolled with their guardians' consent, the adults authorised
// to collect each child (each with a pickup code of their own, stored only as a hash), daily sessions with a
// tutor rota, attendance (one row per child per session: check-in, check-out to whom, or an absence reported
// in advance), arrival alerts (one per child per session) and tutors' logs.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classroom_child')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('school', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('household_id', 'text')
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('enrolled_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'text', (c) => c.notNull())
    .addColumn('consent_relation', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_child_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('classroom_child_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_child_household_fk', ['community_id', 'household_id'], 'household', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('classroom_child_status_ix')
    .on('classroom_child')
    .columns(['community_id', 'status', 'name'])
    .execute();

  await db.schema
    .createTable('classroom_adult')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('is_guardian', 'integer', (c) => c.notNull())
    .addColumn('code_hash', 'text')
    .addColumn('code_set_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_adult_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('classroom_adult_child_fk', ['community_id', 'child_id'], 'classroom_child', [
      'community_id',
      'id',
    ])
    .addUniqueConstraint('classroom_adult_phone_uq', ['community_id', 'child_id', 'phone'])
    .execute();

  await db.schema
    .createTable('classroom_session')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('expected_by', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_session_pk', ['community_id', 'id'])
    .addUniqueConstraint('classroom_session_date_uq', ['community_id', 'date'])
    .execute();

  await db.schema
    .createTable('classroom_rota')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('present', 'integer')
    .addPrimaryKeyConstraint('classroom_rota_pk', ['community_id', 'session_id', 'volunteer_id'])
    .addForeignKeyConstraint('classroom_rota_session_fk', ['community_id', 'session_id'], 'classroom_session', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_rota_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('classroom_rota_volunteer_ix')
    .on('classroom_rota')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  await db.schema
    .createTable('classroom_attendance')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text')
    .addColumn('checked_in_by_name', 'text')
    .addColumn('checked_out_at', 'text')
    .addColumn('checked_out_by', 'text')
    .addColumn('checked_out_by_name', 'text')
    .addColumn('out_adult_id', 'text')
    .addColumn('out_method', 'text')
    .addColumn('absent_reported_at', 'text')
    .addColumn('absent_by_name', 'text')
    .addColumn('absent_note', 'text')
    // Pickup proofs that did not match (or were tried by a tutor) this session: the lockout counter, raised atomically.
    .addColumn('pickup_misses', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('classroom_attendance_pk', ['community_id', 'session_id', 'child_id'])
    .addForeignKeyConstraint('classroom_attendance_session_fk', ['community_id', 'session_id'], 'classroom_session', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_attendance_child_fk', ['community_id', 'child_id'], 'classroom_child', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_attendance_adult_fk', ['community_id', 'out_adult_id'], 'classroom_adult', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('classroom_attendance_child_ix')
    .on('classroom_attendance')
    .columns(['community_id', 'child_id'])
    .execute();

  await db.schema
    .createTable('classroom_alert')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('cleared_at', 'text')
    .addColumn('cleared_by', 'text')
    .addColumn('cleared_by_name', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('classroom_alert_pk', ['community_id', 'id'])
    .addUniqueConstraint('classroom_alert_once_uq', ['community_id', 'session_id', 'child_id'])
    .addForeignKeyConstraint('classroom_alert_session_fk', ['community_id', 'session_id'], 'classroom_session', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_alert_child_fk', ['community_id', 'child_id'], 'classroom_child', [
      'community_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('classroom_log')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classroom_log_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('classroom_log_session_fk', ['community_id', 'session_id'], 'classroom_session', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_log_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('classroom_log_child_fk', ['community_id', 'child_id'], 'classroom_child', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('classroom_log_session_ix')
    .on('classroom_log')
    .columns(['community_id', 'session_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'classroom_log',
    'classroom_alert',
    'classroom_attendance',
    'classroom_rota',
    'classroom_session',
    'classroom_adult',
    'classroom_child',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
