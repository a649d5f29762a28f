// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC text; booleans are 0/1.

export interface CommunityTable { id: string; name: string; district: string; city: string; time_zone: string; created_at: string }
export interface AccountTable {
  id: string; phone: string; name: string; password_hash: string | null; locale: string | null;
  failed_sign_ins: number; locked_until: string | null; disabled: number; created_at: string;
}
export interface GridTable { community_id: string; id: string; code: string; name: string; created_at: string }
export interface MembershipTable {
  community_id: string; id: string; account_id: string; role: string; title: string | null;
  grid_id: string | null; team_id: string | null; unit_id: string | null; resident_id: string | null; created_at: string;
}
export interface SessionTable {
  token_hash: string; account_id: string; active_community_id: string; csrf_token: string; ip: string | null;
  user_agent: string | null; created_at: string; last_seen_at: string; expires_at: string;
}
export interface SignInCodeTable {
  id: string; phone: string; code_hash: string; attempts: number; expires_at: string; consumed_at: string | null; created_at: string;
}
export interface NotificationOutboxTable {
  id: string; channel: string; recipient: string; template: string; payload: string; status: string; created_at: string; sent_at: string | null;
}
export interface BuildingTable { community_id: string; id: string; grid_id: string; number: string; street: string; created_at: string }
export interface HouseholdTable {
  community_id: string; id: string; building_id: string; grid_id: string; unit: string; room: string; is_migrant: number;
  dibao_enc: string | null; dibao_token: string | null; note: string | null; created_at: string; updated_at: string;
}
export interface ResidentTable {
  community_id: string; id: string; household_id: string; grid_id: string; name: string; name_pinyin: string; name_initials: string;
  gender: string; birth_date: string; phone: string | null; relation_to_head: string; id_number_enc: string | null;
  id_number_token: string | null; id_number_masked: string | null; health_enc: string | null; disability_enc: string | null;
  note: string | null; status: string; created_at: string; updated_at: string;
}
export interface ResidentTagTable { community_id: string; resident_id: string; tag: string }
export interface FamilyContactTable {
  community_id: string; id: string; resident_id: string; name: string; relation: string; phone: string; is_primary: number; created_at: string;
}
export interface ConsentRecordTable {
  community_id: string; id: string; resident_id: string; purpose: string; given_by_name: string; given_by_relation: string;
  given_at: string; withdrawn_at: string | null; recorded_by: string; note: string | null;
}
export interface AuditLogTable {
  community_id: string; seq: number; at: string; actor_account_id: string | null; actor_name: string; actor_role: string | null;
  action: string; entity_type: string; entity_id: string | null; detail: string; ip: string | null; user_agent: string | null;
  prev_hash: string; hash: string;
}
export interface JobTable {
  id: string; kind: string; payload: string; status: string; run_at: string; attempts: number; max_attempts: number;
  locked_by: string | null; locked_until: string | null; last_error: string | null; unique_key: string | null; created_at: string; finished_at: string | null;
}

export interface Database {
  community: CommunityTable;
  account: AccountTable;
  grid: GridTable;
  membership: MembershipTable;
  session: SessionTable;
  sign_in_code: SignInCodeTable;
  notification_outbox: NotificationOutboxTable;
  building: BuildingTable;
  household: HouseholdTable;
  resident: ResidentTable;
  resident_tag: ResidentTagTable;
  family_contact: FamilyContactTable;
  consent_record: ConsentRecordTable;
  audit_log: AuditLogTable;
  job: JobTable;
}
