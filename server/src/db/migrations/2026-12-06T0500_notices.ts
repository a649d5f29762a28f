// Notices staff send (通知): one batch per send, linked to the outbox rows it wrote, and each person's read marks.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notice_batch')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('audience_kind', 'text', (c) => c.notNull()) // team | grid | skill | classroom | building
    .addColumn('audience_ref', 'text') // the team, grid, skill code or building; null for the classroom
    .addColumn('audience_label', 'text', (c) => c.notNull()) // its name when sent
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('unreachable', 'integer', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull()) // account id
    .addColumn('sent_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_batch_pk', ['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notice_batch_created_ix')
    .on('notice_batch')
    .columns(['community_id', 'created_at'])
    .execute();

  // Delivery status is not copied here: it is read from the outbox row, which the channels keep current.
  await db.schema
    .createTable('notice_recipient')
    .addColumn('community_id', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('notification_outbox.id'))
    .addColumn('person_kind', 'text', (c) => c.notNull()) // volunteer | resident | family_contact | pickup_adult
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_recipient_pk', ['community_id', 'batch_id', 'outbox_id'])
    .addForeignKeyConstraint(
      'notice_recipient_batch_fk',
      ['community_id', 'batch_id'],
      'notice_batch',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('notice_recipient_outbox_ix').on('notice_recipient').column('outbox_id').execute();

  await db.schema
    .createTable('message_read')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('outbox_id', 'text', (c) => c.notNull().references('notification_outbox.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_read_pk', ['account_id', 'outbox_id'])
    .execute();
  // 我的消息 reads a person's rows by account, newest first: the outbox's (account_id, created_at) index serves it.
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('message_read').execute();
  await db.schema.dropTable('notice_recipient').execute();
  await db.schema.dropTable('notice_batch').execute();
}
