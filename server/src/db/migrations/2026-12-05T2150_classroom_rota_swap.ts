// Swaps of 4:30 classroom rota days (换班): a tutor offers their day on a session to come; another volunteer takes it.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classroom_rota_swap')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text', (c) => c.notNull()) // volunteer id
    .addColumn('status', 'text', (c) => c.notNull()) // open | taken | withdrawn
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('taken_by', 'text') // volunteer id
    .addColumn('closed_at', 'text')
    .addPrimaryKeyConstraint('classroom_rota_swap_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'classroom_rota_swap_session_fk',
      ['community_id', 'session_id'],
      'classroom_session',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('classroom_rota_swap_offerer_fk', ['community_id', 'offered_by'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  // One open offer per tutor and session.
  await db.schema
    .createIndex('classroom_rota_swap_open_uq')
    .unique()
    .on('classroom_rota_swap')
    .columns(['community_id', 'session_id', 'offered_by'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
  await db.schema
    .createIndex('classroom_rota_swap_status_ix')
    .on('classroom_rota_swap')
    .columns(['community_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('classroom_rota_swap').execute();
}
