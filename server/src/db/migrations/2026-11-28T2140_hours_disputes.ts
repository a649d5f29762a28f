// A volunteer's objection to their service record (2020 Measures, via the 民政部 press conference: a volunteer who
// finds an error or a gap raises it, and the organisation verifies and corrects it promptly). About one entry,
// or about a service missing from the record (then only a date). Staff resolve it with an answer.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('hours_dispute')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_by_name', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .addPrimaryKeyConstraint('hours_dispute_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('hours_dispute_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addForeignKeyConstraint('hours_dispute_entry_fk', ['community_id', 'entry_id'], 'hours_entry', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('hours_dispute_status_ix')
    .on('hours_dispute')
    .columns(['community_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('hours_dispute_volunteer_ix')
    .on('hours_dispute')
    .columns(['community_id', 'volunteer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hours_dispute').ifExists().execute();
}
