// What staff and admins send to the hours ledger, and what the pages show. Shared by the server and the web.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { localDate } from '../registry/schemas.ts';
import { HOURS_KINDS, HOURS_SOURCES, ROUNDING_UNITS } from './ledger.ts';
import { STAR_LEVELS } from './stars.ts';

export const ENTRY_STATUSES = ['pending', 'verified'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Why an entry waits for a closer look than the usual verification (shown in the queue). */
export const REVIEW_REASONS = [
  'checkout_missing',
  'location_far',
  'marked_by_staff',
  'logged_by_staff',
  'disputed',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** One entry may not claim more than a day's work; longer service is several entries. */
export const MAX_ENTRY_MINUTES = 16 * 60;

const reason = z.string().trim().min(1, 'invalid.required').max(200, 'invalid.tooLong');
const minutes = z
  .number({ error: 'invalid.number' })
  .int('invalid.integer')
  .min(1, 'hours.minutesPositive')
  .max(MAX_ENTRY_MINUTES, 'hours.minutesTooMany');

export const verifyInput = z.object({
  ids: z.array(uuid).min(1, 'invalid.required').max(500, 'invalid.tooMany'),
});
/** A correction: the minutes the entry should have had (0 voids it), and why. */
export const correctInput = z.object({
  minutes: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(0, 'hours.minutesNegative')
    .max(MAX_ENTRY_MINUTES, 'hours.minutesTooMany'),
  reason,
});
export const honourInput = z.object({
  volunteerId: uuid,
  serviceDate: localDate,
  minutes,
  reason,
});
export const queueQuery = z.object({
  source: z.enum(HOURS_SOURCES).optional(),
  sourceId: z.string().max(120, 'invalid.tooLong').optional(),
  volunteerId: uuid.optional(),
  reviewOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** 我带的志愿者: only the entries of the volunteers the caller leads as their social worker. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...paging(50),
});
export const entriesQuery = z.object({
  ...paging(20),
});

export const settingsInput = z.object({
  rounding: z
    .object({
      unit: z.union(ROUNDING_UNITS.map((u) => z.literal(u)) as [z.ZodLiteral<15>, z.ZodLiteral<30>, z.ZodLiteral<60>]),
      mode: z.enum(['down', 'nearest', 'up']),
    })
    .nullable(),
  starThresholds: z
    .array(z.number().positive('stars.threshold_not_positive'))
    .length(STAR_LEVELS, 'stars.thresholds_count')
    .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]!), 'stars.thresholds_not_increasing'),
  pointsPerHour: z.number().positive('points.rate_invalid').max(100, 'points.rate_invalid'),
  pointsDailyCap: z.number().int().min(0, 'points.daily_cap_invalid').nullable(),
  pointsTotalCap: z.number().int().min(0, 'points.total_cap_invalid').nullable(),
});
export type HoursSettingsInput = z.infer<typeof settingsInput>;

/** A volunteer's objection: about an entry, or about a service missing from the record (a date only). */
export const disputeInput = z
  .object({
    entryId: uuid.nullish(),
    serviceDate: localDate.nullish(),
    reason,
  })
  .refine((d) => !!d.entryId !== !!d.serviceDate, { message: 'hours.disputeWhat', path: ['serviceDate'] });
export const resolveInput = z.object({ resolution: reason });
export const DISPUTE_STATUSES = ['open', 'resolved'] as const;
export const disputeView = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  entryId: z.string().nullable(),
  entryDescription: z.string().nullable(),
  entryMinutes: z.number().nullable(),
  serviceDate: z.string(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  createdAt: z.string(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type DisputeView = z.infer<typeof disputeView>;

export const entryView = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  source: z.enum(HOURS_SOURCES),
  sourceId: z.string(),
  serviceDate: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  rawMinutes: z.number(),
  minutes: z.number(),
  kind: z.enum(HOURS_KINDS),
  description: z.string(),
  correctsId: z.string().nullable(),
  reviewReason: z.enum(REVIEW_REASONS).nullable(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
  status: z.enum(ENTRY_STATUSES),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Set when a later entry corrected this one: it no longer counts. */
  correctedBy: z.string().nullable(),
});
export type EntryView = z.infer<typeof entryView>;

export const hoursSummary = z.object({
  volunteerId: z.string(),
  name: z.string(),
  creditHours: z.number(),
  honourHours: z.number(),
  pendingHours: z.number(),
  entries: z.number(),
  lastServiceDate: z.string().nullable(),
  /** The level the verified credit hours reach now (the award itself follows a public notice). */
  starLevel: z.number(),
  hoursToNextStar: z.number().nullable(),
  starThresholds: z.array(z.number()),
});
export type HoursSummary = z.infer<typeof hoursSummary>;
