// Tables of recognition: star-level notices and awards, consents, nominations and published commendations.
// Times are ISO-8601 UTC text; booleans are 0/1.

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

export interface RecognitionTables {
  recognition_settings: RecognitionSettingsTable;
  star_notice: StarNoticeTable;
  star_award: StarAwardTable;
  recognition_consent: RecognitionConsentTable;
  recognition_nomination: RecognitionNominationTable;
  recognition_publication: RecognitionPublicationTable;
  health_check: HealthCheckTable;
}

/** The yearly health check of a commended volunteer: booked, then done or missed. note_enc: sealed by FieldCipher. */
export interface HealthCheckTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  year: number;
  check_date: string;
  check_time: string | null;
  place: string;
  status: string;
  note_enc: string | null;
  result_at: string | null;
  booked_by: string | null;
  booked_by_name: string;
  created_at: string;
  updated_at: string;
}
