// A minor's guardian consent, confirmed by the guardian (a code sent by SMS to the guardian's phone) or by a
// paper form staff record with its scan, and withdrawable. Until confirmed the consent is `pending` and the
// eligibility gate reads it as absent. Rows from before this migration were typed in by whoever registered and
// the guardian was never asked: they start `pending` too.
import type { Kysely } from 'kysely';

const COLUMNS: Array<[string, 'text']> = [
  ['confirmed_via', 'text'], // sms | wechat | paper
  ['confirmed_at', 'text'],
  ['confirmed_by', 'text'], // the staff account that recorded a paper form; null when the guardian confirmed
  ['paper_signed_on', 'text'],
  ['scan_id', 'text'],
  ['withdrawn_at', 'text'],
  ['withdrawn_via', 'text'], // guardian | staff
  ['withdrawn_by', 'text'],
  ['withdrawal_note', 'text'],
  ['code_sent_at', 'text'],
];

export async function up(db: Kysely<any>): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema
    .alterTable('volunteer_guardian')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
    .execute();
  for (const [name, type] of COLUMNS) await db.schema.alterTable('volunteer_guardian').addColumn(name, type).execute();

  // Scans of paper consent forms (PNG, JPEG or PDF). Base64 text like the other uploads: one column type on both
  // databases.
  await db.schema
    .createTable('volunteer_guardian_scan')
    .addColumn('community_id', 'text', (c) => c.notNull().references('community.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_guardian_scan_pk', ['community_id', 'id'])
    .addForeignKeyConstraint(
      'volunteer_guardian_scan_volunteer_fk',
      ['community_id', 'volunteer_id'],
      'volunteer',
      ['community_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('volunteer_guardian_scan_volunteer_ix')
    .on('volunteer_guardian_scan')
    .columns(['community_id', 'volunteer_id'])
    .execute();
  // The public page finds a guardian by phone.
  await db.schema.createIndex('volunteer_guardian_phone_ix').on('volunteer_guardian').columns(['phone']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('volunteer_guardian_phone_ix').execute();
  await db.schema.dropTable('volunteer_guardian_scan').execute();
  for (const [name] of [...COLUMNS].reverse())
    await db.schema.alterTable('volunteer_guardian').dropColumn(name).execute();
  await db.schema.alterTable('volunteer_guardian').dropColumn('state').execute();
}
