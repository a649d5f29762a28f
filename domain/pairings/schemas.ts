// Three-fixed pairings (三定: fixed person, place, item): the items, what staff send to create or change
// one, and what a volunteer sends to log a visit. Shared by the server and the web pages.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { localDate } from '../registry/schemas.ts';
import { overrideInput } from '../volunteers/work-policy.ts';
import { SPECIAL_GROUPS, type SpecialGroup } from '../registry/special-groups.ts';
import { parseRule } from './recurrence.ts';

export const PAIRING_ITEMS = [
  'weekly_visit',
  'medicine_reminder',
  'shopping',
  'cleaning',
  'haircut',
  'chat',
  'meal_delivery',
  'escort_medical',
  'other',
] as const;
export type PairingItem = (typeof PAIRING_ITEMS)[number];
export const PAIRING_ITEM_LABELS: Record<PairingItem, { zh: string; en: string }> = {
  weekly_visit: { zh: '每周探访', en: 'Weekly visit' },
  medicine_reminder: { zh: '用药提醒', en: 'Medicine reminders' },
  shopping: { zh: '代购', en: 'Shopping' },
  cleaning: { zh: '打扫卫生', en: 'Cleaning' },
  haircut: { zh: '理发', en: 'Haircut' },
  chat: { zh: '谈心', en: 'Chat' },
  meal_delivery: { zh: '送餐', en: 'Meal delivery' },
  escort_medical: { zh: '陪同就医', en: 'Escort to the doctor' },
  other: { zh: '其他', en: 'Other' },
};

export const PAIRING_STATUSES = ['active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];

/** The groups whose silence staff are alerted to: people at risk when nobody looks in. */
export const VULNERABLE_GROUPS: readonly SpecialGroup[] = ['living_alone', 'dementia', 'disabled', 'sanwu'];

export const VISIT_MINUTES = { min: 5, max: 480 } as const;
/** How far back a volunteer may log a visit they forgot to log. */
export const VISIT_BACKDATE_DAYS = 60;

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');
export const rrule = z
  .string()
  .trim()
  .max(200, 'invalid.tooLong')
  .superRefine((s, ctx) => {
    const r = parseRule(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });

const fields = {
  item: z.enum(PAIRING_ITEMS),
  itemNote: text(100).nullish(),
  place: text(100).min(1, 'invalid.required'),
  rrule,
  startsOn: localDate,
  endsOn: localDate.nullish(),
  serviceTypeId: uuid.nullish(),
  note: text(500).nullish(),
};

const itemNoteRule = (v: { item?: PairingItem; itemNote?: string | null }) => v.item !== 'other' || !!v.itemNote;
const datesRule = (v: { startsOn?: string; endsOn?: string | null }) =>
  !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;

export const pairingInput = z
  .object({ volunteerId: uuid, residentId: uuid, ...fields, override: overrideInput.optional() })
  .strict()
  .refine(itemNoteRule, { path: ['itemNote'], message: 'pairing.itemNoteRequired' })
  .refine(datesRule, { path: ['endsOn'], message: 'invalid.endBeforeStart' });
export type PairingInput = z.infer<typeof pairingInput>;

export const pairingPatch = z
  .object(fields)
  .partial()
  .strict()
  .refine(itemNoteRule, { path: ['itemNote'], message: 'pairing.itemNoteRequired' })
  .refine(datesRule, { path: ['endsOn'], message: 'invalid.endBeforeStart' });
export type PairingPatch = z.infer<typeof pairingPatch>;

export const endPairingInput = z
  .object({ reason: text(200).min(1, 'invalid.required'), endedOn: localDate.optional() })
  .strict();

export const visitInput = z
  .object({
    visitedOn: localDate,
    minutes: z.coerce
      .number()
      .int('invalid.number')
      .min(VISIT_MINUTES.min, 'pairing.minutes')
      .max(VISIT_MINUTES.max, 'pairing.minutes'),
    notes: text(500).nullish(),
  })
  .strict();
export type VisitInput = z.infer<typeof visitInput>;

export const pairingQuery = z.object({
  volunteerId: uuid.optional(),
  residentId: uuid.optional(),
  status: z.enum(PAIRING_STATUSES).optional(),
  ...paging(50),
});
export type PairingQuery = z.infer<typeof pairingQuery>;

export const leftOutQuery = z.object({
  group: z.enum(SPECIAL_GROUPS).optional(),
  gridId: uuid.optional(),
  paired: z.enum(['yes', 'no']).optional(),
  ...paging(50),
});
export type LeftOutQuery = z.infer<typeof leftOutQuery>;
