// Tables of the three-fixed pairings, their visits, and the left-out monitor's alerts.
// Times are ISO-8601 UTC text; booleans are 0/1.

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

export interface PairingsTables {
  pairing: PairingTable;
  pairing_visit: PairingVisitTable;
  left_out_alert: LeftOutAlertTable;
}
