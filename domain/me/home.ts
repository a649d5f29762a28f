// The phone home's "next up": what is next for the signed-in person, by the hats they wear (volunteer, family,
// grid leader, team leader), and whether they are a volunteer at all (so the home offers only what they can use).
import { z } from 'zod';
import { myTaskItem } from '../needs/my-tasks.ts';

/** none: no volunteer record; pending / rejected: an application not (yet) approved; approved: a volunteer. */
export const HOME_VOLUNTEER_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type HomeVolunteerState = (typeof HOME_VOLUNTEER_STATES)[number];

export const homeSummary = z.object({
  volunteerStatus: z.enum(HOME_VOLUNTEER_STATES),
  /** Approved volunteers: the first thing to do (waiting for an answer, due today or overdue, else the soonest). */
  volunteer: z
    .object({
      nextTask: myTaskItem.nullable(),
      nextActivity: myTaskItem.nullable(),
      openTasks: z.number(),
      creditHours: z.number(),
      starLevel: z.number(),
      hoursToNextStar: z.number().nullable(),
    })
    .nullable(),
  /** Family (resident.self): the last scan of an elder's love badge, and the next booking. Null when neither. */
  family: z
    .object({
      /** How many of my elders have a love badge (the badge page is only offered when one does). */
      badges: z.number(),
      lastScan: z
        .object({ elder: z.string(), at: z.string(), kind: z.enum(['view', 'message']), place: z.string().nullable() })
        .nullable(),
      nextBooking: z
        .object({
          serviceName: z.string(),
          residentName: z.string(),
          date: z.string(),
          time: z.string(),
          place: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  /** Grid leaders: open needs of the grid and households the survey still has to visit. */
  grid: z.object({ openNeeds: z.number(), surveyTodo: z.number() }).nullable(),
  /** Team leaders: join requests waiting and the team's next activity. */
  team: z
    .object({
      teamName: z.string(),
      pendingRequests: z.number(),
      nextActivity: z
        .object({ id: z.string(), title: z.string(), date: z.string(), startsAt: z.string(), place: z.string() })
        .nullable(),
    })
    .nullable(),
  /** 我的消息: how many of the person's messages are unread. */
  messages: z.object({ unread: z.number() }).nullable().optional(),
});
export type HomeSummary = z.infer<typeof homeSummary>;
