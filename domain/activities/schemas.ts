// What the activities API accepts and answers: activities with shifts, series, sign-ups, check-in and the
// performance programme. Shared by the server and the web; message keys are translated by the server.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import { addDays, isRealDate } from '../shared/dates.ts';
import { parseRule } from '../pairings/recurrence.ts';

export const ACTIVITY_KINDS = ['service', 'performance'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
/** self: the volunteer on the phone; leader: a team leader for a member; staff: staff for one or a group. */
export const SIGNUP_CHANNELS = ['self', 'leader', 'staff'] as const;
/**
 * qr: the volunteer scanned the rotating code; card: a leader or staff scanned the volunteer card; list: staff marked
 * it; auto: the forgotten check-out job.
 */
export const CHECK_METHODS = ['qr', 'card', 'list', 'auto'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const MAX_SHIFTS = 20;
export const MAX_PLACES = 2000;
export const MAX_PROGRAMME_ITEMS = 40;
/** A poster or a photo: small, so it lives in the database and a backup carries it. */
export const MAX_IMAGE_BYTES = 512 * 1024;
export const MAX_PHOTOS = 12;

const text = (max: number) => z.string().trim().min(1, 'invalid.required').max(max, 'invalid.tooLong');
const optText = (max: number) => z.string().trim().max(max, 'invalid.tooLong').nullish();
export const localDate = z.string().refine(isRealDate, 'invalid.date');
/** HH:MM, 00:00–23:59, and 24:00 for an end at midnight. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'activities.time');
export const toMinute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const shiftInput = z
  .object({
    /** Set when editing an existing shift; new shifts have none. */
    id: uuid.optional(),
    name: text(30),
    start: hhmm,
    end: hhmm,
    places: z
      .number({ error: 'invalid.number' })
      .int('invalid.integer')
      .min(1, 'activities.places')
      .max(MAX_PLACES, 'activities.places'),
  })
  .refine((s) => toMinute(s.end) > toMinute(s.start), { message: 'activities.endBeforeStart', path: ['end'] });
export type ShiftInput = z.infer<typeof shiftInput>;

const fields = {
  kind: z.enum(ACTIVITY_KINDS).default('service'),
  title: text(60),
  description: optText(2000),
  organiserTeamId: uuid.nullish(),
  organiserUnitId: uuid.nullish(),
  place: text(100),
  lat: z.number({ error: 'invalid.number' }).min(-90, 'activities.lat').max(90, 'activities.lat').nullish(),
  lng: z.number({ error: 'invalid.number' }).min(-180, 'activities.lng').max(180, 'activities.lng').nullish(),
  /** How far from the place a check-in may be before it is flagged for review, in metres. */
  toleranceM: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(20, 'activities.tolerance')
    .max(5000, 'activities.tolerance')
    .nullish(),
  date: localDate,
  shifts: z.array(shiftInput).min(1, 'activities.shiftsRequired').max(MAX_SHIFTS, 'invalid.tooMany'),
  /** The requirements (age, skills, training, insurance) of an existing service type. */
  serviceTypeId: uuid.nullish(),
  /** 小小志愿者活动: minors (under 18 on the day) sign up naming an accompanying adult. No default, so that an edit
   * leaving it out keeps it. */
  juniorVolunteers: z.boolean().optional(),
  status: z.enum(['draft', 'published']).default('draft'),
};

function checkShape(a: { lat?: number | null; lng?: number | null; shifts?: ShiftInput[] }, ctx: z.RefinementCtx) {
  if ((a.lat == null) !== (a.lng == null))
    ctx.addIssue({ code: 'custom', message: 'activities.latLngPair', path: ['lng'] });
  const names = new Set<string>();
  for (const [i, s] of (a.shifts ?? []).entries()) {
    if (names.has(s.name)) ctx.addIssue({ code: 'custom', message: 'invalid.duplicate', path: ['shifts', i, 'name'] });
    names.add(s.name);
  }
}

export const activityInput = z.object(fields).superRefine(checkShape);
export type ActivityInput = z.infer<typeof activityInput>;
// An edit names only what changes: no field may fall back to its default (a title edit turned a performance into a
// service activity while `kind` defaulted here).
export const activityPatch = z
  .object({ ...fields, kind: z.enum(ACTIVITY_KINDS) })
  .partial()
  .omit({ status: true })
  .superRefine(checkShape);
