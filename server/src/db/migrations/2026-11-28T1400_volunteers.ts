// Volunteers: registration with guardians for minors, the skills pool, party members and their report to
// the community, units, teams, training, insurance, availability, and the kinds of service with what they
// require. Same portable types and tenancy rule as the foundation.
import type { Kysely } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  // Registration ages the community accepts (the case study: 9 to 80).
  await db.schema
    .alterTable('community')
    .addColumn('volunteer_min_age', 'integer', (c) => c.notNull().defaultTo(9))
    .execute();
  await db.schema
    .alterTable('community')
    .addColumn('volunteer_max_age', 'integer', (c) => c.notNull().defaultTo(80))
    .execute();

  await scoped(db, 'unit')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_pk', ['community_id', 'id'])
    .addUniqueConstraint('unit_name_uq', ['community_id', 'name'])
    .execute();

  await scoped(db, 'volunteer')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('account_id', 'text', (c) => c.references('account.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_token', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('fitness', 'text', (c) => c.notNull())
    .addColumn('political_status', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_via', 'text', (c) => c.notNull())
    .addColumn('recruited_via', 'text', (c) => c.notNull())
    .addColumn('recruit_unit_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('card_token', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('volunteer_resident_fk', ['community_id', 'resident_id'], 'resident', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('volunteer_recruit_unit_fk', ['community_id', 'recruit_unit_id'], 'unit', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('volunteer_unit_fk', ['community_id', 'unit_id'], 'unit', ['community_id', 'id'])
    .addUniqueConstraint('volunteer_id_number_uq', ['community_id', 'id_number_token'])
    .addUniqueConstraint('volunteer_card_uq', ['community_id', 'card_token'])
    .execute();
  for (const [name, cols] of [
    ['volunteer_pinyin_ix', ['community_id', 'name_pinyin']],
    ['volunteer_initials_ix', ['community_id', 'name_initials']],
    ['volunteer_status_ix', ['community_id', 'status']],
    ['volunteer_unit_ix', ['community_id', 'unit_id']],
    ['volunteer_resident_ix', ['community_id', 'resident_id']],
    ['volunteer_account_ix', ['account_id']],
  ] as const)
    await db.schema
      .createIndex(name)
      .on('volunteer')
      .columns([...cols])
      .execute();

  // Under 18 a guardian consents; under 14 that consent also covers processing the child's data (PIPL art. 31).
  await scoped(db, 'volunteer_guardian')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('covers_data', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_guardian_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'volunteer_guardian_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await scoped(db, 'volunteer_skill')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('skill_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('licence_no', 'text')
    .addColumn('licence_expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_skill_pk', ['community_id', 'volunteer_id', 'skill_code'])
    .addForeignKeyConstraint(
      'volunteer_skill_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // volunteer_id last makes them covering for the pool search, so the planner prefers them to the primary key.
  await db.schema
    .createIndex('volunteer_skill_code_ix')
    .on('volunteer_skill')
    .columns(['community_id', 'skill_code', 'volunteer_id'])
    .execute();
  await db.schema
    .createIndex('volunteer_skill_category_ix')
    .on('volunteer_skill')
    .columns(['community_id', 'category', 'volunteer_id'])
    .execute();

  await scoped(db, 'party_member')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('is_public_servant', 'integer', (c) => c.notNull())
    .addColumn('party_org', 'text', (c) => c.notNull())
    .addColumn('work_unit', 'text')
    .addColumn('grid_id', 'text')
    .addColumn('joined_on', 'text')
    .addPrimaryKeyConstraint('party_member_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'party_member_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('party_member_grid_fk', ['community_id', 'grid_id'], 'grid', ['community_id', 'id'])
    .execute();
  await db.schema.createIndex('party_member_grid_ix').on('party_member').columns(['community_id', 'grid_id']).execute();

  // The community's list of posts in-service party members may claim when they report (在职党员社区报到).
  await scoped(db, 'party_post')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('party_post_pk', ['community_id', 'id'])
    .execute();

  await scoped(db, 'party_report')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('unit_party_org', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('party_report_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'party_report_member_fk',
      ['community_id', 'volunteer_id'],
      'party_member',
      ['community_id', 'volunteer_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await scoped(db, 'party_report_post')
    .addColumn('report_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('party_report_post_pk', ['community_id', 'report_id', 'post_id'])
    .addForeignKeyConstraint(
      'party_report_post_report_fk',
      ['community_id', 'report_id'],
      'party_report',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('party_report_post_post_fk', ['community_id', 'post_id'], 'party_post', [
      'community_id',
      'id',
    ])
    .execute();

  await scoped(db, 'team')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('team_unit_fk', ['community_id', 'unit_id'], 'unit', ['community_id', 'id'])
    .addUniqueConstraint('team_name_uq', ['community_id', 'name'])
    .execute();

  await scoped(db, 'team_member')
    .addColumn('team_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('team_member_pk', ['community_id', 'team_id', 'volunteer_id'])
    .addForeignKeyConstraint('team_member_team_fk', ['community_id', 'team_id'], 'team', ['community_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'team_member_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('team_member_volunteer_ix')
    .on('team_member')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  await scoped(db, 'training_course')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('validity_months', 'integer')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_course_pk', ['community_id', 'id'])
    .addUniqueConstraint('training_course_code_uq', ['community_id', 'code'])
    .execute();

  await scoped(db, 'training_session')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_session_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('training_session_course_fk', ['community_id', 'course_id'], 'training_course', [
      'community_id',
      'id',
    ])
    .execute();

  await scoped(db, 'training_attendance')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_attendance_pk', ['community_id', 'session_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'training_attendance_session_fk',
      ['community_id', 'session_id'],
      'training_session',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'training_attendance_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await scoped(db, 'training_certificate')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notified_on', 'text') // the day its expiry notice went out (sent once)
    .addPrimaryKeyConstraint('training_certificate_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'training_certificate_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('training_certificate_course_fk', ['community_id', 'course_id'], 'training_course', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_certificate_volunteer_ix')
    .on('training_certificate')
    .columns(['community_id', 'volunteer_id'])
    .execute();
  await db.schema
    .createIndex('training_certificate_expiry_ix')
    .on('training_certificate')
    .columns(['community_id', 'expires_on'])
    .execute();

  await scoped(db, 'insurance_policy')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('insurer', 'text', (c) => c.notNull())
    .addColumn('policy_no', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('cover', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insurance_policy_pk', ['community_id', 'id'])
    .addUniqueConstraint('insurance_policy_no_uq', ['community_id', 'policy_no'])
    .execute();

  await scoped(db, 'insurance_cover')
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('notified_on', 'text') // the day its expiry notice went out (sent once)
    .addPrimaryKeyConstraint('insurance_cover_pk', ['community_id', 'policy_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'insurance_cover_policy_fk',
      ['community_id', 'policy_id'],
      'insurance_policy',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'insurance_cover_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('insurance_cover_volunteer_ix')
    .on('insurance_cover')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  await scoped(db, 'availability_slot')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('end_minute', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('availability_slot_pk', ['community_id', 'volunteer_id', 'weekday', 'start_minute'])
    .addForeignKeyConstraint(
      'availability_slot_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await scoped(db, 'availability_blackout')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('availability_blackout_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'availability_blackout_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('availability_blackout_volunteer_ix')
    .on('availability_blackout')
    .columns(['community_id', 'volunteer_id'])
    .execute();

  // What a kind of task needs of whoever does it (volunteer regulation art. 15–17).
  await scoped(db, 'service_type')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer', (c) => c.notNull())
    .addColumn('max_age', 'integer', (c) => c.notNull())
    .addColumn('min_fitness', 'text', (c) => c.notNull())
    .addColumn('night', 'integer', (c) => c.notNull())
    .addColumn('needs_insurance', 'integer', (c) => c.notNull())
    .addColumn('training_course_id', 'text')
    .addColumn('skill_code', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_type_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('service_type_course_fk', ['community_id', 'training_course_id'], 'training_course', [
      'community_id',
      'id',
    ])
    .addUniqueConstraint('service_type_code_uq', ['community_id', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'service_type',
    'availability_blackout',
    'availability_slot',
    'insurance_cover',
    'insurance_policy',
    'training_certificate',
    'training_attendance',
    'training_session',
    'training_course',
    'team_member',
    'team',
    'party_report_post',
    'party_report',
    'party_post',
    'party_member',
    'volunteer_skill',
    'volunteer_guardian',
    'volunteer',
    'unit',
  ])
    await db.schema.dropTable(t).ifExists().execute();
  await db.schema.alterTable('community').dropColumn('volunteer_max_age').execute();
  await db.schema.alterTable('community').dropColumn('volunteer_min_age').execute();
}
