// The love QR badge (爱心二维码): settings per community, badges found by a hash of their token,
// the call list each page shows, and every scan.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('badge_settings')
    .addColumn('community_id', 'text', (c) => c.notNull().primaryKey().references('community.id'))
    .addColumn('hotline', 'text', (c) => c.notNull())
    .addColumn('duty_phone', 'text', (c) => c.notNull())
    .addColumn('notify_phones', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('badge')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('token_enc', 'text', (c) => c.notNull())
    .addColumn('nickname', 'text', (c) => c.notNull())
    .addColumn('cautions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_by_name', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('badge_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('badge_resident_fk', ['community_id', 'resident_id'], 'resident', ['community_id', 'id'])
    .execute();
  // The URL carries no community, so the token is unique everywhere.
  await db.schema.createIndex('badge_token_ux').on('badge').column('token_hash').unique().execute();
  // At most one working badge per resident: concurrent issues cannot make two.
  await db.schema
    .createIndex('badge_active_ux')
    .on('badge')
    .columns(['community_id', 'resident_id'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema.createIndex('badge_resident_ix').on('badge').columns(['community_id', 'resident_id']).execute();

  await db.schema
    .createTable('badge_contact')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('badge_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('badge_contact_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('badge_contact_badge_fk', ['community_id', 'badge_id'], 'badge', ['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('badge_contact_badge_ix')
    .on('badge_contact')
    .columns(['community_id', 'badge_id', 'position'])
    .execute();

  await db.schema
    .createTable('badge_scan')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('badge_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('place', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('ip_hash', 'text', (c) => c.notNull())
    .addColumn('notified', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('badge_scan_pk', ['community_id', 'id'])
    .addForeignKeyConstraint('badge_scan_badge_fk', ['community_id', 'badge_id'], 'badge', ['community_id', 'id'])
    .execute();
  await db.schema
    .createIndex('badge_scan_badge_ix')
    .on('badge_scan')
    .columns(['community_id', 'badge_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['badge_scan', 'badge_contact', 'badge', 'badge_settings'])
    await db.schema.dropTable(t).ifExists().execute();
}
