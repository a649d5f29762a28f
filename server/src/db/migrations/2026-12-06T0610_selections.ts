// Selections (评选: 好家风, 美德少年, 最美社区人): nominations, a public vote with one vote per resident account
// (the primary key of selection_vote enforces it), results computed at close and published by staff.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('selection')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // good_family | virtuous_youth | best_neighbour
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('nominate_from', 'text', (c) => c.notNull()) // local dates, inclusive
    .addColumn('nominate_to', 'text', (c) => c.notNull())
    .addColumn('vote_from', 'text', (c) => c.notNull())
    .addColumn('vote_to', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed | published
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .addPrimaryKeyConstraint('selection_pk', ['community_id', 'id'])
    .execute();
  await db.schema
    .createTable('selection_nominee')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('selection_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('minor', 'integer', (c) => c.notNull()) // 0/1: shown as surname + 同学, needs guardian consent
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_consent_on', 'text') // the signed paper form's date, recorded by staff
    .addColumn('guardian_recorded_by', 'text')
    .addColumn('nominated_by', 'text') // account id
    .addColumn('nominated_via', 'text', (c) => c.notNull()) // staff | resident
    .addColumn('status', 'text', (c) => c.notNull()) // proposed | accepted | rejected
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0)) // written at close
    .addColumn('rank', 'integer')
    .addColumn('honoured', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('selection_nominee_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'selection_nominee_selection_fk',
      ['community_id', 'selection_id'],
      'selection',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('selection_nominee_selection_ix')
    .on('selection_nominee')
    .columns(['community_id', 'selection_id', 'status'])
    .execute();
  await db.schema
    .createTable('selection_vote')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('selection_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('nominee_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One vote per resident account and selection: a second insert fails, however concurrent.
    .addPrimaryKeyConstraint('selection_vote_pk', ['community_id', 'selection_id', 'account_id'])
    .addForeignKeyConstraint(
      'selection_vote_nominee_fk',
      ['community_id', 'nominee_id'],
      'selection_nominee',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('selection_vote_nominee_ix')
    .on('selection_vote')
    .columns(['community_id', 'nominee_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('selection_vote').execute();
  await db.schema.dropTable('selection_nominee').execute();
  await db.schema.dropTable('selection').execute();
}
