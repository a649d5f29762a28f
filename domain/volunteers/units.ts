// Units and organisations in the area (驻区单位 and 社会组织).
import { z } from 'zod';
import { mobile } from '../registry/schemas.ts';

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
