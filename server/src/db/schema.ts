// Row types of every table, as Kysely sees them. Times are ISO-8601 UTC text; booleans are 0/1.
import type { BadgesTables } from './schema-badges.ts';
import type { ClassroomTables } from './schema-classroom.ts';
import type { HomecareTables } from './schema-homecare.ts';

export interface CommunityTable {
  id: string;
  name: string;
  district: string;
  city: string;
  time_zone: string;
  created_at: string;
  volunteer_min_age?: number;
  volunteer_max_age?: number;
}
export interface AccountTable {
  id: string;
  phone: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}
export interface GridTable {
  community_id: string;
  id: string;
  code: string;
  name: string;
  created_at: string;
}
export interface MembershipTable {
  community_id: string;
  id: string;
  account_id: string;
  role: string;
  title: string | null;
  grid_id: string | null;
  team_id: string | null;
  unit_id: string | null;
  resident_id: string | null;
  created_at: string;
}
export interface SessionTable {
  token_hash: string;
  account_id: string;
  active_community_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}
export interface SignInCodeTable {
  id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
}
export interface NotificationOutboxTable {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  payload: string;
  status: string;
  created_at: string;
  sent_at: string | null;
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
export interface AuditLogTable {
  community_id: string;
  seq: number;
  at: string;
  actor_account_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}
export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: string;
  finished_at: string | null;
}

// ---- volunteers ----
export interface UnitTable {
  community_id: string;
  id: string;
  name: string;
  kind: string;
  address: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  created_at: string;
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
}
export interface VolunteerGuardianTable {
  community_id: string;
  volunteer_id: string;
  name: string;
  phone: string;
  relation: string;
  consent_at: string;
  covers_data: number;
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

export interface NeedTable {
  community_id: string;
  id: string;
  resident_id: string;
  household_id: string;
  grid_id: string;
  channel: string;
  category: string;
  skill_code: string | null;
  service_type_id: string | null;
  urgency: string;
  preferred_date: string | null;
  preferred_start: number | null;
  preferred_end: number | null;
  preferred_gender: string | null;
  place: string | null;
  description: string;
  caller_phone: string | null;
  status: string;
  volunteer_id: string | null;
  scheduled_for: string | null;
  close_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  created_by: string | null;
  created_at: string;
  matched_at: string | null;
  done_at: string | null;
  closed_at: string | null;
  updated_at: string;
}
export interface NeedEventTable {
  community_id: string;
  id: string;
  need_id: string;
  from_status: string | null;
  to_status: string;
  volunteer_id: string | null;
  note: string | null;
  account_id: string | null;
  actor_name: string;
  at: string;
}
export interface SurveyVisitTable {
  community_id: string;
  id: string;
  household_id: string;
  grid_id: string;
  visited_on: string;
  visitor_account_id: string | null;
  visitor_name: string;
  note: string | null;
  created_at: string;
}
export interface SurveyNeedTable {
  community_id: string;
  visit_id: string;
  category: string;
  note: string | null;
}
export interface MatchPreferenceTable {
  community_id: string;
  resident_id: string;
  volunteer_id: string;
  kind: string;
  created_at: string;
}

// ---- appointments ----
export interface AppointmentServiceTable {
  community_id: string;
  id: string;
  name: string;
  kind: string;
  description: string | null;
  place: string;
  slot_minutes: number;
  places_per_slot: number;
  window_days: number;
  notice_hours: number;
  active: number;
  created_at: string;
  updated_at: string;
}
export interface AppointmentProviderTable {
  community_id: string;
  service_id: string;
  volunteer_id: string;
}
export interface AppointmentScheduleTable {
  community_id: string;
  id: string;
  service_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
  month_week: number | null;
  place: string | null;
}
export interface AppointmentSlotTable {
  community_id: string;
  service_id: string;
  starts_at: string;
  ends_at: string;
  place: string;
  places: number;
  booked: number;
}
export interface AppointmentBookingTable {
  community_id: string;
  id: string;
  service_id: string;
  slot_start: string;
  resident_id: string;
  status: string;
  channel: string;
  booked_by: string | null;
  note: string | null;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  reminded_at: string | null;
}
export interface AppointmentFeedTable {
  community_id: string;
  volunteer_id: string;
  token: string;
  created_at: string;
}

// ---- pairings and the left-out monitor ----
export interface PairingTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  resident_id: string;
  item: string;
  item_note: string | null;
  place: string;
  rrule: string;
  starts_on: string;
  ends_on: string | null;
  service_type_id: string | null;
  note: string | null;
  status: string;
  ended_on: string | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface PairingVisitTable {
  community_id: string;
  id: string;
  pairing_id: string;
  volunteer_id: string;
  resident_id: string;
  visited_on: string;
  minutes: number;
  notes: string | null;
  logged_by: string | null;
  logged_by_name: string;
  logged_at: string;
}
export interface LeftOutAlertTable {
  community_id: string;
  resident_id: string;
  silent_since: string;
  alerted_on: string;
  days_silent: number;
  created_at: string;
}

// ---- WeChat official account ----
export interface WechatInboundTable {
  community_id: string;
  key: string;
  openid: string;
  received_at: string;
}
export interface WechatBindingTable {
  community_id: string;
  openid: string;
  phone: string;
  resident_id: string | null;
  menu: string | null;
  menu_at: string | null;
  bound_at: string;
  updated_at: string;
}
export interface WechatBindCodeTable {
  community_id: string;
  openid: string;
  phone: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
}

// ---- the hours ledger (issue 5) ----
export interface HoursEntryTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  source: string;
  source_id: string;
  service_date: string;
  started_at: string | null;
  ended_at: string | null;
  raw_minutes: number;
  minutes: number;
  kind: string;
  description: string;
  corrects_id: string | null;
  corrected_by: string | null;
  review_reason: string | null;
  note: string | null;
  recorded_by: string | null;
  recorded_by_name: string;
  created_at: string;
  status: string;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_at: string | null;
}
export interface HoursTotalTable {
  community_id: string;
  volunteer_id: string;
  credit_minutes: number;
  honour_minutes: number;
  pending_minutes: number;
  entries: number;
  last_service_date: string | null;
  updated_at: string;
}
export interface HoursDisputeTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  entry_id: string | null;
  service_date: string;
  reason: string;
  status: string;
  created_at: string;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
  resolution: string | null;
}
export interface HoursSettingsTable {
  community_id: string;
  rounding_unit: number | null;
  rounding_mode: string | null;
  star_thresholds: string;
  points_per_hour: number;
  points_daily_cap: number | null;
  points_total_cap: number | null;
  updated_by: string | null;
  updated_at: string;
}

