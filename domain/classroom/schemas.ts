// What the 4:30 classroom API accepts: enrolment (with the guardian's consent), authorised adults, sessions
// and the term rota, check-in and out, absences, alerts and tutors' logs. Shared by the server and the web;
// message keys are translated by the server.
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';
import { mobile } from '../registry/schemas.ts';

const uuid = z.string().uuid('invalid.id');
const text = (max: number) => z.string().trim().min(1, 'invalid.required').max(max, 'invalid.tooLong');
const optText = (max: number) => z.string().trim().max(max, 'invalid.tooLong').nullish();
export const localDate = z.string().refine(isRealDate, 'invalid.date');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid.time');
// Stored normalised (+86, spaces and dashes dropped), so one number cannot be registered twice for a child in two
// spellings.
const phone = mobile;
/** Weekdays as digits 1–5, each at most once, ascending: '12345', '135'. */
export const weekdaysText = z
  .string()
  .regex(/^1?2?3?4?5?$/, 'classroom.weekdays')
  .min(1, 'classroom.weekdays');

export const CHILD_STATUSES = ['active', 'left'] as const;
export const OUT_METHODS = ['code', 'phone'] as const;
export type OutMethod = (typeof OUT_METHODS)[number];

export const adultInput = z.object({
  name: text(40),
  relation: text(20),
  phone,
  isGuardian: z.boolean(),
});
export type AdultInput = z.infer<typeof adultInput>;

export const childInput = z
  .object({
    name: text(40),
    gender: z.enum(['male', 'female'], { error: 'invalid.gender' }),
    birthDate: localDate,
    school: text(60),
    grade: text(20),
    residentId: uuid.nullish(),
    householdId: uuid.nullish(),
    weekdays: weekdaysText.default('12345'),
    enrolledOn: localDate,
    note: optText(200),
    /** The guardian who consented, and how they are related: required at enrolment. */
    consentBy: text(40),
    consentRelation: text(20),
    adults: z.array(adultInput).min(1, 'classroom.guardianRequired').max(8, 'invalid.tooLong'),
  })
  .refine((c) => c.adults.some((a) => a.isGuardian), { message: 'classroom.guardianRequired', path: ['adults'] })
  .refine((c) => c.birthDate < c.enrolledOn, { message: 'classroom.birthDate', path: ['birthDate'] })
  .refine((c) => new Set(c.adults.map((a) => a.phone)).size === c.adults.length, {
    message: 'classroom.adultPhoneTwice',
    path: ['adults'],
  });
export type ChildInput = z.infer<typeof childInput>;

export const childPatch = z.object({
  school: text(60).optional(),
  grade: text(20).optional(),
  weekdays: weekdaysText.optional(),
  note: optText(200),
  /** Leaving: the child's last day; the record stays for the figures. */
  leftOn: localDate.optional(),
});

export const adultPatch = z.object({ active: z.boolean() });

export const termInput = z
  .object({
    from: localDate,
    to: localDate,
    /** Dates with no session (National Day, sports day …). */
    holidays: z.array(localDate).max(100, 'invalid.tooLong').default([]),
    starts: hhmm.default('16:30'),
    expectedBy: hhmm.default('16:50'),
    ends: hhmm.default('18:00'),
    place: text(60),
    /** The weekly pattern: volunteer ids per weekday 1–5. */
    rota: z
      .object({
        1: z.array(uuid).max(20),
        2: z.array(uuid).max(20),
        3: z.array(uuid).max(20),
        4: z.array(uuid).max(20),
        5: z.array(uuid).max(20),
      })
      .partial(),
  })
  .refine((t) => t.from <= t.to, { message: 'invalid.endBeforeStart', path: ['to'] })
  .refine((t) => t.starts < t.expectedBy && t.expectedBy < t.ends, {
    message: 'classroom.times',
    path: ['expectedBy'],
  });
export type TermInput = z.infer<typeof termInput>;

/** One session on a given day (a make-up class on a Saturday, say), with its tutors. */
export const sessionInput = z
  .object({
    date: localDate,
    starts: hhmm.default('16:30'),
    expectedBy: hhmm.default('16:50'),
    ends: hhmm.default('18:00'),
    place: text(60),
    volunteerIds: z.array(uuid).max(20, 'invalid.tooLong').default([]),
  })
  .refine((t) => t.starts < t.expectedBy && t.expectedBy < t.ends, {
    message: 'classroom.times',
    path: ['expectedBy'],
  });
export type SessionInput = z.infer<typeof sessionInput>;

export const rotaInput = z.object({ volunteerIds: z.array(uuid).max(20, 'invalid.tooLong') });
export const closeInput = z.object({ presentVolunteerIds: z.array(uuid).max(20, 'invalid.tooLong') });

export const checkInInput = z.object({ childId: uuid });
export const checkOutInput = z.discriminatedUnion(
  'method',
  [
    z.object({
      childId: uuid,
      adultId: uuid.optional(),
      method: z.literal('code'),
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/, 'classroom.codeFormat'),
    }),
    z.object({
      childId: uuid,
      adultId: uuid.optional(),
      method: z.literal('phone'),
      phone: z.string().trim().min(1, 'invalid.required').max(20, 'invalid.tooLong'),
    }),
  ],
  { error: 'invalid.value' },
);
export type CheckOutInput = z.infer<typeof checkOutInput>;

export const absenceInput = z.object({ childId: uuid, note: text(200) });
export const clearInput = z.object({ note: text(200) });
export const logInput = z.object({ childId: uuid.nullish(), subject: text(30), content: text(500) });
export const figuresQuery = z.object({
  since: z.coerce
    .number({ error: 'invalid.year' })
    .int('invalid.year')
    .min(2000, 'invalid.year')
    .max(2100, 'invalid.year')
    .optional(),
});
