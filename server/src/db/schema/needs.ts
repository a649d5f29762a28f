// Tables of the needs area: needs and their history, survey visits, and residents' match preferences.
// Times are ISO-8601 UTC text; booleans are 0/1.

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
  /** The matched volunteer said yes (null while they have not answered). */
  accepted_at: string | null;
  /** The last decline by a volunteer: when, who, why (staff read it; the need went back to matching). */
  declined_at: string | null;
  declined_by: string | null;
  decline_reason: string | null;
  /** Minutes the volunteer reported when done. */
  minutes: number | null;
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

export interface NeedsTables {
  need: NeedTable;
  need_event: NeedEventTable;
  survey_visit: SurveyVisitTable;
  survey_need: SurveyNeedTable;
  match_preference: MatchPreferenceTable;
}
