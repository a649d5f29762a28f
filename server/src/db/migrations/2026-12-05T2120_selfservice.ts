// Volunteers' self-service on their activity sign-ups: the answer to the day-before 还来吗？ (coming / not coming),
// the no-show marked when check-in closes without a check-in, and shift swaps (a volunteer offers their place,
// another eligible volunteer takes it).
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_signup_answer')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('signup_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull()) // coming | not_coming
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_signup_answer_pk', ['community_id', 'signup_id'])
    .addForeignKeyConstraint(
      'activity_signup_answer_signup_fk',
      ['community_id', 'signup_id'],
      'activity_signup',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('activity_no_show')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('signup_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('shift_ends_at', 'text', (c) => c.notNull())
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_no_show_pk', ['community_id', 'signup_id'])
    .addForeignKeyConstraint(
      'activity_no_show_signup_fk',
      ['community_id', 'signup_id'],
      'activity_signup',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('activity_no_show_volunteer_ix')
    .on('activity_no_show')
    .columns(['community_id', 'volunteer_id', 'shift_ends_at'])
    .execute();

  await db.schema
    .createTable('activity_swap')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('signup_id', 'text', (c) => c.notNull()) // the offerer's sign-up
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('shift_id', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text', (c) => c.notNull()) // volunteer id
    .addColumn('status', 'text', (c) => c.notNull()) // open | taken | withdrawn
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text') // volunteer id
    .addColumn('taken_signup_id', 'text')
    .addColumn('closed_at', 'text')
    .addPrimaryKeyConstraint('activity_swap_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'activity_swap_signup_fk',
      ['community_id', 'signup_id'],
      'activity_signup',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('activity_swap_offerer_fk', ['community_id', 'offered_by'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // One open offer per sign-up.
  await db.schema
    .createIndex('activity_swap_open_uq')
    .unique()
    .on('activity_swap')
    .columns(['community_id', 'signup_id'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('activity_swap_status_ix')
    .on('activity_swap')
    .columns(['community_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_swap').execute();
  await db.schema.dropTable('activity_no_show').execute();
  await db.schema.dropTable('activity_signup_answer').execute();
}
