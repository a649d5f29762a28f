// The record of service for databases that already hold work: every need done, pairing visit, kept booking,
// home-care task, hospital shift, delivery, survey visit and classroom check-in becomes its contact (see
// modules/contacts/contacts.backfill.ts). Idempotent; nothing to undo but the contacts themselves.
import type { Kysely } from 'kysely';
import type { Database } from '../schema/index.ts';
import { rebuildContacts } from '../../modules/contacts/contacts.backfill.ts';

export async function up(db: Kysely<any>): Promise<void> {
  // The rollups come with 2026-12-09T0100, which builds them from these contacts.
  await rebuildContacts(db as Kysely<Database>, undefined, undefined, { rollups: false });
}

export async function down(): Promise<void> {
  // The table goes with the previous migration's down; the derived contacts are harmless to keep until then.
}
