// The one record of service (see domain/contacts/kinds.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('volunteer_id', 'text')
    .addColumn('served_by', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('contact_household_fk', ['community_id', 'household_id'], 'household', [
      'community_id',
      'id',
    ])
    .execute();
  // One contact per piece of work and subject: writing it again (a retry, a rebuild) changes nothing.
  await db.schema
    .createIndex('contact_source_ux')
    .on('contact')
    .unique()
    .columns(['community_id', 'kind', 'source_id', 'subject_id'])
    .execute();
  // The monitor groups a community's contacts by subject (last day, its kind, recent count): read from the index
  // alone, in subject order, without a sort.
  await db.schema
    .createIndex('contact_subject_ix')
    .on('contact')
    .columns(['community_id', 'subject_id', 'occurred_on', 'kind'])
    .execute();
  await db.schema
    .createIndex('contact_resident_ix')
    .on('contact')
    .columns(['community_id', 'resident_id', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('contact_household_ix')
    .on('contact')
    .columns(['community_id', 'household_id', 'occurred_on'])
    .execute();
  await db.schema
    .createIndex('contact_day_ix')
    .on('contact')
    .columns(['community_id', 'occurred_on', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact').execute();
}
