// Two-factor sign-in and guessing limits that cannot be turned against the account holder (issue 16).
// - account: the authenticator secret (encrypted with the field cipher), when it was confirmed, and the last time
//   step accepted (a code is good once).
// - recovery_code: ten single-use codes per account, stored as keyed hashes.
// - two_factor_challenge: the short-lived step between a right password (or text code) and the second factor.
// - sign_in_throttle: failure counters by keyed hash of the phone number (known or not), of the client address, and of
//   the pair, so several servers agree and an unknown number behaves exactly as a known one.
// - community: whether admins (on unless a community turns it off) and staff (off) must use two factors.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('account').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('account').addColumn('totp_last_step', 'integer').execute();
  await db.schema
    .alterTable('community')
    .addColumn('two_factor_admins', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('community')
    .addColumn('two_factor_staff', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('recovery_code')
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recovery_code_pk', ['account_id', 'code_hash'])
    .execute();
  await db.schema
    .createTable('two_factor_challenge')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('method', 'text', (c) => c.notNull()) // password | code: the first factor
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey()) // kind:keyed-hash (phone, addr, pair)
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();
  await db.schema.createIndex('sign_in_throttle_last_ix').on('sign_in_throttle').column('last_failed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.dropTable('two_factor_challenge').execute();
  await db.schema.dropTable('recovery_code').execute();
  for (const col of ['two_factor_staff', 'two_factor_admins'])
    await db.schema.alterTable('community').dropColumn(col).execute();
  for (const col of ['totp_last_step', 'totp_enabled_at', 'totp_secret'])
    await db.schema.alterTable('account').dropColumn(col).execute();
}
