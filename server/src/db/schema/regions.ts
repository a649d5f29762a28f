// Above the community (PRODUCT.md item 18): cities, districts and street offices, and who works in them.
// community.street_id links a community to its street office; session.active_region_id marks a region session.

export type RegionKind = 'city' | 'district' | 'street';

export interface RegionTable {
  id: string;
  kind: RegionKind;
  name: string;
  /** The district of a street, the city of a district; null for a city. */
  parent_id: string | null;
  created_at: string;
}

/** An account's role in a region (street_admin, district_admin, city_admin): figures only, never records. */
export interface RegionMembershipTable {
  id: string;
  region_id: string;
  account_id: string;
  role: string;
  title: string | null;
  created_at: string;
}

export interface RegionsTables {
  region: RegionTable;
  region_membership: RegionMembershipTable;
}
