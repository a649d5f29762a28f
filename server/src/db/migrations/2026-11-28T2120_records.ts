// Certificates (志愿服务记录证明) and points (嘉许回馈) with the love supermarket (爱心超市). Same portable types
// and tenancy rule as the foundation: community_id leads every key.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  // Who the certificate names as issuer; absent → defaults from the community (see certificates.service.ts).
  await db.schema
    .createTable('certificate_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('community.id'))
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('responsible_person', 'text', (c) => c.notNull())
    .addColumn('handler_name', 'text', (c) => c.notNull())
    .addColumn('contact_phone', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // One counter row per community and year, raised by an upsert inside the issuing transaction: numbers are
  // unique under concurrency and, as a rollback undoes the raise, without gaps.
  await scoped(db, 'certificate_counter')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('certificate_counter_pk', ['community_id', 'year'])
    .execute();

  await scoped(db, 'certificate')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    // ≥128 random bits: the public verify page is found by it, never by the sequential number.
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('service_minutes', 'integer', (c) => c.notNull())
    .addColumn('honour_minutes', 'integer', (c) => c.notNull())
    // Everything printed, frozen at issue; the PDF is drawn again from it on every download.
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('handler_name', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_by_name', 'text')
    .addColumn('revoke_reason', 'text')
    .addPrimaryKeyConstraint('certificate_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('certificate_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('certificate_number_uq')
    .unique()
    .on('certificate')
    .columns(['community_id', 'number'])
    .execute();
  await db.schema
    .createIndex('certificate_token_uq')
    .unique()
    .on('certificate')
    .columns(['community_id', 'token'])
    .execute();
  await db.schema
    .createIndex('certificate_volunteer_ix')
    .on('certificate')
    .columns(['community_id', 'volunteer_id', 'issued_at'])
    .execute();

  // Points: a balance row per volunteer, changed only by conditional updates (never below zero), and a
  // double-entry ledger whose every transaction's postings sum to zero.
  await scoped(db, 'points_balance')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    // Points the caps count: the sum of points_day.points.
    .addColumn('earned', 'integer', (c) => c.notNull())
    // Points reversed after they were spent: repaid from later earnings before the balance grows.
    .addColumn('debt', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_balance_pk', ['community_id', 'volunteer_id'])
    .addForeignKeyConstraint('points_balance_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addCheckConstraint('points_balance_ck', sql`balance >= 0 and debt >= 0 and earned >= 0`)
    .execute();

  // Verified minutes and points per volunteer and service date: the daily cap is a per-day figure.
  await scoped(db, 'points_day')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_day_pk', ['community_id', 'volunteer_id', 'service_date'])
    .execute();

  await scoped(db, 'points_txn')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('shortfall', 'integer', (c) => c.notNull())
    .addColumn('service_date', 'text')
    .addColumn('entry_id', 'text')
    .addColumn('redemption_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_txn_pk', ['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('points_txn_volunteer_ix')
    .on('points_txn')
    .columns(['community_id', 'volunteer_id', 'created_at'])
    .execute();

  await scoped(db, 'points_posting')
    .addColumn('txn_id', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('points_posting_pk', ['community_id', 'txn_id', 'line'])
    .addForeignKeyConstraint('points_posting_txn_fk', ['community_id', 'txn_id'], 'points_txn', ['community_id', 'id'])
    .execute();

  await scoped(db, 'supermarket_item')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('price_points', 'integer', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supermarket_item_pk', ['community_id', 'id'])
    .addCheckConstraint('supermarket_item_ck', sql`stock >= 0 and price_points > 0`)
    .execute();

  await scoped(db, 'supermarket_redemption')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('txn_id', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text')
    .addColumn('handled_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supermarket_redemption_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('supermarket_redemption_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('supermarket_redemption_ix')
    .on('supermarket_redemption')
    .columns(['community_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('supermarket_redemption_volunteer_ix')
    .on('supermarket_redemption')
    .columns(['community_id', 'volunteer_id', 'created_at'])
    .execute();

  await scoped(db, 'supermarket_redemption_line')
    .addColumn('redemption_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('item_name', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('price_points', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('supermarket_redemption_line_pk', ['community_id', 'redemption_id', 'item_id'])
    .addForeignKeyConstraint(
      'supermarket_redemption_line_fk',
      ['community_id', 'redemption_id'],
      'supermarket_redemption',
      ['community_id', 'id'],
    )
    .addForeignKeyConstraint('supermarket_redemption_line_item_fk', ['community_id', 'item_id'], 'supermarket_item', [
      'community_id',
      'id',
    ])
    .execute();

  await scoped(db, 'supermarket_stock_move')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('redemption_id', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supermarket_stock_move_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('supermarket_stock_move_item_fk', ['community_id', 'item_id'], 'supermarket_item', [
      'community_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'supermarket_stock_move',
    'supermarket_redemption_line',
    'supermarket_redemption',
    'supermarket_item',
    'points_posting',
    'points_txn',
    'points_day',
    'points_balance',
    'certificate',
    'certificate_counter',
    'certificate_settings',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
