// Tables of the homecare area: home care tasks, hospital stays and their shifts, holiday delivery runs.

/**
 * A home care task for a named resident: a quilt sewn, a bath, a haircut; open for a volunteer to take, or
 * assigned.
 */
export interface HomecareTaskTable {
  community_id: string;
  id: string;
  resident_id: string;
  kind: string;
  due_on: string;
  due_time: string | null;
  volunteer_id: string | null;
  status: string;
  note: string | null;
  repeat_days: number | null;
  minutes: number | null;
  done_at: string | null;
  done_note: string | null;
  hours_entry_id: string | null;
  cancel_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A resident's stay in hospital, around which accompaniment shifts (陪护) are arranged. */
export interface HospitalStayTable {
  community_id: string;
  id: string;
  resident_id: string;
  hospital: string;
  ward: string | null;
  admitted_on: string;
  expected_discharge_on: string;
  discharged_on: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface HospitalShiftTable {
  community_id: string;
  id: string;
  stay_id: string;
  starts_at: string;
  ends_at: string;
  volunteer_id: string | null;
  status: string;
  done_at: string | null;
  note: string | null;
  hours_entry_id: string | null;
}

/** A holiday delivery run (节日慰问): one festival, what is brought, to whom (special groups chosen). */
export interface DeliveryRunTable {
  community_id: string;
  id: string;
  festival: string;
  year: number;
  run_date: string;
  title: string;
  items: string;
  groups: string;
  status: string;
  created_by: string;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
  last_notice_on: string | null;
}

/** One resident on a run, with the address and groups as they were when the list was built. */
export interface DeliveryRecipientTable {
  community_id: string;
  run_id: string;
  resident_id: string;
  household_id: string;
  building: string;
  unit: string;
  room: string;
  groups: string;
  status: string;
  attempts: number;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  note: string | null;
  close_reason: string | null;
  added_reason: string | null;
}

/** A volunteer assigned to deliver in one building of a run. */
export interface DeliveryAssignmentTable {
  community_id: string;
  run_id: string;
  building: string;
  volunteer_id: string;
}

export interface HomecareTables {
  homecare_task: HomecareTaskTable;
  hospital_stay: HospitalStayTable;
  hospital_shift: HospitalShiftTable;
  delivery_run: DeliveryRunTable;
  delivery_recipient: DeliveryRecipientTable;
  delivery_assignment: DeliveryAssignmentTable;
}
