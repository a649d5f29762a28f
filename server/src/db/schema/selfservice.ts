// Tables of volunteers' self-service on activity sign-ups: answers to the day-before reminder, no-shows marked
// when check-in closes, and shift swaps. Times are ISO-8601 UTC text.

export interface ActivitySignupAnswerTable {
  community_id: string;
  signup_id: string;
  answer: string; // coming | not_coming
  answered_at: string;
}

export interface ActivityNoShowTable {
  community_id: string;
  signup_id: string;
  volunteer_id: string;
  shift_ends_at: string;
  marked_at: string;
}

export interface ActivitySwapTable {
  community_id: string;
  id: string;
  signup_id: string;
  activity_id: string;
  shift_id: string;
  offered_by: string;
  status: string; // open | taken | withdrawn
  note: string | null;
  created_at: string;
  taken_by: string | null;
  taken_signup_id: string | null;
  closed_at: string | null;
}

export interface SelfServiceTables {
  activity_signup_answer: ActivitySignupAnswerTable;
  activity_no_show: ActivityNoShowTable;
  activity_swap: ActivitySwapTable;
}
