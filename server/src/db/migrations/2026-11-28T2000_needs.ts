// Needs: requests from residents with their path from new to reviewed, the events of that path,
// the household survey (全面摸查), and residents' preferences about who helps them.
import type { Kysely } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  await scoped(db, 'need')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    // Copied from the resident when the need is taken, so grid-bounded lists need no join.
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('skill_code', 'text')
    .addColumn('service_type_id', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('preferred_date', 'text')
    .addColumn('preferred_start', 'integer')
    .addColumn('preferred_end', 'integer')
    .addColumn('preferred_gender', 'text')
    .addColumn('place', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('caller_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('scheduled_for', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('matched_at', 'text')
    .addColumn('done_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('need_resident_fk', ['community_id', 'resident_id'], 'resident', ['community_id', 'id'])
    .addForeignKeyConstraint('need_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', ['community_id', 'id'])
    .addForeignKeyConstraint('need_service_type_fk', ['community_id', 'service_type_id'], 'service_type', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('need_status_ix').on('need').columns(['community_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('need_grid_ix').on('need').columns(['community_id', 'grid_id', 'status']).execute();
  await db.schema
    .createIndex('need_resident_ix')
    .on('need')
    .columns(['community_id', 'resident_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('need_volunteer_ix')
    .on('need')
    .columns(['community_id', 'volunteer_id', 'status'])
    .execute();

  await scoped(db, 'need_event')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text')
    .addColumn('note', 'text')
    .addColumn('account_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_event_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('need_event_need_fk', ['community_id', 'need_id'], 'need', ['community_id', 'id'], (fk) =>
      fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('need_event_need_ix')
    .on('need_event')
    .columns(['community_id', 'need_id', 'at'])
    .execute();

  await scoped(db, 'survey_visit')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('grid_id', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    .addColumn('visitor_account_id', 'text')
    .addColumn('visitor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_visit_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('survey_visit_household_fk', ['community_id', 'household_id'], 'household', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('survey_visit_household_ix')
    .on('survey_visit')
    .columns(['community_id', 'household_id', 'visited_on'])
    .execute();
  await db.schema
    .createIndex('survey_visit_grid_ix')
    .on('survey_visit')
    .columns(['community_id', 'grid_id', 'visited_on'])
    .execute();

  await scoped(db, 'survey_need')
    .addColumn('visit_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('survey_need_pk', ['community_id', 'visit_id', 'category'])
    .addForeignKeyConstraint(
      'survey_need_visit_fk',
      ['community_id', 'visit_id'],
      'survey_visit',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // A resident may ask for, or ask not to have, a particular volunteer.
  await scoped(db, 'match_preference')
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_preference_pk', ['community_id', 'resident_id', 'volunteer_id'])
    .addForeignKeyConstraint(
      'match_preference_resident_fk',
      ['community_id', 'resident_id'],
      'resident',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'match_preference_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['match_preference', 'survey_need', 'survey_visit', 'need_event', 'need'])
    await db.schema.dropTable(t).ifExists().execute();
}
