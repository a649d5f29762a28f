// Recognition: the star-level public notice (公示) and the awarded level, the quarterly
// commendation's nominations and publication, and each volunteer's consent to being named in it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recognition_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('community.id'))
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A notice shows what the level would be awarded for (hours, teams) as it was when it opened.
  await scoped(db, 'star_notice')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('credit_minutes', 'integer', (c) => c.notNull())
    .addColumn('teams', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('withdraw_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_notice_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('star_notice_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // At most one open notice per volunteer: two scans at once open one.
  await db.schema
    .createIndex('star_notice_open_uq')
    .unique()
    .on('star_notice')
    .columns(['community_id', 'volunteer_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('star_notice_status_ix')
    .on('star_notice')
    .columns(['community_id', 'status', 'ends_on'])
    .execute();
  await db.schema
    .createIndex('star_notice_volunteer_ix')
    .on('star_notice')
    .columns(['community_id', 'volunteer_id', 'level'])
    .execute();

  await scoped(db, 'star_award')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('notice_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('star_award_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint('star_award_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();

  // No row means no consent: being named in public is opt-in (PIPL: separate consent for disclosure).
  await scoped(db, 'recognition_consent')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('publish', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recognition_consent_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint('recognition_consent_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();

  await scoped(db, 'recognition_nomination')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('parts', 'text', (c) => c.notNull())
    .addColumn('credit_minutes', 'integer', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('nominated_by_name', 'text', (c) => c.notNull())
    .addColumn('nominated_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addPrimaryKeyConstraint('recognition_nomination_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('recognition_nomination_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // One nomination per volunteer and quarter, however many leaders press at once.
  await db.schema
    .createIndex('recognition_nomination_uq')
    .unique()
    .on('recognition_nomination')
    .columns(['community_id', 'quarter', 'volunteer_id'])
    .execute();

  await scoped(db, 'recognition_publication')
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recognition_publication_pk', ['community_id', 'quarter'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'recognition_publication',
    'recognition_nomination',
    'recognition_consent',
    'star_award',
    'star_notice',
    'recognition_settings',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
