// The household survey's to-do list (households of a grid the survey has not reached yet, special groups first)
// and a finding of a visit taken as a need in one tap. The server's schemas and the web's types.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { localDate } from '../registry/schemas.ts';
import { SKILL_CATEGORIES } from '../volunteers/skills.ts';
import { NEED_URGENCIES } from './needs.ts';

/** How far back a visit still counts: the survey runs once a year (as the progress figures count it). */
export const SURVEY_ROUND_DAYS = 365;
/**
 * A household with someone in a special group is due again this many days after its last visit: the grid leader's
 * round (the demo's 4–13 days). A visit forgotten is back on the list the next day instead of a year later, which is
 * what keeps anyone from going silent for more than 14 days (npm run simulate:care).
 */
export const SPECIAL_ROUND_DAYS = 10;

export const surveyTodoQuery = z.object({
  /** Staff choose a grid (none: the whole community); a grid leader sees their own grid only. */
  gridId: uuid.optional(),
  /** Visits on or after this day count as done; by default a year back. */
  since: localDate.optional(),
  ...paging(30),
});
export type SurveyTodoQuery = z.infer<typeof surveyTodoQuery>;

export const surveyTodoItem = z.object({
  householdId: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  address: z.string(),
  headName: z.string().nullable(),
  memberCount: z.number(),
  /** Someone in the household belongs to a special group (which one is not said: some are health data). */
  priority: z.boolean(),
  /** The last visit before `since`, if the survey was ever there. */
  lastVisitedOn: z.string().nullable(),
  residents: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type SurveyTodoItem = z.infer<typeof surveyTodoItem>;
export const surveyTodoView = z.object({
  since: z.string(),
  items: z.array(surveyTodoItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SurveyTodoView = z.infer<typeof surveyTodoView>;

/** A finding of a visit taken as a need: everything but the category is prefilled from the visit. */
export const findingNeedInput = z.object({
  category: z.enum(SKILL_CATEGORIES),
  /** Whom the need is for; by default the household's head (or its first member). */
  residentId: uuid.optional(),
  description: z.string().trim().max(500, 'invalid.tooLong').optional(),
  urgency: z.enum(NEED_URGENCIES).default('normal'),
});
export type FindingNeedInput = z.infer<typeof findingNeedInput>;
export const findingNeedResult = z.object({ id: z.string(), created: z.boolean() });

export const surveyFindingsQuery = z.object({ gridId: uuid.optional(), since: localDate.optional(), ...paging(30) });
export type SurveyFindingsQuery = z.infer<typeof surveyFindingsQuery>;
export const surveyFindingView = z.object({
  visitId: z.string(),
  householdId: z.string(),
  gridId: z.string(),
  address: z.string(),
  visitedOn: z.string(),
  visitorName: z.string(),
  category: z.enum(SKILL_CATEGORIES),
  note: z.string().nullable(),
  /** The open or finished need taken from this finding, if any. */
  needId: z.string().nullable(),
});
export type SurveyFindingView = z.infer<typeof surveyFindingView>;
export const surveyFindingsView = z.object({
  since: z.string(),
  items: z.array(surveyFindingView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type SurveyFindingsView = z.infer<typeof surveyFindingsView>;
