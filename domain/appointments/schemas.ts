// Input shapes of appointments (bookable services, schedules, bookings), shared by server and web.
// Messages that are keys (e.g. 'invalid.endBeforeStart') are translated by the server's i18n table.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import { isRealDate } from '../shared/dates.ts';

const text = (max: number) => z.string().trim().min(1, 'invalid.required').max(max, 'invalid.tooLong');
const optText = (max: number) => z.string().trim().max(max, 'invalid.tooLong').nullish();
const int = (min: number, max: number) =>
  z.number({ message: 'invalid.number' }).int('invalid.number').min(min, 'invalid.value').max(max, 'invalid.value');
const minute = z
  .number({ message: 'invalid.minutes' })
  .int('invalid.minutes')
  .min(0, 'invalid.minutes')
  .max(1440, 'invalid.minutes');
export const localDate = z.string().refine(isRealDate, 'invalid.date');
export const instant = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'invalid.dateTime');

/** Kinds of professional service: 义诊, 义剪, 法律咨询, and any other the community offers. */
export const SERVICE_KINDS = ['clinic', 'haircut', 'legal', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** How a booking came in. */
export const CHANNELS = ['wechat', 'phone', 'online', 'office'] as const;
export type Channel = (typeof CHANNELS)[number];

export const BOOKING_STATUSES = ['confirmed', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const scheduleRuleInput = z
  .object({
    weekday: z.number().int('invalid.weekday').min(1, 'invalid.weekday').max(7, 'invalid.weekday'),
    startMinute: minute,
    endMinute: minute,
    monthWeek: z.number().int('invalid.value').min(1, 'invalid.value').max(5, 'invalid.value').nullish(),
    place: optText(100),
  })
  .superRefine((r, ctx) => {
    if (r.endMinute <= r.startMinute)
      ctx.addIssue({ code: 'custom', path: ['endMinute'], message: 'invalid.endBeforeStart' });
  });
export type ScheduleRuleInput = z.infer<typeof scheduleRuleInput>;

export const serviceInput = z.object({
  name: text(50),
  kind: z.enum(SERVICE_KINDS),
  description: optText(500),
  place: text(100),
  slotMinutes: int(5, 480),
  placesPerSlot: int(1, 1000),
  windowDays: int(1, 180),
  noticeHours: int(0, 168),
  active: z.boolean().default(true),
  providerIds: z.array(uuid).max(100, 'invalid.tooLong').default([]),
  schedule: z.array(scheduleRuleInput).max(50, 'invalid.tooLong').default([]),
});
export type ServiceInput = z.infer<typeof serviceInput>;

export const slotsQuery = z.object({ from: localDate.optional(), to: localDate.optional() });

export const staffBookingInput = z.object({
  residentId: uuid,
  serviceId: uuid,
  slotStart: instant,
  channel: z.enum(['phone', 'office']).default('phone'),
  note: optText(200),
});
export const selfBookingInput = z.object({ residentId: uuid, serviceId: uuid, slotStart: instant });
export const cancelInput = z.object({ reason: optText(200) });
