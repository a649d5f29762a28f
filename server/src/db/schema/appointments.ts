// Tables of the appointments area: bookable services, providers, schedules, slots and bookings.
// Times are ISO-8601 UTC text; booleans are 0/1.

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

export interface AppointmentsTables {
  appointment_service: AppointmentServiceTable;
  appointment_provider: AppointmentProviderTable;
  appointment_schedule: AppointmentScheduleTable;
  appointment_slot: AppointmentSlotTable;
  appointment_booking: AppointmentBookingTable;
  appointment_feed: AppointmentFeedTable;
}
