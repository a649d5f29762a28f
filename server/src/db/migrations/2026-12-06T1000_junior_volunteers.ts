// 小小志愿者: an activity may be flagged for junior volunteers; a minor's sign-up on it names the accompanying adult,
// either a resident of the child's household or a volunteer signed up for the same shift (exactly one of the two).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('activity')
    .addColumn('junior_volunteers', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('activity_signup').addColumn('companion_resident_id', 'text').execute();
  await db.schema.alterTable('activity_signup').addColumn('companion_volunteer_id', 'text').execute();
  // The adult's cancellation looks up the children they accompany.
  await db.schema
    .createIndex('activity_signup_companion_idx')
    .on('activity_signup')
    .columns(['community_id', 'activity_id', 'companion_volunteer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('activity_signup_companion_idx').execute();
  await db.schema.alterTable('activity_signup').dropColumn('companion_volunteer_id').execute();
  await db.schema.alterTable('activity_signup').dropColumn('companion_resident_id').execute();
  await db.schema.alterTable('activity').dropColumn('junior_volunteers').execute();
}
