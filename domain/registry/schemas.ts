// Input and output shapes of the registry, shared by server (validation, OpenAPI) and web (forms).
// Messages that are keys (e.g. 'invalid.phone') are translated by the server's i18n table.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { MOBILE_RE } from '../shared/phone.ts';
import { isRealDate } from '../shared/dates.ts';
import { parseIdNumber } from '../shared/id-number.ts';
import { CONSENT_PURPOSES, GENDERS, RELATIONS, SPECIAL_GROUPS } from './special-groups.ts';

// Chinese names, minority names with the middle dot, and Latin-script names; nothing that could be markup or SQL.
export const PERSON_NAME_RE = /^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·• .'-]{0,29}$/u;

export const personName = z
  .string()
  .trim()
  .min(1, 'invalid.required')
  .max(30, 'invalid.nameTooLong')
  .regex(PERSON_NAME_RE, 'invalid.personName');
export const mobile = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .pipe(z.string().regex(MOBILE_RE, 'invalid.phone'));
export const localDate = z.string().refine(isRealDate, 'invalid.date');
export const birthDate = localDate.refine(
  (d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10),
  'invalid.birthDate',
);
export const idNumber = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((v, ctx) => {
    const r = parseIdNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `invalid.idNumber.${r.problem}` });
  });
const shortText = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const healthInput = z.object({ conditions: z.array(shortText(40)).max(20), note: shortText(500).optional() });
export const disabilityInput = z.object({
  kind: shortText(20),
  grade: z.enum(['1', '2', '3', '4']).optional(),
  certificateNo: shortText(30).optional(),
});

export const residentFields = z.object({
  householdId: uuid,
  name: personName,
  gender: z.enum(GENDERS),
  birthDate,
  phone: mobile.nullish(),
  idNumber: idNumber.nullish(),
  relationToHead: z.enum(RELATIONS),
  specialGroups: z.array(z.enum(SPECIAL_GROUPS)).max(SPECIAL_GROUPS.length).default([]),
  health: healthInput.nullish(),
  disability: disabilityInput.nullish(),
  note: shortText(500).nullish(),
});
/** A new resident: the ID number, if given, must agree with the birth date and gender. */
export const residentInput = residentFields.superRefine((r, ctx) => {
  if (!r.idNumber) return;
  const p = parseIdNumber(r.idNumber);
  if (p.ok && p.id.birthDate !== r.birthDate)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'invalid.idNumber.birthDateMismatch' });
  if (p.ok && p.id.gender !== r.gender)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'invalid.idNumber.genderMismatch' });
});
export type ResidentInput = z.infer<typeof residentInput>;
/** An edit: any field; the service checks the ID number against the stored birth date and gender. */
export const residentPatch = residentFields
  .partial()
  .extend({ specialGroups: z.array(z.enum(SPECIAL_GROUPS)).max(SPECIAL_GROUPS.length).optional() });

export const householdInput = z.object({
  buildingId: uuid,
  unit: shortText(10).min(1, 'invalid.required'),
  room: shortText(10).min(1, 'invalid.required'),
  isMigrant: z.boolean().default(false),
  dibao: z.boolean().default(false),
  note: shortText(500).nullish(),
});
export type HouseholdInput = z.infer<typeof householdInput>;
// No defaults here: a missing field in an edit means "unchanged", never "false".
export const householdPatch = z.object({
  buildingId: uuid.optional(),
  unit: shortText(10).min(1, 'invalid.required').optional(),
  room: shortText(10).min(1, 'invalid.required').optional(),
  isMigrant: z.boolean().optional(),
  dibao: z.boolean().optional(),
  note: shortText(500).nullish(),
});

export const buildingInput = z.object({
  gridId: uuid,
  number: shortText(20).min(1, 'invalid.required'),
  street: shortText(40).min(1, 'invalid.required'),
});

export const familyContactInput = z.object({
  name: personName,
  relation: shortText(10).min(1, 'invalid.required'),
  phone: mobile,
  isPrimary: z.boolean().default(false),
});

/** Why a resident leaves the registry: moved out of the community, or died. Their record stays, no longer active. */
export const RESIDENT_LEFT_STATUSES = ['moved_out', 'deceased'] as const;
export type ResidentLeftStatus = (typeof RESIDENT_LEFT_STATUSES)[number];
export const residentLeftInput = z.object({
  status: z.enum(RESIDENT_LEFT_STATUSES),
  note: shortText(200).nullish(),
});

export const consentInput = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  givenByName: personName,
  givenByRelation: shortText(10).min(1, 'invalid.required'),
  givenAt: z.string().datetime({ offset: true }).optional(),
  note: shortText(200).nullish(),
});

const boolish = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

export const residentQuery = z.object({
  q: z.string().trim().max(30, 'invalid.tooLong').optional(),
  gridId: uuid.optional(),
  buildingId: uuid.optional(),
  householdId: uuid.optional(),
  group: z.enum(SPECIAL_GROUPS).optional(),
  gender: z.enum(GENDERS).optional(),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  dibao: boolish.optional(),
  ...paging(50),
});
export type ResidentQuery = z.infer<typeof residentQuery>;

export const householdQuery = z.object({
  gridId: uuid.optional(),
  buildingId: uuid.optional(),
  dibao: boolish.optional(),
  isMigrant: boolish.optional(),
  ...paging(50),
});
export type HouseholdQuery = z.infer<typeof householdQuery>;

export const registrySummary = z.object({
  grids: z.number(),
  buildings: z.number(),
  households: z.number(),
  dibaoHouseholds: z.number(),
  residents: z.number(),
  residentsAged60Plus: z.number(),
  specialGroups: z.record(z.string(), z.number()),
});
export type RegistrySummary = z.infer<typeof registrySummary>;

export const residentListItem = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  age: z.number(),
  phone: z.string().nullable(),
  householdId: z.string(),
  gridId: z.string(),
  address: z.string(),
  specialGroups: z.array(z.string()),
  idNumber: z.string().nullable(),
});
export type ResidentListItem = z.infer<typeof residentListItem>;
export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
