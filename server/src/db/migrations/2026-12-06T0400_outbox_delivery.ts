// The outbox becomes a delivery queue (issue 15): each row records who it is for (account, community), how
// urgent it is, and how its delivery went (attempts, the next try, the provider's id, the last error). A worker
// claims rows with a lease (locked_until) so a crashed worker's rows are taken again and none goes out twice.
// Rows written before this stay as they were (status delivered_dev).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const add = (col: string, type: 'text' | 'integer', build?: (c: any) => any) =>
    db.schema
      .alterTable('notification_outbox')
      .addColumn(col, type, build ?? ((c) => c))
      .execute();
  await add('account_id', 'text');
  await add('community_id', 'text');
  await add('urgent', 'integer', (c) => c.notNull().defaultTo(0));
  await add('attempts', 'integer', (c) => c.notNull().defaultTo(0));
  await add('next_attempt_at', 'text');
  await add('locked_by', 'text');
  await add('locked_until', 'text');
  await add('provider', 'text');
  await add('provider_message_id', 'text');
  await add('last_error', 'text');
  await add('delivered_at', 'text');
  // The worker's one query: due rows by time.
  await db.schema
    .createIndex('notification_outbox_due_ix')
    .on('notification_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  // The phone's inbox and the staff page read by person and by community.
  await db.schema
    .createIndex('notification_outbox_account_ix')
    .on('notification_outbox')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notification_outbox_community_ix')
    .on('notification_outbox')
    .columns(['community_id', 'created_at'])
    .execute();

  // A person's choices: each channel on or off, or everything off (opted_out). No row: every channel on.
  await db.schema
    .createTable('notification_preference')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('account.id'))
    .addColumn('app', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sms', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('wechat', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('opted_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preference').execute();
  await db.schema.dropIndex('notification_outbox_community_ix').execute();
  await db.schema.dropIndex('notification_outbox_account_ix').execute();
  await db.schema.dropIndex('notification_outbox_due_ix').execute();
  for (const col of [
    'delivered_at',
    'last_error',
    'provider_message_id',
    'provider',
    'locked_until',
    'locked_by',
    'next_attempt_at',
    'attempts',
    'urgent',
    'community_id',
    'account_id',
  ])
    await db.schema.alterTable('notification_outbox').dropColumn(col).execute();
}
