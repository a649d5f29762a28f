// Tables of the registry: communities (the tenant), grids, buildings, households, residents, their family
// contacts and consent records.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface CommunityTable {
  id: string;
  name: string;
  district: string;
  city: string;
  time_zone: string;
  created_at: string;
  volunteer_min_age?: number;
  volunteer_max_age?: number;
  /** The street office (region) the community belongs to. */
  street_id?: string | null;
  /** 1: community admins must sign in with two factors (the default for a new community). */
  two_factor_admins?: number;
  /** 1: staff (社工) must sign in with two factors. */
  two_factor_staff?: number;
}

export interface GridTable {
  community_id: string;
  id: string;
  code: string;
  name: string;
  created_at: string;
}

export interface BuildingTable {
  community_id: string;
  id: string;
  grid_id: string;
  number: string;
  street: string;
  created_at: string;
}

export interface HouseholdTable {
  community_id: string;
  id: string;
  building_id: string;
  grid_id: string;
  unit: string;
  room: string;
  is_migrant: number;
  dibao_enc: string | null;
  dibao_token: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  /** The day of the survey's last visit (null: never visited); kept by the needs module as it records a visit. */
  last_visited_on: string | null;
}

export interface ResidentTable {
  community_id: string;
  id: string;
  household_id: string;
  grid_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string;
  birth_date: string;
  phone: string | null;
  relation_to_head: string;
  id_number_enc: string | null;
  id_number_token: string | null;
  id_number_masked: string | null;
  health_enc: string | null;
  disability_enc: string | null;
  note: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ResidentTagTable {
  community_id: string;
  resident_id: string;
  tag: string;
}

export interface FamilyContactTable {
  community_id: string;
  id: string;
  resident_id: string;
  name: string;
  relation: string;
  phone: string;
  is_primary: number;
  created_at: string;
}

export interface ConsentRecordTable {
  community_id: string;
  id: string;
  resident_id: string;
  purpose: string;
  given_by_name: string;
  given_by_relation: string;
  given_at: string;
  withdrawn_at: string | null;
  recorded_by: string;
  note: string | null;
}

export interface RegistryTables {
  community: CommunityTable;
  grid: GridTable;
  building: BuildingTable;
  household: HouseholdTable;
  resident: ResidentTable;
  resident_tag: ResidentTagTable;
  family_contact: FamilyContactTable;
  consent_record: ConsentRecordTable;
}
