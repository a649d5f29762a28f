// The foundation: accounts, sessions, the community registry, audit, jobs and the notification outbox.
// Portable on purpose: times are ISO-8601 UTC text, dates are 'YYYY-MM-DD' text, booleans are 0/1 integers,
// so rows read the same on SQLite and PostgreSQL. Every community-scoped table leads its primary key and
// its foreign keys with community_id (see server/test/tenancy.db.test.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('community')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('district', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A person who can sign in. Global: one phone number, one account, possibly several memberships.
  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text') // null: follow the browser's Accept-Language
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('grid')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grid_pk', ['community_id', 'id'])
    .addUniqueConstraint('grid_code_uq', ['community_id', 'code'])
    .execute();

  // What an account may do in one community: its role and the scope that role is bounded by.
  await db.schema
    .createTable('membership')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('grid_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('membership_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('membership_grid_fk', ['community_id', 'grid_id'], 'grid', ['community_id', 'id'])
    .addUniqueConstraint('membership_account_uq', ['community_id', 'account_id'])
    .execute();
  await db.schema.createIndex('membership_account_ix').on('membership').column('account_id').execute();

  await db.schema
    .createTable('session')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('active_community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_account_ix').on('session').column('account_id').execute();

  await db.schema
    .createTable('sign_in_code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('consumed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_code_phone_ix').on('sign_in_code').columns(['phone', 'created_at']).execute();

  // Messages waiting to leave (SMS, WeChat). The development channel only logs them.
  await db.schema
    .createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('notification_outbox_created_ix')
    .on('notification_outbox')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('building')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('building_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('building_grid_fk', ['community_id', 'grid_id'], 'grid', ['community_id', 'id'])
    .addUniqueConstraint('building_number_uq', ['community_id', 'number'])
    .execute();
  await db.schema.createIndex('building_grid_ix').on('building').columns(['community_id', 'grid_id']).execute();

  await db.schema
    .createTable('household')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('building_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('room', 'text', (c) => c.notNull())
    .addColumn('is_migrant', 'integer', (c) => c.notNull().defaultTo(0))
    // dibao status is sensitive: the value is encrypted; dibao_token is a keyed blind index for counting.
    .addColumn('dibao_enc', 'text')
    .addColumn('dibao_token', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('household_building_fk', ['community_id', 'building_id'], 'building', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('household_grid_fk', ['community_id', 'grid_id'], 'grid', ['community_id', 'id'])
    .addUniqueConstraint('household_address_uq', ['community_id', 'building_id', 'unit', 'room'])
    .execute();
  await db.schema.createIndex('household_grid_ix').on('household').columns(['community_id', 'grid_id']).execute();
  await db.schema.createIndex('household_dibao_ix').on('household').columns(['community_id', 'dibao_token']).execute();

  await db.schema
    .createTable('resident')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('relation_to_head', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_token', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('health_enc', 'text')
    .addColumn('disability_enc', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('resident_household_fk', ['community_id', 'household_id'], 'household', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('resident_grid_fk', ['community_id', 'grid_id'], 'grid', ['community_id', 'id'])
    .addUniqueConstraint('resident_id_number_uq', ['community_id', 'id_number_token'])
    .execute();
  await db.schema
    .createIndex('resident_household_ix')
    .on('resident')
    .columns(['community_id', 'household_id'])
    .execute();
  await db.schema.createIndex('resident_pinyin_ix').on('resident').columns(['community_id', 'name_pinyin']).execute();
  await db.schema
    .createIndex('resident_initials_ix')
    .on('resident')
    .columns(['community_id', 'name_initials'])
    .execute();
  await db.schema.createIndex('resident_name_ix').on('resident').columns(['community_id', 'name']).execute();
  await db.schema
    .createIndex('resident_grid_ix')
    .on('resident')
    .columns(['community_id', 'grid_id', 'name_pinyin'])
    .execute();
  await db.schema.createIndex('resident_birth_ix').on('resident').columns(['community_id', 'birth_date']).execute();

  // Special groups. Health-related tags (dementia, chronic illness, disabled) are stored as keyed tokens,
  // so the table alone does not say who is ill; the others are stored as their code.
  await db.schema
    .createTable('resident_tag')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('resident_tag_pk', ['community_id', 'resident_id', 'tag'])
    .addForeignKeyConstraint(
      'resident_tag_resident_fk',
      ['community_id', 'resident_id'],
      'resident',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('resident_tag_tag_ix').on('resident_tag').columns(['community_id', 'tag']).execute();

  await db.schema
    .createTable('family_contact')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('family_contact_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'family_contact_resident_fk',
      ['community_id', 'resident_id'],
      'resident',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('family_contact_resident_ix')
    .on('family_contact')
    .columns(['community_id', 'resident_id'])
    .execute();

  // PIPL art. 29/31: separate consent for sensitive data, and a guardian's for a child under 14.
  await db.schema
    .createTable('consent_record')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('given_by_name', 'text', (c) => c.notNull())
    .addColumn('given_by_relation', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('consent_record_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'consent_record_resident_fk',
      ['community_id', 'resident_id'],
      'resident',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('consent_record_resident_ix')
    .on('consent_record')
    .columns(['community_id', 'resident_id'])
    .execute();

  // Append-only and chained: each entry's hash covers its content and the hash before it.
  await db.schema
    .createTable('audit_log')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_log_pk', ['community_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_log_entity_ix')
    .on('audit_log')
    .columns(['community_id', 'entity_type', 'entity_id'])
    .execute();
  await db.schema.createIndex('audit_log_at_ix').on('audit_log').columns(['community_id', 'at']).execute();

  await db.schema
    .createTable('job')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('unique_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('job_due_ix').on('job').columns(['status', 'run_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job',
    'audit_log',
    'consent_record',
    'family_contact',
    'resident_tag',
    'resident',
    'household',
    'building',
    'notification_outbox',
    'sign_in_code',
    'session',
    'membership',
    'grid',
    'account',
    'community',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
