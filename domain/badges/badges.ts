// The love QR badge (爱心二维码): every elder of 60 or over whose consent is on file (or anyone who asks) may carry a
// card whose QR code opens a public page. Modelled on Japan's どこシル伝言板 (research/china-rules.md §5): the
// page shows a nickname and the family's cautions, offers a call to the family (the community's duty phone as
// fallback) and a message with an optional location; never the elder's name, address, ID number or health.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { MOBILE_RE } from '../shared/phone.ts';
import { consentInput } from '../registry/schemas.ts';
import { RELATION_LABELS } from '../registry/special-groups.ts';

export const BADGE_STATUSES = ['active', 'revoked', 'replaced'] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

/** 32 random bytes in base64url: 43 characters, 256 bits. */
export const TOKEN_BYTES = 32;
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
export const isBadgeToken = (s: string): boolean => TOKEN_RE.test(s);

/** The page's address; origin as the request saw it (scheme and host). */
export const badgeUrl = (origin: string, token: string): string => `${origin}/b/${token}`;

/** The age from which every resident is offered a badge (those tagged dementia or chronic illness marked so). */
export const SUGGEST_FROM_AGE = 60;

/**
 * The call button's label from a registry family contact's relation: one of the registry's relation codes
 * (RELATION_LABELS) or free text such as 儿子. A spouse is 老伴 to a finder; anything else unclear is 家人.
 */
export function contactLabel(relation: string): string {
  const r = relation.trim();
  if (r === 'spouse' || r === '配偶') return '老伴';
  if (r in RELATION_LABELS)
    return r === 'other' || r === 'head' ? '家人' : RELATION_LABELS[r as keyof typeof RELATION_LABELS].zh;
  return r && r.length <= 10 ? r : '家人';
}

/** Kin words a family may give for a contact, beyond the registry's codes, with their English. */
const KIN_EN: Record<string, string> = {
  老伴: 'Spouse',
  家人: 'Family',
  儿子: 'Son',
  女儿: 'Daughter',
  儿媳: 'Daughter-in-law',
  女婿: 'Son-in-law',
  孙子: 'Grandson',
  孙女: 'Granddaughter',
  外孙: 'Grandson',
  外孙女: 'Granddaughter',
  丈夫: 'Husband',
  妻子: 'Wife',
  哥哥: 'Brother',
  弟弟: 'Brother',
  姐姐: 'Sister',
  妹妹: 'Sister',
  侄子: 'Nephew',
  侄女: 'Niece',
  外甥: 'Nephew',
  外甥女: 'Niece',
  邻居: 'Neighbour',
  保姆: 'Carer',
  监护人: 'Guardian',
  ...Object.fromEntries(Object.values(RELATION_LABELS).map((l) => [l.zh, l.en])),
};

/**
 * A contact's label as the finder reads it: as stored (Chinese) for zh; for en, the English of a known kin word
 * (儿子 → Son), else the label as given (a name, say), which the family chose.
 */
export function contactLabelFor(label: string, locale: 'zh-CN' | 'en'): string {
  if (locale !== 'en') return label;
  return KIN_EN[label.trim()] ?? label;
}

export const MAX_CONTACTS = 5;
export const NICKNAME_MAX = 20;
export const CAUTIONS_MAX = 300;
export const MESSAGE_MAX = 300;
export const PLACE_MAX = 100;
/** Reloads by the same finder within this time are logged but not notified again. */
export const RENOTIFY_AFTER_MS = 5 * 60_000;

const landlineOrMobile = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'badges.phoneInvalid');
const mobile = z.string().trim().regex(MOBILE_RE, 'badges.mobileInvalid');

export const contactInput = z
  .object({
    label: z.string().trim().min(1, 'badges.labelRequired').max(10, 'invalid.tooLong'),
    phone: landlineOrMobile,
  })
  .strict();
export type ContactInput = z.infer<typeof contactInput>;

const nickname = z.string().trim().min(1, 'badges.nicknameRequired').max(NICKNAME_MAX, 'badges.nicknameTooLong');
const cautions = z.string().trim().max(CAUTIONS_MAX, 'badges.cautionsTooLong');
const contacts = z.array(contactInput).min(1, 'badges.contactRequired').max(MAX_CONTACTS, 'badges.tooManyContacts');

export const issueInput = z
  .object({
    residentId: uuid,
    nickname,
    cautions: cautions.default(''),
    /** Omitted: copied from the resident's family contacts, the primary first. */
    contacts: contacts.optional(),
    /**
     * The love_badge consent given now (by the elder, 本人, or the guardian), recorded in the registry with the
     * badge. Needed when the resident has no live love_badge consent: the page hands the family's phones to
     * whoever finds the elder and the scans are a record of where the elder was (行踪轨迹, sensitive under PIPL).
     */
    consent: consentInput.pick({ givenByName: true, givenByRelation: true }).strict().optional(),
  })
  .strict();