export type ActivityPatch = z.infer<typeof activityPatch>;

export const rruleText = z
  .string()
  .trim()
  .min(1, 'invalid.required')
  .max(200, 'invalid.tooLong')
  .superRefine((s, ctx) => {
    const r = parseRule(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.error });
  });
/** A series: one activity per date the rule gives, from startDate (until untilDate), made 90 days ahead. */
export const seriesInput = z
  .object({
    rule: rruleText,
    startDate: localDate,
    untilDate: localDate.nullish(),
    activity: z.object(fields).omit({ date: true }).superRefine(checkShape),
  })
  .refine((s) => !s.untilDate || s.untilDate >= s.startDate, {
    message: 'activities.untilBeforeStart',
    path: ['untilDate'],
  });
export type SeriesInput = z.infer<typeof seriesInput>;

export const fromTemplateInput = z.object({
  date: localDate,
  place: text(100).optional(),
  organiserTeamId: uuid.nullish(),
});

export const programmeInput = z.object({
  items: z
    .array(z.object({ title: text(60), genre: text(20), performers: text(200) }))
    .max(MAX_PROGRAMME_ITEMS, 'invalid.tooMany'),
  audienceCount: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(0, 'activities.audience')
    .max(100000, 'activities.audience')
    .nullish(),
});
export type ProgrammeInput = z.infer<typeof programmeInput>;

export const imageInput = z.object({
  role: z.enum(['poster', 'photo']),
  data: z
    .string()
    .min(1, 'invalid.required')
    .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 4, 'activities.imageTooLarge'),
});

/**
 * 小小志愿者: the adult a minor names, a resident of the child's household (family) or a volunteer with a confirmed
 * place on the same shift; the one gate decides whether they qualify.
 */
export const COMPANION_KINDS = ['family', 'volunteer'] as const;
export const companionRef = z.object({ kind: z.enum(COMPANION_KINDS), id: uuid });
export type CompanionRef = z.infer<typeof companionRef>;

export const signupSelfInput = z.object({ shiftId: uuid, companion: companionRef.nullish() });
export const signupGroupInput = z.object({
  shiftId: uuid,
  volunteerIds: z.array(uuid).min(1, 'invalid.required').max(200, 'invalid.tooMany'),
  /** Each minor's accompanying adult on a 小小志愿者 activity. */
  companions: z
    .array(z.object({ volunteerId: uuid, companion: companionRef }))
    .max(200, 'invalid.tooMany')
    .optional(),
});
/** Taking an offered place: a minor on a 小小志愿者 activity names their accompanying adult. */
export const takeInput = z.object({ companion: companionRef.nullish() });
export const companionsQuery = z.object({ shiftId: uuid, volunteerId: uuid.optional() });
const coord = { lat: z.number().min(-90).max(90).nullish(), lng: z.number().min(-180).max(180).nullish() };
export const checkCodeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'activities.codeFormat'),
  ...coord,
});
export const cardCheckInput = z.object({
  cardToken: z.string().trim().min(8, 'invalid.value').max(64, 'invalid.value'),
  action: z.enum(['in', 'out']),
});
export const markInput = z.object({ signupId: uuid, action: z.enum(['in', 'out', 'present']) });
/** The list's window: at most a year at a time (the list is not paged; a year of Xiguan's activities is ~50 KB). */
export const LIST_WINDOW_MAX_DAYS = 366;
export const listQuery = z
  .object({
    from: localDate.optional(),
    to: localDate.optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
  })
  .superRefine((q, ctx) => {
    // Runs even when a date failed its own check (zod goes on after a refinement): compare real dates only.
    if (!q.from || !q.to || !isRealDate(q.from) || !isRealDate(q.to)) return;
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'invalid.endBeforeStart' });
    else if (addDays(q.from, LIST_WINDOW_MAX_DAYS) < q.to)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'activities.windowTooLong' });
  });
/** A draft copy of an activity on another date. */
export const copyInput = z.object({ date: localDate });
