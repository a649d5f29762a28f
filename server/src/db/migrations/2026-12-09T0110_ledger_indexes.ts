// Indexes the quarterly ranking and the party members' indicators read from (issue 17, city scale): each read its
// rows through an index that lacked a column it needed, so every entry was fetched from the table as well.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Ledger sums per volunteer and source over a window: a quarter's ranking reads the window's verified credit entries
  // (date first); the party indicators, their members' entries (volunteer first). Both from the index alone.
  await db.schema
    .createIndex('hours_entry_ledger_ix')
    .on('hours_entry')
    .columns(['community_id', 'kind', 'status', 'service_date', 'volunteer_id', 'source', 'minutes', 'corrected_by'])
    .execute();
  await db.schema
    .createIndex('hours_entry_credit_source_ix')
    .on('hours_entry')
    .columns(['community_id', 'kind', 'status', 'volunteer_id', 'service_date', 'minutes', 'corrected_by', 'source'])
    .execute();
  await db.schema.dropIndex('hours_entry_credit_ix').execute();
  // Whom each ranked volunteer reached: the distinct subjects of their contacts in the quarter.
  await db.schema
    .createIndex('contact_volunteer_subject_ix')
    .on('contact')
    .columns(['community_id', 'volunteer_id', 'occurred_on', 'subject_id'])
    .execute();
  await db.schema.dropIndex('contact_volunteer_ix').execute();
  // Points earned per member over a window: their earn and reverse transactions, and those transactions' postings.
  await db.schema
    .createIndex('points_txn_service_ix')
    .on('points_txn')
    .columns(['community_id', 'volunteer_id', 'service_date', 'kind', 'id'])
    .execute();
  await db.schema
    .createIndex('points_posting_account_ix')
    .on('points_posting')
    .columns(['community_id', 'txn_id', 'account', 'amount'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('points_posting_account_ix').execute();
  await db.schema.dropIndex('points_txn_service_ix').execute();
  await db.schema
    .createIndex('contact_volunteer_ix')
    .on('contact')
    .columns(['community_id', 'volunteer_id', 'occurred_on'])
    .execute();
  await db.schema.dropIndex('contact_volunteer_subject_ix').execute();
  await db.schema
    .createIndex('hours_entry_credit_ix')
    .on('hours_entry')
    .columns(['community_id', 'kind', 'status', 'volunteer_id', 'service_date', 'minutes', 'corrected_by'])
    .execute();
  await db.schema.dropIndex('hours_entry_credit_source_ix').execute();
  await db.schema.dropIndex('hours_entry_ledger_ix').execute();
}
