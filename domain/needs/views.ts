// What the needs API answers beyond a need itself: the figures, the batch matching against
// first-come-first-served, and the household survey. The server's response schemas and the web's types.
import { z } from 'zod';
import { SKILL_CATEGORIES } from '../volunteers/skills.ts';

const category = z.enum(SKILL_CATEGORIES);

/** Hours from a need's intake to a step: how many, the median and the 90th percentile. */
export const spreadView = z.object({
  count: z.number(),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export const needStatsView = z.object({
  since: z.string(),
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byChannel: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), z.number()),
  timeToMatch: spreadView,
  timeToDone: spreadView,
  rating: z.object({ count: z.number(), average: z.number().nullable() }),
});
export type NeedStatsView = z.infer<typeof needStatsView>;

export const batchSummaryView = z.object({
  solver: z.enum(['exact', 'fast', 'fcfs']),
  matched: z.number(),
  unmatched: z.number(),
  totalFit: z.number(),
  objective: z.number(),
  meanFit: z.number(),
  meanWaitUnmatchedDays: z.number(),
  maxWaitUnmatchedDays: z.number(),
  unservable: z.number().optional(),
  leftOut: z.number().optional(),
  meanWaitLeftOutDays: z.number().optional(),
  maxWaitLeftOutDays: z.number().optional(),
});
export type BatchSummaryView = z.infer<typeof batchSummaryView>;
export const batchResultView = z.object({
  openNeeds: z.number(),
  assignments: z.array(
    z.object({
      needId: z.string(),
      volunteerId: z.string(),
      fit: z.number(),
      waitingDays: z.number(),
      volunteerName: z.string(),
      residentName: z.string(),
      category,
    }),
  ),
  unmatched: z.array(z.object({ needId: z.string(), waitingDays: z.number() })),
  comparison: z.object({
    result: batchSummaryView,
    fcfs: batchSummaryView,
    gain: z.object({
      totalFit: z.number(),
      matched: z.number(),
      objective: z.number(),
      maxWaitUnmatchedDays: z.number(),
    }),
  }),
  applied: z.array(z.string()),
  skipped: z.array(z.string()),
});
export type BatchResultView = z.infer<typeof batchResultView>;

export const surveyProgressView = z.object({
  since: z.string(),
  households: z.number(),
  surveyed: z.number(),
  /** Per cent of households surveyed, one decimal. */
  share: z.number(),
  grids: z.array(z.object({ gridId: z.string(), gridName: z.string(), households: z.number(), surveyed: z.number() })),
  needs: z.array(z.object({ category, households: z.number() })),
});
export type SurveyProgressView = z.infer<typeof surveyProgressView>;

export const surveyVisitView = z.object({
  id: z.string(),
  visitedOn: z.string(),
  visitorName: z.string(),
  note: z.string().nullable(),
  needs: z.array(z.object({ category, note: z.string().nullable() })),
});
export type SurveyVisitView = z.infer<typeof surveyVisitView>;
