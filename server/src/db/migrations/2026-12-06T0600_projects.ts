// Projects (志愿者 + 项目 + 特色服务): a goal with targets, a budget and its spending, and the activities, needs,
// pairings and teams that serve it. Money is whole fen (分), so sums are exact on both databases.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('project')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('targets', 'text', (c) => c.notNull()) // JSON: [{ metric, group, target }]
    .addColumn('budget_fen', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_pk', ['community_id', 'id'])
    .execute();
  await db.schema.createIndex('project_name_uq').unique().on('project').columns(['community_id', 'name']).execute();
  await db.schema
    .createTable('project_link')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // activity | need | pairing | team
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_link_pk', ['community_id', 'project_id', 'kind', 'target_id'])
    .addForeignKeyConstraint(
      'project_link_project_fk',
      ['community_id', 'project_id'],
      'project',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('project_spending')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_spending_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'project_spending_project_fk',
      ['community_id', 'project_id'],
      'project',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('project_spending_project_ix')
    .on('project_spending')
    .columns(['community_id', 'project_id', 'spent_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('project_spending').execute();
  await db.schema.dropTable('project_link').execute();
  await db.schema.dropTable('project').execute();
}
