// Errors that know nothing of HTTP; one table, grouped by area, maps each code to a status.
import { joinAreas } from './areas.ts';

// Each area's codes with their HTTP statuses; joinAreas refuses a code that two areas both define.
const platform = {
  validation: 400,
  nul_character: 400,
  forbidden: 403,
  out_of_scope: 403,
  not_found: 404,
  conflict: 409,
  has_dependents: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  unpacked_too_large: 413,
  file_too_complex: 413,
  rate_limited: 429,
  internal: 500,
} as const;

const auth = {
  unauthenticated: 401,
  bad_credentials: 401,
  csrf: 403,
  // Passwords and first setup (issue 16).
  password_too_short: 400,
  password_too_long: 400,
  password_common: 400,
  password_contains_phone: 400,
  password_wrong: 400, // the current password, when changing one's own: 400, not 401 (the session is fine)
  password_reset_code_invalid: 400,
  setup_link_invalid: 403,
  setup_done: 409,
  setup_phone_taken: 409,
} as const;

const twoFactor = {
  sign_in_wait: 429,
  two_factor_bad_code: 401,
  two_factor_expired: 401,
  two_factor_enrolment_required: 403,
  two_factor_not_started: 409,
  two_factor_already_on: 409,
  two_factor_not_on: 409,
  two_factor_reset_self: 409,
} as const;

const registry = {
  duplicate_id_number: 409,
} as const;

const volunteers = {
  duplicate_volunteer: 409,
  session_full: 409,
  session_closed: 409,
  volunteer_not_approved: 409,
  outside_policy_ages: 409,
  guardian_consent_pending: 409,
  guardian_consent_none: 409,
  guardian_consent_already: 409,
} as const;

const needs = {
  bad_transition: 409,
  not_eligible: 409,
  need_not_accepted: 409,
  need_not_started: 409,
} as const;

const pairings = {
  not_your_pairing: 403,
  volunteer_not_eligible: 409,
  pairing_ended: 409,
  visit_already_logged: 409,
} as const;

const appointments = {
  slot_full: 409,
  already_booked: 409,
  slot_not_offered: 409,
  slot_passed: 409,
  booking_too_late: 409,
  booking_too_early: 409,
  booking_not_cancellable: 409,
  service_closed: 409,
} as const;

const wechat = {
  bad_signature: 403,
  stale_request: 403,
} as const;

const activities = {
  activity_not_eligible: 409,
  activity_not_changeable: 409,
  already_signed_up: 409,
  not_signed_up: 409,
  signup_closed: 409,
  signup_not_saved: 503,
  checkin_code_invalid: 403,
  checkin_not_open: 409,
  already_checked_in: 409,
  already_checked_out: 409,
  not_checked_in: 409,
} as const;

const selfservice = {
  swap_not_open: 409,
  swap_own: 409,
  answer_closed: 409,
} as const;

const hours = {
  hours_overlap: 409,
  hours_duplicate: 409,
  correction_conflict: 409,
  dispute_resolved: 409,
} as const;

const records = {
  certificate_revoked: 409,
  insufficient_points: 409,
  out_of_stock: 409,
} as const;

const recognition = {
  already_nominated: 409,
  already_decided: 409,
  notice_closed: 409,
  nothing_to_publish: 409,
} as const;

const badges = {
  badge_exists: 409,
  badge_not_active: 409,
  badge_consent_required: 409,
} as const;

const classroom = {
  classroom_not_on_rota: 403,
  classroom_pickup_refused: 403,
  classroom_already_in: 409,
  classroom_already_out: 409,
  classroom_not_in: 409,
  classroom_not_enrolled: 409,
  classroom_session_closed: 409,
  classroom_alert_cleared: 409,
  classroom_pickup_locked: 423,
  classroom_not_today: 403,
  classroom_children_inside: 409,
} as const;

const homecare = {
  homecare_taken: 409,
  homecare_task_not_open: 409,
  homecare_shift_not_open: 409,
  homecare_shift_not_started: 409,
  homecare_stay_ended: 409,
  homecare_not_on_list: 404,
  homecare_already_confirmed: 409,
  homecare_already_on_list: 409,
  homecare_run_closed: 409,
  homecare_run_outstanding: 409,
  homecare_shift_clash: 409,
} as const;

const classroomSwap = {
  rota_swap_past: 409,
  rota_swap_not_on_rota: 409,
  rota_swap_already_on: 409,
} as const;

const notices = {
  notice_no_one: 422,
  notice_confirm_large: 409,
  notice_urgent_refused: 403,
} as const;

const regions = {
  region_empty: 409,
  not_a_member: 403,
  region_session: 403,
  office_account_exists: 409,
  office_account_self: 409,
} as const;

// Projects, selections (评选) and 小小志愿者 (issue 15).
const casestudy = {
  selection_not_nominating: 409,
  selection_not_voting: 409,
  selection_already_voted: 409,
  selection_not_on_ballot: 409,
  selection_not_open: 409,
  selection_not_closed: 409,
  selection_already_published: 409,
  selection_consent_missing: 409,
  junior_adult_required: 409,
  junior_adult_invalid: 409,
} as const;

// The one gate for every assignment (domain/volunteers/work-policy.ts).
const eligibility = {
  work_not_eligible: 409,
  work_override_refused: 409,
  work_not_started: 409,
} as const;

const publicity = {
  announcement_not_draft: 409,
  announcement_not_published: 409,
  announcement_source_gone: 409,
  activity_not_published: 409,
} as const;

const notifications = {
  outbox_not_failed: 409,
  outbox_code_not_resent: 409,
  wechat_not_configured: 409,
} as const;

export const ERROR_STATUS = joinAreas('Error code', {
  platform,
  auth,
  twoFactor,
  registry,
  volunteers,
  needs,
  pairings,
  appointments,
  wechat,
  activities,
  hours,
  records,
  recognition,
  badges,
  classroom,
  homecare,
  eligibility,
  selfservice,
  classroomSwap,
  publicity,
  notices,
  notifications,
  regions,
  casestudy,
});
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Values the message template uses, and field-level problems. */
    readonly details: { fields?: FieldProblem[]; [k: string]: unknown } = {},
  ) {
    super(code);
  }
}
