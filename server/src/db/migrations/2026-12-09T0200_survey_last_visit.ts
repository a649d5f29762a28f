// The survey's last visit of each household, stored on the household (issue 17). The survey's to-do list and its
// progress asked, for every household of the community on every request, whether a visit since the round's start
// existed; now they read one column. The needs module keeps it in the same transaction as it records a visit (a
// visit is never edited nor deleted); here it is filled from the visits already recorded.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('household').addColumn('last_visited_on', 'text').execute();
  await sql`
    update household set last_visited_on = (
      select max(s.visited_on) from survey_visit s
      where s.community_id = household.community_id and s.household_id = household.id
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('household').dropColumn('last_visited_on').execute();
}
