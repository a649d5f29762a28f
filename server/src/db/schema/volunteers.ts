// Tables of the volunteers area: units, volunteers and guardians, skills, party members and posts, teams,
// training, insurance, availability and service types.
// Times are ISO-8601 UTC text; booleans are 0/1.
import type { ColumnType } from 'kysely';

export interface UnitTable {
  community_id: string;
  id: string;
  name: string;
  kind: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  created_at: string;
  /** Federation (社会组织联合会) membership: null status = not a member. */
  registration_no?: string | null;
  services?: string | null;
  joined_on?: string | null;
  federation_status?: string | null;
}

export interface VolunteerTable {
  community_id: string;
  id: string;
  resident_id: string | null;
  account_id: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: string;
  birth_date: string;
  phone: string;
  id_number_enc: string;
  id_number_token: string;
  id_number_masked: string;
  fitness: string;
  political_status: string;
  status: string;
  registered_via: string;
  recruited_via: string;
  recruit_unit_id: string | null;
  unit_id: string | null;
  card_token: string;
  consent_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
  /** The responsible social worker (社工带志愿者): a staff account of the community, at most one. */
  social_worker_id?: string | null;
}

/** The volunteer-service leadership group (志愿服务工作领导小组): a community account or a named person. */
export interface LeadershipMemberTable {
  community_id: string;
  id: string;
  position: string;
  account_id: string | null;
  name: string | null;
  title: string | null;
  duty: string | null;
  sort: number;
  created_at: string;
}

export interface VolunteerGuardianTable {
  community_id: string;
  volunteer_id: string;
  name: string;
  phone: string;
  relation: string;
  /** When the registration declared the guardian (typed in by whoever registered). */
  consent_at: string;
  covers_data: number;
  /** pending until the guardian confirms (SMS code) or staff record the paper form; withdrawn by either. */
  state: ColumnType<string, string | undefined, string>;
  confirmed_via?: string | null;
  confirmed_at?: string | null;
  confirmed_by?: string | null;
  paper_signed_on?: string | null;
  scan_id?: string | null;
  withdrawn_at?: string | null;
  withdrawn_via?: string | null;
  withdrawn_by?: string | null;
  withdrawal_note?: string | null;
  code_sent_at?: string | null;
}

export interface VolunteerGuardianScanTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  mime: string;
  bytes: number;
  /** base64 */
  data: string;
  created_by: string;
  created_at: string;
}

export interface VolunteerSkillTable {
  community_id: string;
  volunteer_id: string;
  skill_code: string;
  category: string;
  level: string;
  licence_no: string | null;
  licence_expires_on: string | null;
  created_at: string;
}

export interface PartyMemberTable {
  community_id: string;
  volunteer_id: string;
  kind: string;
  is_public_servant: number;
  party_org: string;
  work_unit: string | null;
  grid_id: string | null;
  joined_on: string | null;
}

export interface PartyPostTable {
  community_id: string;
  id: string;
  title: string;
  description: string | null;
  capacity: number | null;
  created_at: string;
}

export interface PartyReportTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  reported_on: string;
  unit_party_org: string;
  created_at: string;
}

export interface PartyReportPostTable {
  community_id: string;
  report_id: string;
  post_id: string;
}

export interface TeamTable {
  community_id: string;
  id: string;
  name: string;
  kind: string;
  unit_id: string | null;
  description: string | null;
  created_at: string;
}

export interface TeamMemberTable {
  community_id: string;
  team_id: string;
  volunteer_id: string;
  role: string;
  status: string;
  requested_at: string;
  decided_at: string | null;
}

export interface TrainingCourseTable {
  community_id: string;
  id: string;
  code: string;
  title: string;
  validity_months: number | null;
  description: string | null;
  created_at: string;
}

export interface TrainingSessionTable {
  community_id: string;
  id: string;
  course_id: string;
  starts_at: string;
  ends_at: string;
  place: string;
  trainer: string | null;
  capacity: number | null;
  created_at: string;
}

export interface TrainingAttendanceTable {
  community_id: string;
  session_id: string;
  volunteer_id: string;
  status: string;
  updated_at: string;
}

export interface TrainingCertificateTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  course_id: string;
  session_id: string | null;
  issued_on: string;
  expires_on: string | null;
  created_at: string;
  notified_on: string | null;
}

export interface InsurancePolicyTable {
  community_id: string;
  id: string;
  insurer: string;
  policy_no: string;
  starts_on: string;
  ends_on: string;
  cover: string;
  min_age: number | null;
  max_age: number | null;
  created_at: string;
}

export interface InsuranceCoverTable {
  community_id: string;
  policy_id: string;
  volunteer_id: string;
  added_at: string;
  notified_on: string | null;
}

export interface AvailabilitySlotTable {
  community_id: string;
  volunteer_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}

export interface AvailabilityBlackoutTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  from_date: string;
  to_date: string;
  reason: string | null;
}

export interface ServiceTypeTable {
  community_id: string;
  id: string;
  code: string;
  name: string;
  min_age: number;
  max_age: number;
  min_fitness: string;
  night: number;
  needs_insurance: number;
  training_course_id: string | null;
  skill_code: string | null;
  description: string | null;
  created_at: string;
}

export interface VolunteersTables {
  unit: UnitTable;
  leadership_member: LeadershipMemberTable;
  volunteer: VolunteerTable;
  volunteer_guardian: VolunteerGuardianTable;
  volunteer_guardian_scan: VolunteerGuardianScanTable;
  volunteer_skill: VolunteerSkillTable;
  party_member: PartyMemberTable;
  party_post: PartyPostTable;
  party_report: PartyReportTable;
  party_report_post: PartyReportPostTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  training_course: TrainingCourseTable;
  training_session: TrainingSessionTable;
  training_attendance: TrainingAttendanceTable;
  training_certificate: TrainingCertificateTable;
  insurance_policy: InsurancePolicyTable;
  insurance_cover: InsuranceCoverTable;
  availability_slot: AvailabilitySlotTable;
  availability_blackout: AvailabilityBlackoutTable;
  service_type: ServiceTypeTable;
}
