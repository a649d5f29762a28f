// From form values to the API's payloads: a full one for a new resident, only the changes for an edit.
import type { Dayjs } from 'dayjs';
import type { Gender, NewResident, Relation, Resident, SpecialGroup } from '../../api/types.ts';

export interface ResidentFormValues {
  householdId: string;
  name: string;
  gender: Gender;
  birthDate: Dayjs;
  phone?: string;
  idNumber?: string;
  relationToHead: Relation;
  specialGroups?: SpecialGroup[];
  health?: { conditions?: string[]; note?: string };
  disability?: { kind?: string; grade?: '1' | '2' | '3' | '4'; certificateNo?: string };
  note?: string;
}

const clean = (s: string | undefined) => s?.trim() || undefined;

function health(v: ResidentFormValues): NewResident['health'] {
  const conditions = (v.health?.conditions ?? []).map((c) => c.trim()).filter(Boolean);
  const note = clean(v.health?.note);
  return conditions.length || note ? { conditions, ...(note ? { note } : {}) } : undefined;
}

function disability(v: ResidentFormValues): NewResident['disability'] {
  const kind = clean(v.disability?.kind);
  if (!kind) return undefined;
  const certificateNo = clean(v.disability?.certificateNo);
  return {
    kind,
    ...(v.disability?.grade ? { grade: v.disability.grade } : {}),
    ...(certificateNo ? { certificateNo } : {}),
  };
}

export function newResidentPayload(v: ResidentFormValues): NewResident {
  return {
    householdId: v.householdId,
    name: v.name.trim(),
    gender: v.gender,
    birthDate: v.birthDate.format('YYYY-MM-DD'),
    phone: clean(v.phone) ?? null,
    idNumber: clean(v.idNumber)?.toUpperCase() ?? null,
    relationToHead: v.relationToHead,
    specialGroups: v.specialGroups ?? [],
    health: health(v) ?? null,
    disability: disability(v) ?? null,
    note: clean(v.note) ?? null,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Blank ID number, phone (when it was masked), health and disability mean "leave as it is". */
export function residentPatch(v: ResidentFormValues, before: Resident): Partial<NewResident> {
  const p: Partial<NewResident> = {};
  if (v.name.trim() !== before.name) p.name = v.name.trim();
  if (v.gender !== before.gender) p.gender = v.gender;
  const bd = v.birthDate.format('YYYY-MM-DD');
  if (bd !== before.birthDate) p.birthDate = bd;
  if (v.relationToHead !== before.relationToHead) p.relationToHead = v.relationToHead;
  const phone = clean(v.phone);
  const phoneWasMasked = !!before.phone?.includes('*');
  if (phone && phone !== before.phone) p.phone = phone;
  if (!phone && before.phone && !phoneWasMasked) p.phone = null;
  const id = clean(v.idNumber);
  if (id) p.idNumber = id.toUpperCase();
  const groups = v.specialGroups ?? [];
  if (!sameSet(groups, before.specialGroups)) p.specialGroups = groups;
  const h = health(v);
  if (h) p.health = h;
  const d = disability(v);
  if (d) p.disability = d;
  if ((clean(v.note) ?? null) !== (before.note || null)) p.note = clean(v.note) ?? null;
  return p;
}
