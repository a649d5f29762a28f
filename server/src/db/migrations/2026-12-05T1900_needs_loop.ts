// The needs loop: the matched volunteer answers (accepts, or declines with a reason that staff read), and
// reports the minutes the need took when done.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('need').addColumn('accepted_at', 'text').execute();
  await db.schema.alterTable('need').addColumn('declined_at', 'text').execute();
  await db.schema.alterTable('need').addColumn('declined_by', 'text').execute();
  await db.schema.alterTable('need').addColumn('decline_reason', 'text').execute();
  await db.schema.alterTable('need').addColumn('minutes', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['accepted_at', 'declined_at', 'declined_by', 'decline_reason', 'minutes'])
    await db.schema.alterTable('need').dropColumn(c).execute();
}
