// Input shapes of training, insurance, availability and service types, shared by server and web.
// Messages that are keys (e.g. 'invalid.slotOverlap') are translated by the server's i18n table.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { isRealDate } from '../shared/dates.ts';
import { FITNESS } from './eligibility.ts';

const text = (max: number) => z.string().trim().min(1, 'invalid.required').max(max, 'invalid.tooLong');
const optText = (max: number) => z.string().trim().max(max, 'invalid.tooLong').nullish();
export const localDate = z.string().refine(isRealDate, 'invalid.date');
const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'invalid.dateTime');
const age = z.coerce.number().int('invalid.number').min(0, 'invalid.value').max(130, 'invalid.value');

export const ATTENDANCE = ['registered', 'attended', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE)[number];

export const courseInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'invalid.required')
    .max(30, 'invalid.tooLong')
    .regex(/^[A-Za-z0-9_-]+$/, 'invalid.code'),
  title: text(100),
  validityMonths: z.number().int('invalid.number').min(1, 'invalid.value').max(120, 'invalid.value').nullish(),
  description: optText(1000),
});
export type CourseInput = z.infer<typeof courseInput>;

export const sessionInput = z
  .object({
    courseId: uuid,
    startsAt: instant,
    endsAt: instant,
    place: text(100),
    trainer: optText(50),
    capacity: z.number().int('invalid.number').min(1, 'invalid.value').max(10000, 'invalid.value').nullish(),
  })
  .superRefine((s, ctx) => {
    if (Date.parse(s.endsAt) <= Date.parse(s.startsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'invalid.endBeforeStart' });
  });
export type SessionInput = z.infer<typeof sessionInput>;

export const attendanceMark = z.object({ status: z.enum(ATTENDANCE) });

export const policyInput = z
  .object({
    insurer: text(100),
    policyNo: text(60),
    startsOn: localDate,
    endsOn: localDate,
    cover: text(500),
    minAge: age.nullish(),
    maxAge: age.nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.endsOn < p.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'invalid.endBeforeStart' });
    if (p.minAge != null && p.maxAge != null && p.maxAge < p.minAge)
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'invalid.ageRange' });
  });
export type PolicyInput = z.infer<typeof policyInput>;

const minute = z
  .number({ message: 'invalid.minutes' })
  .int('invalid.minutes')
  .min(0, 'invalid.minutes')
  .max(1440, 'invalid.minutes');
export const slotInput = z.object({
  weekday: z.number().int('invalid.weekday').min(1, 'invalid.weekday').max(7, 'invalid.weekday'),
  startMinute: minute,
  endMinute: minute,
});
export type SlotInput = z.infer<typeof slotInput>;

/** Problems in a set of weekly slots: an end not after its start, or two slots of one day that overlap. */
export function slotProblems(slots: readonly SlotInput[]): Array<{ index: number; field: string; message: string }> {
  const out: Array<{ index: number; field: string; message: string }> = [];
  slots.forEach((s, i) => {
    if (s.endMinute <= s.startMinute) out.push({ index: i, field: 'endMinute', message: 'invalid.endBeforeStart' });
  });
  const order = slots
    .map((s, i) => ({ ...s, i }))
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!,
      b = order[k]!;
    if (a.weekday === b.weekday && b.startMinute < a.endMinute)
      out.push({ index: b.i, field: 'startMinute', message: 'invalid.slotOverlap' });
  }
  return out;
}

export const availabilityInput = z
  .object({ slots: z.array(slotInput).max(50, 'invalid.tooLong') })
  .superRefine((a, ctx) => {
    for (const p of slotProblems(a.slots))
      ctx.addIssue({ code: 'custom', path: ['slots', p.index, p.field], message: p.message });
  });
export type AvailabilityInput = z.infer<typeof availabilityInput>;

export const blackoutInput = z
  .object({ fromDate: localDate, toDate: localDate, reason: optText(100) })
  .superRefine((b, ctx) => {
    if (b.toDate < b.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'invalid.endBeforeStart' });
  });
export type BlackoutInput = z.infer<typeof blackoutInput>;

export const serviceTypeFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'invalid.required')
    .max(30, 'invalid.tooLong')
    .regex(/^[A-Za-z0-9_-]+$/, 'invalid.code'),
  name: text(60),
  minAge: age,
  maxAge: age,
  minFitness: z.enum(FITNESS),
  night: z.boolean(),
  needsInsurance: z.boolean(),
  trainingCourseId: uuid.nullish(),
  skillCode: z.string().trim().max(40, 'invalid.tooLong').nullish(),
  description: optText(1000),
});
export const serviceTypeInput = serviceTypeFields.superRefine((s, ctx) => {
  if (s.maxAge < s.minAge) ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'invalid.ageRange' });
});
export type ServiceTypeInput = z.infer<typeof serviceTypeInput>;

export const HHMM_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const hhmmToMinute = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
/** Minutes from local midnight as HH:MM (1440 → 24:00). */
export const minuteToHhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export const eligibleQuery = z
  .object({
    date: localDate.optional(),
    start: z.string().regex(HHMM_RE, 'invalid.time').optional(),
    end: z.string().regex(HHMM_RE, 'invalid.time').optional(),
    eligibleOnly: z
      .enum(['true', 'false', '1', '0'])
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    ...paging(50),
  })
  .superRefine((q, ctx) => {
    if ((q.start || q.end) && !(q.date && q.start && q.end))
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'invalid.whenIncomplete' });
    if (q.start && q.end && hhmmToMinute(q.end) <= hhmmToMinute(q.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'invalid.endBeforeStart' });
  });
export type EligibleQuery = z.infer<typeof eligibleQuery>;

export const daysQuery = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
