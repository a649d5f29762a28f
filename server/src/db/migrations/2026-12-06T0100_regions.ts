// Above the community: cities, districts and street offices (region), who works in them (region_membership),
// each community's street office (community.street_id) and region sessions (session.active_region_id).
// Existing communities are placed from their city and district text; their street office is named after the
// district's first community (西关社区 → 西关街道, the real office of the case study), to be renamed if wrong.
import type { Kysely } from 'kysely';
import { placeCommunity } from '../../modules/regions/regions-directory.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('region')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // city | district | street
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('region.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('region_parent_ix').on('region').column('parent_id').execute();

  await db.schema
    .createTable('region_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('region.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('account.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('region_membership_account_uq', ['region_id', 'account_id'])
    .execute();
  await db.schema.createIndex('region_membership_account_ix').on('region_membership').column('account_id').execute();

  await db.schema
    .alterTable('community')
    .addColumn('street_id', 'text', (c) => c.references('region.id'))
    .execute();
  await db.schema.createIndex('community_street_ix').on('community').column('street_id').execute();
  await db.schema
    .alterTable('session')
    .addColumn('active_region_id', 'text', (c) => c.references('region.id'))
    .execute();

  const communities = await db
    .selectFrom('community')
    .select(['id', 'name', 'district', 'city'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const streetOf = new Map<string, string>();
  for (const c of communities) {
    const key = `${c.city}\u0000${c.district}`;
    if (!streetOf.has(key)) streetOf.set(key, `${String(c.name).replace(/社区$/, '')}街道`);
    await placeCommunity(db, c.id, { city: c.city, district: c.district, street: streetOf.get(key)! });
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('community_street_ix').ifExists().execute();
  await db.schema.alterTable('session').dropColumn('active_region_id').execute();
  await db.schema.alterTable('community').dropColumn('street_id').execute();
  await db.schema.dropTable('region_membership').ifExists().execute();
  await db.schema.dropTable('region').ifExists().execute();
}
