// The organisation (case study 二.2–3): the volunteer-service leadership group (志愿服务工作领导小组) led by the Party
// secretary, and 社工带志愿者, each volunteer's one responsible social worker.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';

export const LEADERSHIP_POSITIONS = ['leader', 'deputy', 'member'] as const;
const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

/** A member is a community account or a named person (with their unit or role), never both nor neither. */
export const leadershipInput = z
  .object({
    position: z.enum(LEADERSHIP_POSITIONS),
    accountId: uuid.nullish(),
    name: text(30).nullish(),
    title: text(60).nullish(),
    duty: text(200).nullish(),
    sort: z.number().int().min(0).max(999).default(0),
  })
  .superRefine((v, ctx) => {
    if (!!v.accountId === !!v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'org.accountOrName' });
  });
export type LeadershipInput = z.infer<typeof leadershipInput>;

export const leadershipItem = z.object({
  id: z.string(),
  position: z.enum(LEADERSHIP_POSITIONS),
  accountId: z.string().nullable(),
  name: z.string(),
  title: z.string().nullable(),
  duty: z.string().nullable(),
  sort: z.number(),
});

/** The community's accounts that may be chosen: staff and admins (for the group and as social workers). */
export const staffAccount = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  title: z.string().nullable(),
});

export const socialWorkerItem = staffAccount.extend({ volunteers: z.number(), pendingEntries: z.number() });

/** Assign volunteers to a social worker (null: no one), one or many at once; all or none. */
export const socialWorkerAssignment = z.object({
  volunteerIds: z.array(uuid).min(1, 'invalid.required').max(500, 'invalid.tooMany'),
  socialWorkerId: uuid.nullable(),
});
export type SocialWorkerAssignment = z.infer<typeof socialWorkerAssignment>;
