// Rows → response shapes. What a caller without `registry.sensitive` gets is decided here, once.
import { ageOn } from '../../../../domain/shared/dates.ts';
import { SENSITIVE_GROUPS, type SpecialGroup } from '../../../../domain/registry/special-groups.ts';
import type { HouseholdRow, ResidentRow } from './registry.repository.ts';

export interface Visibility {
  sensitive: boolean;
  today: string;
  dibaoTrue: string;
  decodeTag: Map<string, SpecialGroup>;
}

export function address(r: { street: string; building_number: string; unit: string; room: string }): string {
  return `${r.street}${r.building_number}${r.unit}单元${r.room}室`;
}

export function groupsFor(v: Visibility, tags: string[]): SpecialGroup[] {
  return tags
    .map((t) => v.decodeTag.get(t))
    .filter((g): g is SpecialGroup => !!g && (v.sensitive || !SENSITIVE_GROUPS.has(g)));
}

export function toResidentListItem(v: Visibility, r: ResidentRow, tags: string[]) {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender as 'male' | 'female',
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, v.today),
    phone: r.phone,
    householdId: r.household_id,
    gridId: r.grid_id,
    address: address(r),
    specialGroups: groupsFor(v, tags),
    idNumber: r.id_number_masked,
  };
}

export function toHousehold(v: Visibility, h: HouseholdRow) {
  return {
    id: h.id,
    buildingId: h.building_id,
    buildingNumber: h.building_number,
    unit: h.unit,
    room: h.room,
    address: address(h),
    gridId: h.grid_id,
    isMigrant: h.is_migrant === 1,
    dibao: v.sensitive ? h.dibao_token === v.dibaoTrue : null,
    memberCount: Number(h.member_count ?? 0),
    headName: h.head_name ?? null,
  };
}
