// Tables of the activities area: series, activities, shifts, sign-ups, programmes, images and the feed.
// Times are ISO-8601 UTC text; booleans are 0/1.

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
  /** 小小志愿者 (0/1): minors sign up with an accompanying adult. */
  junior_volunteers?: number;
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
  /** 小小志愿者: the minor's accompanying adult, a resident of their household or a volunteer on the shift. */
  companion_resident_id?: string | null;
  companion_volunteer_id?: string | null;
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

export interface ActivitiesTables {
  activity_series: ActivitySeriesTable;
  activity: ActivityTable;
  activity_shift: ActivityShiftTable;
  activity_signup: ActivitySignupTable;
  activity_programme_item: ActivityProgrammeItemTable;
  activity_image: ActivityImageTable;
  activity_feed: ActivityFeedTable;
}
