// Input and output shapes of volunteer registration and the volunteer record, shared by server and web.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import { GENDERS } from '../registry/special-groups.ts';
import { birthDate, idNumber, localDate, mobile, personName } from '../registry/schemas.ts';
import { parseIdNumber } from '../shared/id-number.ts';
import { FITNESS } from './eligibility.ts';
import { SKILL_BY_CODE, SKILL_LEVELS } from './skills.ts';

export const POLITICAL_STATUSES = ['party_member', 'league_member', 'masses'] as const;
export const RECRUITED_VIA = [
  'residents_committee',
  'youth_league',
  'womens_federation',
  'elderly_association',
  'disabled_association',
  'unit',
  'party',
  'self',
] as const;
export const VOLUNTEER_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const GUARDIAN_RELATIONS = ['father', 'mother', 'grandparent', 'other'] as const;

const shortText = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const skillInput = z.object({
  code: z.string().refine((c) => SKILL_BY_CODE.has(c), 'invalid.value'),
  level: z.enum(SKILL_LEVELS),
  licenceNo: shortText(40).nullish(),
  licenceExpiresOn: localDate.nullish(),
});
export type SkillInput = z.infer<typeof skillInput>;

export const weeklySlot = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startMinute: z.number().int().min(0).max(1439),
    endMinute: z.number().int().min(1).max(1440),
  })
  .refine((s) => s.endMinute > s.startMinute, { message: 'invalid.value', path: ['endMinute'] });

export const guardianInput = z.object({ name: personName, phone: mobile, relation: z.enum(GUARDIAN_RELATIONS) });

const volunteerFields = z.object({
  name: personName,
  gender: z.enum(GENDERS),
  birthDate,
  phone: mobile,
  idNumber,
  fitness: z.enum(FITNESS),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  recruitedVia: z.enum(RECRUITED_VIA),
  unitId: uuid.nullish(),
  skills: z.array(skillInput).max(20).default([]),
  availability: z.array(weeklySlot).max(50).default([]),
  guardian: guardianInput.nullish(),
  note: shortText(500).nullish(),
});

function idAgrees(r: { idNumber?: string; birthDate?: string; gender?: string }, ctx: z.RefinementCtx) {
  if (!r.idNumber) return;
  const p = parseIdNumber(r.idNumber);
  if (p.ok && r.birthDate && p.id.birthDate !== r.birthDate)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'invalid.idNumber.birthDateMismatch' });
  if (p.ok && r.gender && p.id.gender !== r.gender)
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'invalid.idNumber.genderMismatch' });
}

/** Staff register a volunteer for someone who cannot. */
export const volunteerInput = volunteerFields.superRefine(idAgrees);
export type VolunteerInput = z.infer<typeof volunteerInput>;

/** Self-registration from a phone: a code sent to the phone, the community, and consent. */
export const volunteerRegistration = volunteerFields
  .extend({
    communityId: uuid,
    code: z.string().regex(/^\d{6}$/, 'invalid.value'),
    consent: z.literal(true, 'volunteer.consentRequired'),
  })
  .superRefine(idAgrees);
export type VolunteerRegistration = z.infer<typeof volunteerRegistration>;

export const volunteerPatch = z.object({
  name: personName.optional(),
  phone: mobile.optional(),
  fitness: z.enum(FITNESS).optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  recruitedVia: z.enum(RECRUITED_VIA).optional(),
  unitId: uuid.nullable().optional(),
  /** Link to a resident of the community by hand, or null to unlink. */
  residentId: uuid.nullable().optional(),
  skills: z.array(skillInput).max(20).optional(),
  note: shortText(500).nullish(),
});
export type VolunteerPatch = z.infer<typeof volunteerPatch>;

const intQ = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export const volunteerQuery = z.object({
  q: shortText(40).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  unitId: uuid.optional(),
  teamId: uuid.optional(),
  /** 社工带志愿者: the volunteers of one social worker (an account id). */
  socialWorkerId: uuid.optional(),
  politicalStatus: z.enum(POLITICAL_STATUSES).optional(),
  recruitedVia: z.enum(RECRUITED_VIA).optional(),
  ageMin: intQ(0, 150).optional(),
  ageMax: intQ(0, 150).optional(),
  page: intQ(1, 100000).default(1),
  pageSize: intQ(1, 200).default(20),
});
export type VolunteerQuery = z.infer<typeof volunteerQuery>;

export const decisionInput = z.object({ note: shortText(500).nullish() });

export const volunteerListItem = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  age: z.number(),
  phone: z.string(),
  idNumber: z.string(),
  status: z.enum(VOLUNTEER_STATUSES),
  fitness: z.enum(FITNESS),
  politicalStatus: z.enum(POLITICAL_STATUSES),
  recruitedVia: z.enum(RECRUITED_VIA),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  residentId: z.string().nullable(),
  createdAt: z.string(),
  /** The responsible social worker's name (社工带志愿者), or null. */
  socialWorkerName: z.string().nullable(),
});
export type VolunteerListItem = z.infer<typeof volunteerListItem>;

