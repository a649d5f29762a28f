// Shapes the registry API answers with (see the API contract of the foundation issue).
import type { ResidentListItem as DomainResidentListItem } from '../../../../../domain/registry/schemas.ts';
import type { ConsentPurpose, Gender, Relation, SpecialGroup } from '../../../../../domain/registry/special-groups.ts';

export type { ConsentPurpose, Gender, Relation, SpecialGroup };
export type ResidentListItem = DomainResidentListItem;

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RegistrySummary {
  grids: number;
  buildings: number;
  households: number;
  dibaoHouseholds: number;
  residents: number;
  residentsAged60Plus: number;
  specialGroups: Partial<Record<string, number>>;
}

export interface Grid {
  id: string;
  code: string;
  name: string;
  leaderName: string | null;
  buildings: number;
  households: number;
  residents: number;
}

export interface Building {
  id: string;
  number: string;
  street: string;
  gridId: string;
  gridName: string;
  households: number;
}

export interface HouseholdListItem {
  id: string;
  buildingId: string;
  buildingNumber: string;
  unit: string;
  room: string;
  address: string;
  gridId: string;
  isMigrant: boolean;
  dibao: boolean | null;
  memberCount: number;
  headName: string | null;
}

export interface Household extends HouseholdListItem {
  note: string | null;
  members: ResidentListItem[];
  createdAt?: string;
  updatedAt?: string;
}

/** What a POST that creates something answers with (201). */
export interface Created {
  id: string;
}

export interface FamilyContact {
  id: string;
  name: string;
  relation: string;
  phone: string;
  isPrimary: boolean;
}

export interface Consent {
  id: string;
  purpose: ConsentPurpose | string;
  givenByName: string;
  givenByRelation: string;
  givenAt: string;
  withdrawnAt: string | null;
  note: string | null;
}

export interface Resident extends ResidentListItem {
  relationToHead: Relation | string;
  note: string | null;
  status: string;
  /** null: masked for this role (whether there is anything to reveal is itself withheld). */
  hasHealth: boolean | null;
  hasDisability: boolean | null;
  householdDibao: boolean | null;
  familyContacts: FamilyContact[];
  consents: Consent[];
  createdAt: string;
  updatedAt: string;
}

export interface SensitiveInfo {
  idNumber: string | null;
  health: { conditions: string[]; note?: string | null } | null;
  disability: { kind: string; grade?: string | null; certificateNo?: string | null } | null;
  dibao: boolean | null;
}

export interface ResidentFilters {
  q?: string;
  gridId?: string;
  buildingId?: string;
  householdId?: string;
  group?: SpecialGroup;
  gender?: Gender;
  ageMin?: number;
  ageMax?: number;
  dibao?: boolean;
}

export interface HouseholdFilters {
  gridId?: string;
  buildingId?: string;
  dibao?: boolean;
  isMigrant?: boolean;
}

/** The server answers { rows, residents, households: { created, existing } }. */
export interface ImportResult {
  rows?: number;
  residents: number;
  households: number | { created: number; existing: number };
}

export interface NewBuilding {
  gridId: string;
  number: string;
  street: string;
}
export interface NewHousehold {
  buildingId: string;
  unit: string;
  room: string;
  isMigrant: boolean;
  dibao?: boolean;
  note?: string | null;
}
export interface NewResident {
  householdId: string;
  name: string;
  gender: Gender;
  birthDate: string;
  phone?: string | null;
  idNumber?: string | null;
  relationToHead: Relation;
  specialGroups: SpecialGroup[];
  health?: { conditions: string[]; note?: string } | null;
  disability?: { kind: string; grade?: '1' | '2' | '3' | '4'; certificateNo?: string } | null;
  note?: string | null;
}
export interface NewContact {
  name: string;
  relation: string;
  phone: string;
  isPrimary: boolean;
}
export interface NewConsent {
  purpose: ConsentPurpose;
  givenByName: string;
  givenByRelation: string;
  note?: string | null;
}
