// A check value per encryption key (and one for the blind-index key), so a server started with another keyring than
// the one the data was encrypted with refuses to start instead of writing values the other servers cannot read.
// The values are HMACs of a fixed text under each key: they prove which key it is and reveal nothing of it.
// City-wide: one keyring serves the whole database.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('keyring_check')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    .addColumn('check_value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('keyring_check').execute();
}
