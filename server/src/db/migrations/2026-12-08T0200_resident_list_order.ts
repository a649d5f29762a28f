// The resident list's order as an index: the active residents of a community by pinyin, then id. A page of the
// unfiltered list (and of a pinyin prefix) reads only its own rows in order, and the list's total counts this index
// alone, instead of reading and sorting the whole community on every page.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('resident_active_pinyin_ix')
    .on('resident')
    .columns(['community_id', 'status', 'name_pinyin', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('resident_active_pinyin_ix').execute();
}
