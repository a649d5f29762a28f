// Units and organisations in the area (驻区单位 and 社会组织).
import { z } from 'zod';
import { localDate, mobile } from '../registry/schemas.ts';

export const UNIT_KINDS = [
  'school',
  'party_school',
  'hospital',
  'company',
  'residents_committee',
  'youth_league',
  'womens_federation',
  'elderly_association',
  'disabled_association',
  'social_org',
  'social_enterprise',
  'volunteer_org',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const unitInput = z.object({
  name: text(60).min(1, 'invalid.required'),
  kind: z.enum(UNIT_KINDS),
  address: text(120).nullish(),
  contactName: text(30).nullish(),
  contactPhone: mobile.nullish(),
});
export type UnitInput = z.infer<typeof unitInput>;
export const unitPatch = unitInput.partial();
export type UnitPatch = z.infer<typeof unitPatch>;

export const unitItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  volunteers: z.number(),
  teams: z.number(),
});

// The federation of social organisations (社会组织联合会): units of a federation kind with their membership.
// Its members are units (an organisation of the area with a contact, volunteers and teams), not a second list.
export const FEDERATION_KINDS = ['social_org', 'social_enterprise', 'volunteer_org'] as const;
export const FEDERATION_STATUSES = ['active', 'suspended', 'left'] as const;

const federationFields = z.object({
  name: text(60).min(1, 'invalid.required'),
  kind: z.enum(FEDERATION_KINDS),
  registrationNo: text(40).nullish(),
  address: text(120).nullish(),
  contactName: text(30).nullish(),
  contactPhone: mobile.nullish(),
  services: text(300).nullish(),
  joinedOn: localDate,
  status: z.enum(FEDERATION_STATUSES),
});
export const federationInput = federationFields.extend({ status: z.enum(FEDERATION_STATUSES).default('active') });
export type FederationInput = z.infer<typeof federationInput>;
export const federationPatch = federationFields.partial();
export type FederationPatch = z.infer<typeof federationPatch>;

export const federationItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  registrationNo: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Whole for those who manage the federation, masked (138****0001) for those who only read it. */
  contactPhone: z.string().nullable(),
  services: z.string().nullable(),
  joinedOn: z.string().nullable(),
  status: z.string(),
  volunteers: z.number(),
  teams: z.number(),
});
