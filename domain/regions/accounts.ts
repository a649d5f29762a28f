// The office accounts of a street, district or city (街道/区/市级管理员): who an office adds, and what the list shows.
import { z } from 'zod';
import { mobile, personName } from '../registry/schemas.ts';
import { uuid } from '../shared/schemas.ts';
import { REGION_ROLES } from '../access/roles.ts';

/** An office adds a colleague, or the admin of an office under it: the role follows the region's kind. */
export const officeAccountInput = z.strictObject({
  phone: mobile,
  name: personName,
  regionId: uuid,
  title: z.string().trim().max(30, 'invalid.tooLong').nullish(),
});
export type OfficeAccountInput = z.infer<typeof officeAccountInput>;

export const officeAccountView = z.object({
  /** The membership's id: removing it takes the role away, the account stays. */
  id: z.string(),
  name: z.string(),
  /** Masked: an office needs to know who, not to call them from the list. */
  phone: z.string().nullable(),
  role: z.enum(REGION_ROLES),
  title: z.string().nullable(),
  region: z.object({ id: z.string(), kind: z.enum(['city', 'district', 'street']), name: z.string() }),
  createdAt: z.string(),
  /** The signed-in office's own membership (it cannot remove itself). */
  self: z.boolean(),
});
export type OfficeAccountView = z.infer<typeof officeAccountView>;

/** The role an office account gets in a region of this kind. */
export const ROLE_OF_REGION = { street: 'street_admin', district: 'district_admin', city: 'city_admin' } as const;
