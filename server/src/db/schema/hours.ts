// Tables of the hours ledger: entries (append-only), totals, objections and the rules.
// Times are ISO-8601 UTC text; booleans are 0/1.

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

export interface HoursTables {
  hours_entry: HoursEntryTable;
  hours_total: HoursTotalTable;
  hours_dispute: HoursDisputeTable;
  hours_settings: HoursSettingsTable;
}
