// A need's candidates read where every volunteer of the community lives (volunteer → resident → household): a
// thousand look-ups of wide resident and household rows per request, and on PostgreSQL a scan of every community's
// residents (issue 17: 290–400 ms for GET /api/needs/:id/candidates). Covering indexes answer the look-ups from the
// index alone (a resident's household; a household's building and grid).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('resident_home_ix')
    .on('resident')
    .columns(['community_id', 'id', 'household_id'])
    .execute();
  await db.schema
    .createIndex('household_place_ix')
    .on('household')
    .columns(['community_id', 'id', 'building_id', 'grid_id'])
    .execute();
  // Statistics for the new indexes: SQLite, knowing the primary keys' and not these, keeps looking rows up by the key.
  await sql`analyze resident`.execute(db);
  await sql`analyze household`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('household_place_ix').execute();
  await db.schema.dropIndex('resident_home_ix').execute();
}
