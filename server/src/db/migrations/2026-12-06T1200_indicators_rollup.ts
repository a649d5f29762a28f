// The indicators' stored per-community figures (issue 15 at street scale): one row per community holding the
// grouped rows of every statement of the dashboard over its default window, refreshed by the job
// indicators.refresh_rollup every few minutes. A street or district merges its communities' rows instead of
// re-reading every record of every community.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicators_rollup')
    .addColumn('community_id', 'text', (c) => c.notNull().primaryKey().references('community.id'))
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicators_rollup').execute();
}
