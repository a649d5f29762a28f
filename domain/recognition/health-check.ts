// The yearly health check (体检) for commended volunteers: staff book one per volunteer and year (a date and a
// place) and record its result (done, or did not attend, with a short note). The note is the only free text; it is
// encrypted at rest and never shown to anyone without the recognition permission. No medical results are kept.
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';

export const HEALTH_CHECK_STATUSES = ['booked', 'done', 'missed'] as const;
export type HealthCheckStatus = (typeof HEALTH_CHECK_STATUSES)[number];
export const HEALTH_CHECK_RESULTS = ['done', 'missed'] as const;

const year = z
  .number({ error: 'invalid.year' })
  .int('invalid.year')
  .min(2000, 'invalid.year')
  .max(2100, 'invalid.year');

export const healthCheckBookInput = z.object({
  year,
  date: z.string({ error: 'invalid.date' }).refine(isRealDate, 'invalid.date'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'healthCheck.time')
    .nullish(),
  place: z
    .string({ error: 'healthCheck.placeRequired' })
    .trim()
    .min(2, 'healthCheck.placeRequired')
    .max(100, 'invalid.tooLong'),
});
export type HealthCheckBookInput = z.infer<typeof healthCheckBookInput>;

export const healthCheckResultInput = z.object({
  result: z.enum(HEALTH_CHECK_RESULTS, { error: 'invalid.value' }),
  /** A short note (e.g. 已改约下周, 本人出差); not medical findings. */
  note: z.string().trim().max(200, 'invalid.tooLong').nullish(),
});
export type HealthCheckResultInput = z.infer<typeof healthCheckResultInput>;

/** A booking as staff see it (the note decrypted). */
export const healthCheckBookingView = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  year: z.number(),
  date: z.string(),
  time: z.string().nullable(),
  place: z.string(),
  status: z.enum(HEALTH_CHECK_STATUSES),
  note: z.string().nullable(),
  resultAt: z.string().nullable(),
  bookedByName: z.string(),
  updatedAt: z.string(),
});
export type HealthCheckBookingView = z.infer<typeof healthCheckBookingView>;
export const healthCheckBookingsView = z.object({
  year: z.number(),
  items: z.array(healthCheckBookingView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A volunteer's own bookings (no staff note). */
export const myHealthCheckView = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      year: z.number(),
      date: z.string(),
      time: z.string().nullable(),
      place: z.string(),
      status: z.enum(HEALTH_CHECK_STATUSES),
    }),
  ),
});
export type MyHealthCheckView = z.infer<typeof myHealthCheckView>;
