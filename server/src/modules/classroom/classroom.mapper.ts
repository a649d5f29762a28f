// Rows of the 4:30 classroom as the API shows them (the views in domain/classroom/schemas.ts). A field not named
// here never leaves the server: codes' hashes, pickup tries, who typed what.
import type {
  AdultView,
  AlertView,
  BoardAdultView,
  BoardChildView,
  BoardState,
  ChildStatus,
  ChildView,
  LogView,
  OutMethod,
  RotaTutorView,
  SessionBaseView,
} from '../../../../domain/classroom/schemas.ts';
import type { Gender } from '../../../../domain/registry/special-groups.ts';
import { maskPhone } from '../../../../domain/shared/phone.ts';
import type {
  ClassroomAdultTable,
  ClassroomAlertTable,
  ClassroomAttendanceTable,
  ClassroomChildTable,
  ClassroomSessionTable,
} from '../../db/schema/classroom.ts';

type Attendance = Omit<ClassroomAttendanceTable, 'pickup_misses'>;

export function adultView(a: ClassroomAdultTable): AdultView {
  return {
    id: a.id,
    name: a.name,
    relation: a.relation,
    phone: a.phone,
    isGuardian: a.is_guardian === 1,
    active: a.active === 1,
    codeSetAt: a.code_set_at,
  };
}

export function childView(c: ClassroomChildTable, adults: readonly ClassroomAdultTable[]): ChildView {
  return {
    id: c.id,
    name: c.name,
    gender: c.gender as Gender,
    birthDate: c.birth_date,
    school: c.school,
    grade: c.grade,
    residentId: c.resident_id,
    householdId: c.household_id,
    weekdays: c.weekdays,
    enrolledOn: c.enrolled_on,
    leftOn: c.left_on,
    status: c.status as ChildStatus,
    consentBy: c.consent_by,
    consentRelation: c.consent_relation,
    consentAt: c.consent_at,
    note: c.note,
    adults: adults.map(adultView),
  };
}

export function rotaTutorView(r: { volunteer_id: string; name: string; present: number | null }): RotaTutorView {
  return { volunteerId: r.volunteer_id, name: r.name, present: r.present === null ? null : r.present === 1 };
}

type RotaRow = Parameters<typeof rotaTutorView>[0];

export function sessionView(s: ClassroomSessionTable, rota: readonly RotaRow[]): SessionBaseView {
  return {
    id: s.id,
    date: s.date,
    starts: s.starts,
    expectedBy: s.expected_by,
    ends: s.ends,
    place: s.place,
    closedAt: s.closed_at,
    rota: rota.map(rotaTutorView),
  };
}

/** An adult on the day's board: the phone masked, and only whether a code is set. */
export function boardAdultView(a: ClassroomAdultTable): BoardAdultView {
  return {
    id: a.id,
    name: a.name,
    relation: a.relation,
    phone: maskPhone(a.phone),
    isGuardian: a.is_guardian === 1,
    hasCode: !!a.code_hash,
  };
}

export function boardChildView(
  c: ClassroomChildTable,
  state: BoardState,
  a: Attendance | undefined,
  collectedBy: string | null,
  adults: readonly ClassroomAdultTable[],
): BoardChildView {
  return {
    id: c.id,
    name: c.name,
    grade: c.grade,
    school: c.school,
    state,
    checkedInAt: a?.checked_in_at ?? null,
    checkedInBy: a?.checked_in_by_name ?? null,
    checkedOutAt: a?.checked_out_at ?? null,
    checkedOutBy: a?.checked_out_by_name ?? null,
    collectedBy,
    outMethod: (a?.out_method ?? null) as OutMethod | null,
    absentNote: a?.absent_note ?? null,
    adults: adults.map(boardAdultView),
  };
}

export function alertView(a: ClassroomAlertTable, childName: string): AlertView {
  return {
    id: a.id,
    childId: a.child_id,
    childName,
    raisedAt: a.raised_at,
    clearedAt: a.cleared_at,
    clearedBy: a.cleared_by_name,
    note: a.note,
  };
}

export function logView(l: {
  id: string;
  session_id: string;
  date: string;
  author_name: string;
  child_id: string | null;
  child_name: string | null;
  subject: string;
  content: string;
  created_at: string;
}): LogView {
  return {
    id: l.id,
    sessionId: l.session_id,
    date: l.date,
    author: l.author_name,
    childId: l.child_id,
    childName: l.child_name,
    subject: l.subject,
    content: l.content,
    createdAt: l.created_at,
  };
}
