// Placing communities in the region tree: find or create a city, its district and a street office, and link the
// community to the street. Used by the regions migration (existing communities), the demo seeds and the script
// that sets up offices (scripts/regions.ts).
import type { Kysely } from 'kysely';
import type { Database, RegionKind } from '../../db/schema/index.ts';
import { uuidv7 } from '../../../../domain/shared/ids.ts';

type AnyDb = Kysely<Database> | Kysely<any>;

/** The region of that kind and name under parent, created when missing. */
export async function ensureRegion(
  db: AnyDb,
  kind: RegionKind,
  name: string,
  parentId: string | null,
  now = new Date().toISOString(),
): Promise<string> {
  const d = db as Kysely<Database>;
  let q = d.selectFrom('region').select('id').where('kind', '=', kind).where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const found = await q.executeTakeFirst();
  if (found) return found.id;
  const id = uuidv7();
  await d.insertInto('region').values({ id, kind, name, parent_id: parentId, created_at: now }).execute();
  return id;
}

export interface Place {
  city: string;
  district: string;
  street: string;
}

/** Links the community to the street office city → district → street, creating what is missing; the street's id. */
export async function placeCommunity(db: AnyDb, communityId: string, place: Place): Promise<string> {
  const cityId = await ensureRegion(db, 'city', place.city, null);
  const districtId = await ensureRegion(db, 'district', place.district, cityId);
  const streetId = await ensureRegion(db, 'street', place.street, districtId);
  await (db as Kysely<Database>)
    .updateTable('community')
    .set({ street_id: streetId })
    .where('id', '=', communityId)
    .execute();
  return streetId;
}

/** Gives an account a role in a region (idempotent: an existing membership there takes the new role). */
export async function grantRegionRole(
  db: AnyDb,
  accountId: string,
  regionId: string,
  role: 'street_admin' | 'district_admin' | 'city_admin',
  title: string | null,
): Promise<void> {
  const d = db as Kysely<Database>;
  const existing = await d
    .selectFrom('region_membership')
    .select('id')
    .where('account_id', '=', accountId)
    .where('region_id', '=', regionId)
    .executeTakeFirst();
  if (existing) {
    await d.updateTable('region_membership').set({ role, title }).where('id', '=', existing.id).execute();
    return;
  }
  await d
    .insertInto('region_membership')
    .values({
      id: uuidv7(),
      region_id: regionId,
      account_id: accountId,
      role,
      title,
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** The ids of the communities under a region (a street, a district or a city), in id order. One query. */
export async function communityIdsUnderRegion(db: AnyDb, regionId: string): Promise<string[]> {
  const d = db as Kysely<Database>;
  const rows = await d
    .selectFrom('community as c')
    .innerJoin('region as s', 's.id', 'c.street_id')
    .leftJoin('region as dist', 'dist.id', 's.parent_id')
    .select('c.id')
    .where((eb) =>
      eb.or([eb('s.id', '=', regionId), eb('dist.id', '=', regionId), eb('dist.parent_id', '=', regionId)]),
    )
    .orderBy('c.id')
    .execute();
  return rows.map((r) => r.id);
}

/** The account's region memberships with their regions, oldest first. */
export async function regionMemberships(db: AnyDb, accountId: string) {
  return (db as Kysely<Database>)
    .selectFrom('region_membership as m')
    .innerJoin('region as r', 'r.id', 'm.region_id')
    .select(['m.id', 'm.role', 'm.title', 'r.id as region_id', 'r.kind', 'r.name'])
    .where('m.account_id', '=', accountId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}
