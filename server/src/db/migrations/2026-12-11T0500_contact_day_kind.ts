// The monitor's contacts per kind over the last year counted every contact of that year on each request (26,000 rows
// for one Baoji community: p50 17 ms on PostgreSQL for one user, p99 132 ms at ten). A rollup per day and kind, kept
// by ContactService with the others (modules/contacts/contacts.rollup.ts), backfilled here, holds a year in a few
// thousand rows.
import type { Kysely } from 'kysely';
import { rebuildDayKindRollup } from '../../modules/contacts/contacts.rollup.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_day_kind')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('contacts', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_day_kind_pk', ['community_id', 'occurred_on', 'kind'])
    .execute();
  await rebuildDayKindRollup(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_day_kind').execute();
}
