// The one record of service: a contact is one resident (or household) helped, its kind, when, and by whom.

export interface ContactTable {
  community_id: string;
  id: string;
  /** A ContactKind (domain/contacts/kinds.ts). */
  kind: string;
  /** Null when the help reached the household as a whole (a survey visit, a child's classroom session). */
  resident_id: string | null;
  household_id: string;
  /** Local (Shanghai) date of the help. */
  occurred_on: string;
  /** The instant, when known. */
  occurred_at: string | null;
  /** The volunteer who served, when one did; staff and grid leaders serve too. */
  volunteer_id: string | null;
  served_by: string;
  /** The record of the work itself (need, visit, booking, task…): one contact per kind, source and subject. */
  source_id: string;
  /** resident_id, or household_id when there is none: unique with kind and source (NULLs never collide). */
  subject_id: string;
  created_at: string;
}

/**
 * Per subject (resident or household) of the record of service: its last contact day and that day's kind (the
 * greatest kind name when the day holds several). Kept by ContactService in the same transaction as each contact.
 */
export interface ContactSubjectTable {
  community_id: string;
  subject_id: string;
  last_on: string;
  last_kind: string;
}

/** Per subject and month (YYYY-MM of occurred_on): how many contacts. Kept by ContactService like contact_subject. */
export interface ContactSubjectMonthTable {
  community_id: string;
  subject_id: string;
  month: string;
  contacts: number;
}

/** Per day (occurred_on) and kind: how many contacts, for the counts per kind over a window. Kept like the others. */
export interface ContactDayKindTable {
  community_id: string;
  occurred_on: string;
  kind: string;
  contacts: number;
}

export interface ContactsTables {
  contact: ContactTable;
  contact_subject: ContactSubjectTable;
  contact_subject_month: ContactSubjectMonthTable;
  contact_day_kind: ContactDayKindTable;
}
