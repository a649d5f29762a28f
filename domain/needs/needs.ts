// A need (需求) from a resident: how it arrives, how urgent it is, and the path it takes from being heard to
// being reviewed. The one table of allowed moves; services and screens both read it.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { SKILL_CATEGORIES } from '../volunteers/skills.ts';
import { localDate } from '../registry/schemas.ts';
import { hhmmToMinute } from '../volunteers/service-schemas.ts';
import type { TaskRequirements } from '../volunteers/eligibility.ts';
import type { MatchNeed } from '../matching/score.ts';
import { MAX_ENTRY_MINUTES } from '../hours/schemas.ts';

export const NEED_CHANNELS = ['phone', 'online', 'wechat', 'office', 'survey'] as const;
export type NeedChannel = (typeof NEED_CHANNELS)[number];

export const NEED_URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type NeedUrgency = (typeof NEED_URGENCIES)[number];

export const NEED_STATUSES = [
  'new',
  'matched',
  'scheduled',
  'in_progress',
  'done',
  'reviewed',
  'cancelled',
  'declined',
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** Where a need may go next. Back to `new` means the matched volunteer dropped out and it is matched again. */
export const NEED_TRANSITIONS: Record<NeedStatus, readonly NeedStatus[]> = {
  new: ['matched', 'cancelled', 'declined'],
  matched: ['scheduled', 'in_progress', 'new', 'cancelled'],
  // The volunteer who accepted reports it done from their phone.
  scheduled: ['in_progress', 'done', 'new', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: ['reviewed'],
  reviewed: [],
  cancelled: [],
  declined: [],
};
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['new', 'matched', 'scheduled', 'in_progress'];
/** Moves that must say why (the resident is told). */
export const NEEDS_REASON: ReadonlySet<NeedStatus> = new Set(['cancelled', 'declined']);

export function canMove(from: NeedStatus, to: NeedStatus): boolean {
  return NEED_TRANSITIONS[from].includes(to);
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'invalid.time');
const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const needFields = z.object({
  residentId: uuid,
  channel: z.enum(NEED_CHANNELS),
  category: z.enum(SKILL_CATEGORIES),
  skillCode: z.string().max(40).optional(),
  serviceTypeId: uuid.optional(),
  urgency: z.enum(NEED_URGENCIES).default('normal'),
  preferredDate: localDate.optional(),
  preferredStart: hhmm.optional(),
  preferredEnd: hhmm.optional(),
  preferredGender: z.enum(['male', 'female']).optional(),
  place: text(100).optional(),
  description: text(500).pipe(z.string().min(2, 'invalid.required')),
  callerPhone: z
    .string()
    .trim()
    .regex(/^\d{3,20}$/, 'invalid.phone')
    .optional(),
});
/** A time window needs both ends, the end after the start, and a date. */
export const needInput = needFields.superRefine((n, ctx) => {
  if (!!n.preferredStart !== !!n.preferredEnd)
    ctx.addIssue({ code: 'custom', path: ['preferredEnd'], message: 'invalid.endBeforeStart' });
  if (n.preferredStart && n.preferredEnd && hhmmToMinute(n.preferredEnd) <= hhmmToMinute(n.preferredStart))
    ctx.addIssue({ code: 'custom', path: ['preferredEnd'], message: 'invalid.endBeforeStart' });
  if (n.preferredStart && !n.preferredDate)
    ctx.addIssue({ code: 'custom', path: ['preferredDate'], message: 'invalid.required' });
});
export type NeedInput = z.infer<typeof needInput>;

/** A resident or family member asking on the phone page: the channel is theirs, not chosen. */
export const myNeedInput = needFields.omit({ channel: true, callerPhone: true, serviceTypeId: true });

export const needMove = z
  .object({
    to: z.enum(NEED_STATUSES),
    reason: text(200).optional(),
    /** For `scheduled`: when the volunteer will come (local). */
    scheduledFor: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'invalid.dateTime')
      .optional(),
  })
  .superRefine((m, ctx) => {
    if (NEEDS_REASON.has(m.to) && !m.reason?.trim())
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'invalid.reasonRequired' });
    if (m.to === 'scheduled' && !m.scheduledFor)
      ctx.addIssue({ code: 'custom', path: ['scheduledFor'], message: 'invalid.required' });
  });
export type NeedMove = z.infer<typeof needMove>;

export const needRating = z.object({
  stars: z.number().int().min(1, 'invalid.rating').max(5, 'invalid.rating'),
  comment: text(300).optional(),
});

/** The matched volunteer declines: why (staff read it; the need goes back to matching). */
export const needDecline = z.object({
  reason: text(200).pipe(z.string().min(2, 'invalid.reasonRequired')),
});

/** The volunteer reports a need done: the minutes it took (a pending entry in the hours ledger). */
export const needDone = z.object({
  minutes: z
    .number()
    .int('hours.minutesPositive')
    .min(1, 'hours.minutesPositive')
    .max(MAX_ENTRY_MINUTES, 'hours.minutesTooMany'),
  note: text(300).optional(),
});
export type NeedDone = z.infer<typeof needDone>;

/** Where the volunteer's answer stands: waiting for it, yes, or (last time) no. */
export const NEED_ANSWERS = ['waiting', 'accepted', 'declined'] as const;
export type NeedAnswer = (typeof NEED_ANSWERS)[number];

export const needQuery = z.object({
  status: z.enum([...NEED_STATUSES, 'open'] as const).optional(),
  category: z.enum(SKILL_CATEGORIES).optional(),
  urgency: z.enum(NEED_URGENCIES).optional(),
  channel: z.enum(NEED_CHANNELS).optional(),
  residentId: uuid.optional(),
  volunteerId: uuid.optional(),
  gridId: uuid.optional(),
  ...paging(50),
});
export type NeedQuery = z.infer<typeof needQuery>;

/** The household survey (全面摸查): who visited which household when, and what it needs by category. */
export const surveyVisitInput = z.object({
  householdId: uuid,
  visitedOn: localDate,
  needs: z
    .array(z.object({ category: z.enum(SKILL_CATEGORIES), note: text(200).optional() }))
    .max(SKILL_CATEGORIES.length)
    .refine((xs) => new Set(xs.map((x) => x.category)).size === xs.length, 'invalid.duplicate'),
  note: text(500).optional(),
});
export type SurveyVisitInput = z.infer<typeof surveyVisitInput>;

/** What a need asks of a volunteer beyond its skill and time: its kind of service's requirements, or by
 *  default an adult — a visit alone to a resident's home is not a task for a minor. */
export function needRequirements(
  serviceType?: Omit<TaskRequirements, 'when' | 'skillCode'> | null,
): NonNullable<MatchNeed['requirements']> {
  if (serviceType) {
    const { minAge, maxAge, minFitness, trainingCourseIds, needsInsurance, night } = serviceType;
    return { minAge, maxAge, minFitness, trainingCourseIds, needsInsurance, night };
  }
  return { minAge: 18, maxAge: 80, minFitness: 'limited', trainingCourseIds: [], needsInsurance: false, night: false };
}
