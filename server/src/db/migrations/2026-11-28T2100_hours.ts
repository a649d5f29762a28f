// The hours ledger (服务记录): append-only entries, a running total per volunteer kept in the same
// transaction as every write (the profile reads one row, however long the ledger grows), and each
// community's rules (rounding, star thresholds, points). Same portable types and tenancy rule as the foundation.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  // Only the verification columns and corrected_by are ever written after insert;
  // a correction is a new row with corrects_id.
  await scoped(db, 'hours_entry')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('raw_minutes', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('corrects_id', 'text')
    // The correction that replaced this entry. Written once, by a conditional update that also locks the
    // row, so a verification and a correction racing on one entry cannot both count it.
    .addColumn('corrected_by', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verified_by', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('verified_at', 'text')
    .addPrimaryKeyConstraint('hours_entry_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('hours_entry_volunteer_fk', ['community_id', 'volunteer_id'], 'volunteer', [
      'community_id',
      'id',
    ])
    .addCheckConstraint('hours_entry_minutes_ck', sql`minutes >= 0 and raw_minutes >= 0`)
    .execute();
  await db.schema
    .createIndex('hours_entry_volunteer_ix')
    .on('hours_entry')
    .columns(['community_id', 'volunteer_id', 'service_date'])
    .execute();
  await db.schema
    .createIndex('hours_entry_status_ix')
    .on('hours_entry')
    .columns(['community_id', 'status', 'service_date'])
    .execute();
  // One original entry per source per volunteer: a checkout tapped twice records once.
  await db.schema
    .createIndex('hours_entry_source_uq')
    .unique()
    .on('hours_entry')
    .columns(['community_id', 'source', 'source_id', 'volunteer_id'])
    .where(sql.ref('corrects_id'), 'is', null)
    .execute();

  await scoped(db, 'hours_total')
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('credit_minutes', 'integer', (c) => c.notNull())
    .addColumn('honour_minutes', 'integer', (c) => c.notNull())
    .addColumn('pending_minutes', 'integer', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addColumn('last_service_date', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hours_total_pk', ['community_id', 'volunteer_id'])
    .execute();

  await db.schema
    .createTable('hours_settings')
    .addColumn('community_id', 'text', (c) => c.primaryKey().references('community.id'))
    .addColumn('rounding_unit', 'integer')
    .addColumn('rounding_mode', 'text')
    .addColumn('star_thresholds', 'text', (c) => c.notNull())
    .addColumn('points_per_hour', 'real', (c) => c.notNull())
    .addColumn('points_daily_cap', 'integer')
    .addColumn('points_total_cap', 'integer')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['hours_settings', 'hours_total', 'hours_entry']) await db.schema.dropTable(t).ifExists().execute();
}