// ---- recognition (issue 5) ----
export interface RecognitionSettingsTable {
  community_id: string;
  notice_days: number;
  updated_by: string | null;
  updated_at: string;
}
export interface StarNoticeTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  level: number;
  credit_minutes: number;
  teams: string;
  opens_on: string;
  ends_on: string;
  status: string;
  withdraw_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  created_at: string;
}
export interface StarAwardTable {
  community_id: string;
  volunteer_id: string;
  level: number;
  awarded_on: string;
  notice_id: string;
  updated_at: string;
}
export interface RecognitionConsentTable {
  community_id: string;
  volunteer_id: string;
  publish: number;
  source: string;
  recorded_by: string | null;
  recorded_by_name: string;
  updated_at: string;
}
export interface RecognitionNominationTable {
  community_id: string;
  id: string;
  quarter: string;
  volunteer_id: string;
  team_id: string | null;
  reason: string;
  score: number;
  parts: string;
  credit_minutes: number;
  nominated_by: string;
  nominated_by_name: string;
  nominated_at: string;
  status: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
}
export interface RecognitionPublicationTable {
  community_id: string;
  quarter: string;
  published_at: string;
  published_by: string;
  published_by_name: string;
}

// ---- activities (issue 5) ----
export interface ActivitySeriesTable {
  community_id: string;
  id: string;
  rule: string;
  start_date: string;
  until_date: string | null;
  template: string;
  generated_to: string;
  created_by: string | null;
  created_at: string;
}
export interface ActivityTable {
  community_id: string;
  id: string;
  kind: string;
  title: string;
  description: string | null;
  organiser_team_id: string | null;
  organiser_unit_id: string | null;
  place: string;
  lat: number | null;
  lng: number | null;
  tolerance_m: number | null;
  date: string;
  starts_at: string;
  ends_at: string;
  service_type_id: string | null;
  status: string;
  series_id: string | null;
  template_key: string | null;
  audience_count: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface ActivityShiftTable {
  community_id: string;
  id: string;
  activity_id: string;
  position: number;
  name: string;
  starts_at: string;
  ends_at: string;
  places: number;
  taken: number;
}
export interface ActivitySignupTable {
  community_id: string;
  id: string;
  activity_id: string;
  shift_id: string;
  volunteer_id: string;
  status: string;
  channel: string;
  signed_up_by: string | null;
  created_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  cancelled_by: string | null;
  reminded_day_at: string | null;
  reminded_soon_at: string | null;
  checked_in_at: string | null;
  checkin_method: string | null;
  checkin_distance_m: number | null;
  checked_out_at: string | null;
  checkout_method: string | null;
  review_reason: string | null;
  hours_entry_id: string | null;
  minutes: number | null;
}
export interface ActivityProgrammeItemTable {
  community_id: string;
  id: string;
  activity_id: string;
  position: number;
  title: string;
  genre: string;
  performers: string;
}
export interface ActivityImageTable {
  community_id: string;
  id: string;
  activity_id: string;
  role: string;
  mime: string;
  bytes: number;
  data: string;
  created_at: string;
}
export interface ActivityFeedTable {
  community_id: string;
  volunteer_id: string;
  token: string;
  created_at: string;
}

// ---- certificates and points (issue 5, records) ----
export interface CertificateSettingsTable {
  community_id: string;
  issuer_name: string;
  responsible_person: string;
  handler_name: string;
  contact_phone: string;
  prefix: string;
  updated_by: string | null;
  updated_at: string;
}
export interface CertificateCounterTable {
  community_id: string;
  year: number;
  last_seq: number;
}
export interface CertificateTable {
  community_id: string;
  id: string;
  number: string;
  volunteer_id: string;
  token: string;
  period_from: string;
  period_to: string;
  service_minutes: number;
  honour_minutes: number;
  snapshot: string;
  status: string;
  issued_on: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_name: string;
  handler_name: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}
export interface PointsBalanceTable {
  community_id: string;
  volunteer_id: string;
  balance: number;
  earned: number;
  debt: number;
  updated_at: string;
}
export interface PointsDayTable {
  community_id: string;
  volunteer_id: string;
  service_date: string;
  minutes: number;
  points: number;
}
export interface PointsTxnTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  kind: string;
  points: number;
  shortfall: number;
  service_date: string | null;
  entry_id: string | null;
  redemption_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
export interface PointsPostingTable {
  community_id: string;
  txn_id: string;
  line: number;
  account: string;
  amount: number;
}
export interface SupermarketItemTable {
  community_id: string;
  id: string;
  name: string;
  price_points: number;
  stock: number;
  active: number;
  created_at: string;
  updated_at: string;
}
export interface SupermarketRedemptionTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  points: number;
  txn_id: string;
  handled_by: string | null;
  handled_by_name: string;
  created_at: string;
}
export interface SupermarketRedemptionLineTable {
  community_id: string;
  redemption_id: string;
  item_id: string;
  item_name: string;
  quantity: number;
  price_points: number;
}
export interface SupermarketStockMoveTable {
  community_id: string;
  id: string;
  item_id: string;
  quantity: number;
  reason: string;
  redemption_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

// Issue 6's areas keep their tables in their own files.
export interface Database extends BadgesTables, ClassroomTables, HomecareTables {
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
  unit: UnitTable;
  volunteer: VolunteerTable;
  volunteer_guardian: VolunteerGuardianTable;
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
  need: NeedTable;
  need_event: NeedEventTable;
  survey_visit: SurveyVisitTable;
  survey_need: SurveyNeedTable;
  match_preference: MatchPreferenceTable;
  appointment_service: AppointmentServiceTable;
  appointment_provider: AppointmentProviderTable;
  appointment_schedule: AppointmentScheduleTable;
  appointment_slot: AppointmentSlotTable;
  appointment_booking: AppointmentBookingTable;
  appointment_feed: AppointmentFeedTable;
  pairing: PairingTable;
  pairing_visit: PairingVisitTable;
  left_out_alert: LeftOutAlertTable;
  wechat_inbound: WechatInboundTable;
  wechat_binding: WechatBindingTable;
  wechat_bind_code: WechatBindCodeTable;
  hours_entry: HoursEntryTable;
  hours_total: HoursTotalTable;
  hours_settings: HoursSettingsTable;
  hours_dispute: HoursDisputeTable;
  certificate_settings: CertificateSettingsTable;
  certificate_counter: CertificateCounterTable;
  certificate: CertificateTable;
  points_balance: PointsBalanceTable;
  points_day: PointsDayTable;
  points_txn: PointsTxnTable;
  points_posting: PointsPostingTable;
  supermarket_item: SupermarketItemTable;
  supermarket_redemption: SupermarketRedemptionTable;
  supermarket_redemption_line: SupermarketRedemptionLineTable;
  supermarket_stock_move: SupermarketStockMoveTable;
  activity_series: ActivitySeriesTable;
  activity: ActivityTable;
  activity_shift: ActivityShiftTable;
  activity_signup: ActivitySignupTable;
  activity_programme_item: ActivityProgrammeItemTable;
  activity_image: ActivityImageTable;
  activity_feed: ActivityFeedTable;
  recognition_settings: RecognitionSettingsTable;
  star_notice: StarNoticeTable;
  star_award: StarAwardTable;
  recognition_consent: RecognitionConsentTable;
  recognition_nomination: RecognitionNominationTable;
  recognition_publication: RecognitionPublicationTable;
}
