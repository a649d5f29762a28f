// Rows → response shapes. ID numbers leave only masked; the reveal is a separate, audited call.
import { ageOn } from '../../../../domain/shared/dates.ts';
import type { VolunteerListItem } from '../../../../domain/volunteers/schemas.ts';
import type { VolunteerRow } from './volunteers.repository.ts';

export function toVolunteerListItem(r: VolunteerRow, today: string): VolunteerListItem {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as 'male' | 'female',
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, today),
    phone: r.phone,
    idNumber: r.id_number_masked,
    status: r.status as VolunteerListItem['status'],
    fitness: r.fitness as VolunteerListItem['fitness'],
    politicalStatus: r.political_status as VolunteerListItem['politicalStatus'],
    recruitedVia: r.recruited_via as VolunteerListItem['recruitedVia'],
    unitId: r.unit_id,
    unitName: r.unit_name ?? null,
    residentId: r.resident_id,
    createdAt: r.created_at,
    socialWorkerName: r.social_worker_name ?? null,
  };
}

export function toSkill(s: {
  skill_code: string;
  category: string;
  level: string;
  licence_no: string | null;
  licence_expires_on: string | null;
}) {
  return {
    code: s.skill_code,
    category: s.category,
    level: s.level,
    licenceNo: s.licence_no,
    licenceExpiresOn: s.licence_expires_on,
  };
}

export function toTraining(c: { title: string; issued_on: string; expires_on: string | null }, today: string) {
  return {
    courseTitle: c.title,
    issuedOn: c.issued_on,
    expiresOn: c.expires_on,
    valid: c.expires_on === null || c.expires_on >= today,
  };
}

export function toCover(p: { insurer: string; policy_no: string; starts_on: string; ends_on: string }, today: string) {
  return {
    insurer: p.insurer,
    policyNo: p.policy_no,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    valid: p.starts_on <= today && p.ends_on >= today,
  };
}
