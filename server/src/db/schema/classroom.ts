// Tables of the classroom area. Times are ISO UTC text, dates
// YYYY-MM-DD, session clock times HH:MM (Shanghai), booleans 0/1.
import type { ColumnType } from 'kysely';

export interface ClassroomChildTable {
  community_id: string;
  id: string;
  name: string;
  gender: string;
  birth_date: string;
  school: string;
  grade: string;
  resident_id: string | null;
  household_id: string | null;
  /** Weekdays attended, as digits 1 (Monday) … 5 (Friday), e.g. '12345'. */
  weekdays: string;
  enrolled_on: string;
  left_on: string | null;
  /** active | left */
  status: string;
  /** The guardian's consent to enrolment and to the child's data being kept (under-14: sensitive PI). */
  consent_by: string;
  consent_relation: string;
  consent_at: string;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClassroomAdultTable {
  community_id: string;
  id: string;
  child_id: string;
  name: string;
  relation: string;
  phone: string;
  is_guardian: number;
  /** sha256 of community, adult and the 6-digit code; the code itself is shown once when set. */
  code_hash: string | null;
  code_set_at: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ClassroomSessionTable {
  community_id: string;
  id: string;
  date: string;
  starts: string;
  expected_by: string;
  ends: string;
  place: string;
  closed_at: string | null;
  closed_by_name: string | null;
  created_at: string;
}

export interface ClassroomRotaTable {
  community_id: string;
  session_id: string;
  volunteer_id: string;
  /** Set when the session is closed: 1 came (hours recorded), 0 did not; null before. */
  present: number | null;
}

export interface ClassroomAttendanceTable {
  community_id: string;
  session_id: string;
  child_id: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  checked_in_by_name: string | null;
  checked_out_at: string | null;
  checked_out_by: string | null;
  checked_out_by_name: string | null;
  out_adult_id: string | null;
  /** code | phone */
  out_method: string | null;
  absent_reported_at: string | null;
  absent_by_name: string | null;
  absent_note: string | null;
  /** Tutors' pickup tries (and anyone's misses) this session; defaults to 0 on insert. */
  pickup_misses: ColumnType<number, number | undefined, number>;
}

export interface ClassroomAlertTable {
  community_id: string;
  id: string;
  session_id: string;
  child_id: string;
  raised_at: string;
  cleared_at: string | null;
  cleared_by: string | null;
  cleared_by_name: string | null;
  note: string | null;
}

export interface ClassroomLogTable {
  community_id: string;
  id: string;
  session_id: string;
  volunteer_id: string | null;
  author_name: string;
  child_id: string | null;
  subject: string;
  content: string;
  created_at: string;
}

/** A child who came (at least one check-in) in a calendar year (yyyy of the session's date). Kept by the check-in
 *  (ClassroomService, the only writer of check-ins) in its transaction; see modules/classroom/classroom.rollup.ts. */
export interface ClassroomChildYearTable {
  community_id: string;
  year: string;
  child_id: string;
}

/** A day (the session's date) when at least one child was checked in: a session held. Kept like the above. */
export interface ClassroomDayHeldTable {
  community_id: string;
  date: string;
}

export interface ClassroomTables {
  classroom_child: ClassroomChildTable;
  classroom_adult: ClassroomAdultTable;
  classroom_session: ClassroomSessionTable;
  classroom_rota: ClassroomRotaTable;
  classroom_attendance: ClassroomAttendanceTable;
  classroom_alert: ClassroomAlertTable;
  classroom_log: ClassroomLogTable;
  classroom_child_year: ClassroomChildYearTable;
  classroom_day_held: ClassroomDayHeldTable;
}
