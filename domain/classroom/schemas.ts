// What the 4:30 classroom API accepts — enrolment (with the guardian's consent), authorised adults, sessions
// and the term rota, check-in and out, absences, alerts and tutors' logs — and what it answers (the views, the
// routes' response schemas). Shared by the server and the web; message keys are translated by the server.
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';
import { mobile } from '../registry/schemas.ts';
import { GENDERS } from '../registry/special-groups.ts';

import { pageOf, paging, uuid } from '../shared/schemas.ts';
import { overrideInput } from '../volunteers/work-policy.ts';
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
export type ChildStatus = (typeof CHILD_STATUSES)[number];
export const OUT_METHODS = ['code', 'phone'] as const;
export type OutMethod = (typeof OUT_METHODS)[number];
/** A child on a session's board: expected that weekday, checked in, handed over, reported absent, or not due. */
export const BOARD_STATES = ['expected', 'in', 'out', 'absent', 'off'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

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
    gender: z.enum(GENDERS, { error: 'invalid.gender' }),
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

export const rotaInput = z.object({
  volunteerIds: z.array(uuid).max(20, 'invalid.tooLong'),
  override: overrideInput.optional(),
});
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

// --------------------------------------------------------------------------------------------- views

/** An adult authorised to collect a child, as staff see them on the roll (the code itself is never shown again). */
export const adultView = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string(),
  isGuardian: z.boolean(),
  active: z.boolean(),
  codeSetAt: z.string().nullable(),
});
export type AdultView = z.infer<typeof adultView>;

export const childView = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  school: z.string(),
  grade: z.string(),
  residentId: z.string().nullable(),
  householdId: z.string().nullable(),
  weekdays: z.string(),
  enrolledOn: z.string(),
  leftOn: z.string().nullable(),
  status: z.enum(CHILD_STATUSES),
  consentBy: z.string(),
  consentRelation: z.string(),
  consentAt: z.string(),
  note: z.string().nullable(),
  adults: z.array(adultView),
});
export type ChildView = z.infer<typeof childView>;
export const childListView = pageOf(childView);
/** The roll: by status, a search (a child's name, an adult's name or the end of an adult's phone), a page. */
export const childQuery = z.object({
  status: z.enum(CHILD_STATUSES, { error: 'invalid.value' }).optional(),
  q: z.string().trim().max(40, 'invalid.tooLong').optional(),
  ...paging(20),
});

/** An adult's new pickup code: the only time it is shown. */
export const codeShownView = z.object({
  adultId: z.string(),
  name: z.string(),
  relation: z.string(),
  code: z.string(),
});
export type CodeShown = z.infer<typeof codeShownView>;
export const enrolledView = z.object({ id: z.string(), codes: z.array(codeShownView) });

/** A tutor on a session's rota; `present` is set when the session is closed. */
export const rotaTutorView = z.object({ volunteerId: z.string(), name: z.string(), present: z.boolean().nullable() });
export type RotaTutorView = z.infer<typeof rotaTutorView>;

/** A session with its tutors, as the board shows it. */
export const sessionBaseView = z.object({
  id: z.string(),
  date: z.string(),
  starts: z.string(),
  expectedBy: z.string(),
  ends: z.string(),
  place: z.string(),
  closedAt: z.string().nullable(),
  rota: z.array(rotaTutorView),
});
export type SessionBaseView = z.infer<typeof sessionBaseView>;
/** A session in the plan, with how many children were checked in. */
export const sessionView = sessionBaseView.extend({ attended: z.number() });
export type SessionView = z.infer<typeof sessionView>;
export const sessionListView = z.object({ items: z.array(sessionView) });

export const termResultView = z.object({ created: z.number(), skipped: z.number() });
export const createdView = z.object({ id: z.string() });
export const closeResultView = z.object({ recorded: z.number(), overlapping: z.array(z.string()) });

export const logView = z.object({
  id: z.string(),
  sessionId: z.string(),
  date: z.string(),
  author: z.string(),
  childId: z.string().nullable(),
  childName: z.string().nullable(),
  subject: z.string(),
  content: z.string(),
  createdAt: z.string(),
});
export type LogView = z.infer<typeof logView>;
export const logListView = z.object({ items: z.array(logView) });

/** Per calendar year: children and families served, sessions held, tutor-hours. */
export const yearFiguresView = z.object({
  year: z.number(),
  children: z.number(),
  families: z.number(),
  sessions: z.number(),
  tutorHours: z.number(),
});
export const figuresView = z.object({ years: z.array(yearFiguresView), total: yearFiguresView.omit({ year: true }) });
export type FiguresView = z.infer<typeof figuresView>;

/** An adult on the board: the phone masked, and whether they have a code (never the code). */
export const boardAdultView = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  phone: z.string().nullable(),
  isGuardian: z.boolean(),
  hasCode: z.boolean(),
});
export type BoardAdultView = z.infer<typeof boardAdultView>;
export const boardChildView = z.object({
  id: z.string(),
  name: z.string(),
  grade: z.string(),
  school: z.string(),
  state: z.enum(BOARD_STATES),
  checkedInAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  checkedOutBy: z.string().nullable(),
  collectedBy: z.string().nullable(),
  outMethod: z.enum(OUT_METHODS).nullable(),
  absentNote: z.string().nullable(),
  adults: z.array(boardAdultView),
});
export type BoardChildView = z.infer<typeof boardChildView>;
export const alertView = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
  clearedBy: z.string().nullable(),
  note: z.string().nullable(),
});
export type AlertView = z.infer<typeof alertView>;
/** A session's board: the session, every child enrolled that day (the expected first), and the arrival alerts. */
export const boardView = z.object({
  session: sessionBaseView,
  children: z.array(boardChildView),
  alerts: z.array(alertView),
});
export type BoardView = z.infer<typeof boardView>;
/** Today's board; or no session today, or (for a tutor) a session today whose rota does not name them. */
export const todayView = z.union([boardView, z.object({ session: z.null(), notOnRota: z.boolean().optional() })]);
export type TodayView = z.infer<typeof todayView>;

export const checkInResultView = z.object({ checkedInAt: z.string() });
export const checkOutResultView = z.object({
  checkedOutAt: z.string(),
  collectedBy: z.string(),
  method: z.enum(OUT_METHODS),
});
export type CheckOutResult = z.infer<typeof checkOutResultView>;
export const raisedView = z.object({ raised: z.number() });