export type IssueInput = z.infer<typeof issueInput>;

export const updateInput = z.object({ nickname, cautions, contacts }).strict();
export type UpdateInput = z.infer<typeof updateInput>;

export const revokeInput = z
  .object({ reason: z.string().trim().min(2, 'badges.reasonRequired').max(200, 'invalid.tooLong') })
  .strict();

export const settingsInput = z
  .object({
    hotline: landlineOrMobile,
    dutyPhone: landlineOrMobile,
    notifyPhones: z.array(mobile).max(10, 'badges.tooManyPhones'),
  })
  .strict();
export type SettingsInput = z.infer<typeof settingsInput>;

export const badgeQuery = z.object({
  status: z.enum(BADGE_STATUSES).optional(),
  q: z.string().trim().max(40, 'invalid.tooLong').optional(),
  ...paging(20),
});

/** Candidates to issue for: a name search, or every elder without a badge, a page at a time. */
export const candidateQuery = z.object({ q: z.string().trim().max(40).optional(), ...paging(20) });

/** What a finder sends from the page (a form, so every field is text). */
export interface FinderMessage {
  message: string;
  place: string;
  lat: number | null;
  lng: number | null;
}

/**
 * Reads the form: a message or a place is required; a location only when the finder ticked the box and the
 * browser filled in numbers within range. Returns the problem's key when the form cannot be taken.
 */
export function readFinderForm(
  form: Record<string, unknown>,
): { ok: true; value: FinderMessage } | { ok: false; problem: 'empty' | 'tooLong' } {
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
  const message = text('message');
  const place = text('place');
  if (message.length > MESSAGE_MAX || place.length > PLACE_MAX) return { ok: false, problem: 'tooLong' };
  if (!message && !place) return { ok: false, problem: 'empty' };
  let lat: number | null = null;
  let lng: number | null = null;
  if (text('share') === '1') {
    const la = Number(text('lat'));
    const ln = Number(text('lng'));
    if (
      text('lat') &&
      text('lng') &&
      Number.isFinite(la) &&
      Number.isFinite(ln) &&
      Math.abs(la) <= 90 &&
      Math.abs(ln) <= 180
    ) {
      lat = Math.round(la * 1e6) / 1e6;
      lng = Math.round(ln * 1e6) / 1e6;
    }
  }
  return { ok: true, value: { message, place, lat, lng } };
}

export const contactView = z.object({ label: z.string(), phone: z.string() });
/** The live love_badge consent a badge stands on (null: none, the badge cannot be reissued). */
export const consentView = z.object({ givenByName: z.string(), givenByRelation: z.string(), givenAt: z.string() });

/** True when a text shown on the public page would carry the elder's real name. */
export function showsName(text: string, name: string): boolean {
  const n = name.replace(/\s/g, '');
  return n.length >= 2 && text.replace(/\s/g, '').includes(n);
}
export const badgeView = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  idMasked: z.string().nullable(),
  nickname: z.string(),
  cautions: z.string(),
  status: z.enum(BADGE_STATUSES),
  url: z.string(),
  contacts: z.array(contactView),
  issuedAt: z.string(),
  issuedByName: z.string(),
  revokedAt: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
  replacedBy: z.string().nullable(),
  lastScanAt: z.string().nullable(),
  scans: z.number(),
  consent: consentView.nullable(),
});
export type BadgeView = z.infer<typeof badgeView>;

export const scanView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(['view', 'message']),
  message: z.string().nullable(),
  place: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  notified: z.boolean(),
  /** The family confirmed the elder was found and is home after this scan (a contact in the record of service). */
  returned: z.boolean(),
});
export type ScanView = z.infer<typeof scanView>;

export const settingsView = z.object({
  hotline: z.string(),
  dutyPhone: z.string(),
  notifyPhones: z.array(z.string()),
  configured: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const candidateView = z.object({
  residentId: z.string(),
  name: z.string(),
  birthDate: z.string(),
  address: z.string(),
  groups: z.array(z.string()),
  consent: consentView.nullable(),
});

/** The family's view: their elder's badge (the call list and the words they keep), and its scans. */
export const familyBadgeView = z.object({
  id: z.string(),
  nickname: z.string(),
  cautions: z.string(),
  status: z.enum(BADGE_STATUSES),
  contacts: z.array(contactView),
  scans: z.array(scanView),
});
export type FamilyBadgeView = z.infer<typeof familyBadgeView>;
