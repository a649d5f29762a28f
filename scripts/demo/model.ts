// The demo community as plain objects, before ids and encryption: what the generator decides about each
// person. Kept apart from the database rows so the decisions can be read (and tested) on their own.
import type { ConsentPurpose, SpecialGroup } from '../../domain/registry/special-groups.ts';
import type { HouseholdModel, Member } from './households.ts';

export interface Health {
  conditions: string[];
  note?: string;
}
export interface Disability {
  kind: string;
  grade: '1' | '2' | '3' | '4';
  certificateNo?: string;
}

/** Someone an elder's family can be reached through (a child, usually). */
export interface Contact {
  name: string;
  relation: string;
  phone: string;
  isPrimary: boolean;
}

export interface Consent {
  purpose: ConsentPurpose;
  givenByName: string;
  givenByRelation: string;
  givenAt: string;
}

/** A registered resident with everything the registry records about them. */
export interface Person extends Member {
  household: HouseholdModel;
  groups: Set<SpecialGroup>;
  health: Health | null;
  disability: Disability | null;
  phone: string | null;
  idNumber: string | null;
  /** Residents of the community who are this elder's children (at home or, for one story, nearby). */
  childResidents: Person[];
  contacts: Contact[];
  consents: Consent[];
}