// ---------------- the guardian's consent (a minor's registration) ----------------

export const GUARDIAN_CONSENT_STATES = ['pending', 'confirmed', 'withdrawn'] as const;
export type GuardianConsentState = (typeof GUARDIAN_CONSENT_STATES)[number];
/** How the consent was confirmed: the guardian entered the SMS code, the official account, or a paper form. */
export const GUARDIAN_CONSENT_METHODS = ['sms', 'wechat', 'paper'] as const;
export const GUARDIAN_WITHDRAWN_VIA = ['guardian', 'staff'] as const;
/** The scan of a paper form: an image or a PDF. */
export const CONSENT_SCAN_TYPES = ['image/png', 'image/jpeg', 'application/pdf'] as const;

export const guardianConsentView = z.object({
  state: z.enum(GUARDIAN_CONSENT_STATES),
  method: z.enum(GUARDIAN_CONSENT_METHODS).nullable(),
  confirmedAt: z.string().nullable(),
  /** The staff member who recorded a paper form (null when the guardian confirmed). */
  confirmedByName: z.string().nullable(),
  paperSignedOn: z.string().nullable(),
  scanId: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnVia: z.enum(GUARDIAN_WITHDRAWN_VIA).nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  codeSentAt: z.string().nullable(),
});
export type GuardianConsentView = z.infer<typeof guardianConsentView>;

/** Staff record a paper form (multipart fields beside the scan). */
export const paperConsentFields = z.object({
  signedOn: localDate,
  note: shortText(500).nullish(),
});
export const withdrawalInput = z.object({ note: shortText(500).nullish() });

/** The guardian's public page: a code sent to their phone proves it is theirs. */
export const guardianCodeRequest = z.object({ phone: mobile });
export const guardianProof = z.object({ phone: mobile, code: z.string().regex(/^\d{6}$/, 'invalid.value') });
export const guardianDecision = guardianProof.extend({
  volunteerId: uuid,
  decision: z.enum(['confirm', 'withdraw']),
});
export type GuardianDecision = z.infer<typeof guardianDecision>;
/** What a guardian sees about each child registered with their phone. */
export const guardianChild = z.object({
  volunteerId: z.string(),
  name: z.string(),
  communityName: z.string(),
  relation: z.string(),
  state: z.enum(GUARDIAN_CONSENT_STATES),
  method: z.enum(GUARDIAN_CONSENT_METHODS).nullable(),
  confirmedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});
export type GuardianChild = z.infer<typeof guardianChild>;

const skillOut = z.object({
  code: z.string(),
  category: z.string(),
  level: z.string(),
  licenceNo: z.string().nullable(),
  licenceExpiresOn: z.string().nullable(),
});
const teamOut = z.object({ id: z.string(), name: z.string(), role: z.string() });
export const volunteerDetail = volunteerListItem.extend({
  registeredVia: z.string(),
  note: z.string().nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
  accountId: z.string().nullable(),
  residentName: z.string().nullable(),
  guardian: z
    .object({
      name: z.string(),
      phone: z.string(),
      relation: z.string(),
      consentAt: z.string(),
      coversData: z.boolean(),
      consent: guardianConsentView,
    })
    .nullable(),
  skills: z.array(skillOut),
  teams: z.array(teamOut),
  availability: z.array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() })),
});
export type VolunteerDetail = z.infer<typeof volunteerDetail>;

export const volunteerIndicators = z.object({
  volunteers: z.number(),
  approved: z.number(),
  pending: z.number(),
  householdsWithVolunteer: z.number(),
  households: z.number(),
  share: z.number(),
  /** Households a volunteer served (any contact in the record of service) in the last year, and their share. */
  householdsServed: z.number(),
  servedShare: z.number(),
});

export const cardSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(VOLUNTEER_STATUSES),
  age: z.number(),
  unitName: z.string().nullable(),
  teams: z.array(teamOut),
  skills: z.array(skillOut),
  trainings: z.array(
    z.object({ courseTitle: z.string(), issuedOn: z.string(), expiresOn: z.string().nullable(), valid: z.boolean() }),
  ),
  insurance: z.array(
    z.object({
      insurer: z.string(),
      policyNo: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      valid: z.boolean(),
    }),
  ),
});
export type CardSummary = z.infer<typeof cardSummary>;

export const myVolunteer = z.object({
  profile: volunteerDetail,
  card: z.object({ token: z.string(), url: z.string(), qrSvg: z.string() }),
  summary: cardSummary,
});
export type MyVolunteer = z.infer<typeof myVolunteer>;
