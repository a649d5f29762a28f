// Service certificates (志愿服务记录证明): what one states and how its parts are formed. The contents follow
// 民发〔2015〕149号 (china-rules.md §1): the volunteer's identity (name, ID type and number, volunteer number),
// the service (hours and content), the issuer (name, responsible person, handler, contact), the number and
// date. A certificate is a snapshot: later corrections to the ledger never change one already issued.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { isRealDate } from '../shared/dates.ts';

/** The only ID type the registry holds today: the resident identity card. */
export const ID_TYPE_LABEL = '居民身份证';
/** As the 2020 Measures name the document; the community, a 基层群众性自治组织, may issue it. */
export const CERTIFICATE_TITLE = '志愿服务记录证明';

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** Sequential per community and year: XG-2026-000123. */
export function certificateNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/** A name as a public page shows it: 刘红梅 → 刘*梅, 张三 → 张*, 欧阳文华 → 欧**华. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * The volunteer number printed on the certificate. The registry has no number of its own yet (the national
 * system's 志愿者编号 belongs here once records are synced), so it is the community prefix and the random
 * tail of the volunteer's id: stable, unique in the community, and revealing nothing.
 */
export function volunteerNumber(prefix: string, volunteerId: string): string {
  return `${prefix}-V${volunteerId.replace(/-/g, '').slice(-10).toUpperCase()}`;
}

/** A default certificate prefix from the community's name initials (西关社区 → XG). */
export function defaultPrefix(initials: string): string {
  const p = initials.toUpperCase().replace(/[^A-Z]/g, '');
  // Drop the initials of the trailing 社区 (sq) when the name has it.
  const trimmed = p.length > 2 && p.endsWith('SQ') ? p.slice(0, -2) : p;
  return (trimmed || 'LL').slice(0, 4);
}

/** "12 小时 30 分" style figures are read poorly by elders; certificates print hours with up to two decimals. */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 100) / 100;
  return `${h}`;
}

/** One line of the service summary: verified credit entries grouped by what the service was. */
export interface ServiceLine {
  source: string;
  description: string;
  entries: number;
  minutes: number;
  firstDate: string;
  lastDate: string;
}

export interface CertificateSnapshot {
  title: string;
  number: string;
  issuedOn: string;
  volunteer: { name: string; idType: string; idMasked: string; number: string };
  period: { from: string; to: string };
  /** Verified credit (service) only: pending and honour minutes are never counted as service. */
  serviceMinutes: number;
  lines: ServiceLine[];
  /** Honour hours in the period, listed apart and labelled as such; not service. */
  honourMinutes: number;
  issuer: { name: string; responsible: string; handler: string; phone: string | null };
}

// ---------------------------------------------------------------------------------------------- schemas

const localDate = z.string().refine(isRealDate, 'invalid.date');
const period = {
  from: localDate.optional(),
  to: localDate.optional(),
};
const periodRefine = <T extends { from?: string; to?: string }>(v: T) => !(v.from && v.to) || v.from <= v.to;

export const requestInput = z
  .object(period)
  .refine(periodRefine, { message: 'certificates.periodReversed', path: ['to'] });
export const issueInput = z
  .object({ volunteerId: uuid, ...period })
  .refine(periodRefine, { message: 'certificates.periodReversed', path: ['to'] });
export const revokeInput = z.object({
  reason: z.string().trim().min(2, 'certificates.reasonRequired').max(200, 'invalid.tooLong'),
});
export const certificateQuery = z.object({
  volunteerId: uuid.optional(),
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  q: z.string().trim().max(40).optional(),
  ...paging(20),
});
export const settingsInput = z.object({
  issuerName: z.string().trim().min(2, 'invalid.required').max(40, 'invalid.tooLong'),
  responsiblePerson: z.string().trim().min(1, 'invalid.required').max(20, 'invalid.tooLong'),
  handlerName: z.string().trim().min(1, 'invalid.required').max(20, 'invalid.tooLong'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,20}$/, 'certificates.phoneInvalid'),
  prefix: z
    .string()
    .trim()
    .regex(/^[A-Z]{1,6}$/, 'certificates.prefixInvalid'),
});
export type CertificateSettingsInput = z.infer<typeof settingsInput>;

export const serviceLine = z.object({
  source: z.string(),
  description: z.string(),
  entries: z.number(),
  minutes: z.number(),
  firstDate: z.string(),
  lastDate: z.string(),
});
export const certificateView = z.object({
  id: z.string(),
  number: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  periodFrom: z.string(),
  periodTo: z.string(),
  serviceHours: z.number(),
  honourHours: z.number(),
  lines: z.array(serviceLine),
  issuedOn: z.string(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  handlerName: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
  verifyUrl: z.string(),
});
export type CertificateView = z.infer<typeof certificateView>;

/** What the public verify page shows: nothing that identifies the volunteer beyond a masked name. */
export const verifyView = z.object({
  title: z.string(),
  number: z.string(),
  maskedName: z.string(),
  issuer: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  periodFrom: z.string(),
  periodTo: z.string(),
  serviceHours: z.number(),
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type VerifyView = z.infer<typeof verifyView>;

/**
 * The settings as they stand, not as a save must be: until staff fill them in, a fresh community's defaults
 * (no phone yet, perhaps no admin to name) are answered as they are, for the form to complete.
 */
export const certificateSettingsView = z.object({
  issuerName: z.string(),
  responsiblePerson: z.string(),
  handlerName: z.string(),
  contactPhone: z.string(),
  prefix: z.string(),
  configured: z.boolean(),
});
