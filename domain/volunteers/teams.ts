// Teams (服务队): the 12 N+ squads, the culture teams, the silver-hair group and unit teams.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';

export const TEAM_KINDS = ['squad', 'culture', 'silver', 'unit_team'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export const TEAM_ROLES = ['leader', 'member'] as const;
export const MEMBER_STATUSES = ['requested', 'active', 'rejected', 'removed'] as const;

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const teamInput = z.object({
  name: text(60).min(1, 'invalid.required'),
  kind: z.enum(TEAM_KINDS),
  unitId: uuid.nullish(),
  description: text(500).nullish(),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamPatch = teamInput.partial();
export type TeamPatch = z.infer<typeof teamPatch>;

export const teamMemberInput = z.object({
  volunteerId: uuid,
  role: z.enum(TEAM_ROLES).default('member'),
});
export type TeamMemberInput = z.infer<typeof teamMemberInput>;

export const teamItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  description: z.string().nullable(),
  members: z.number(),
  requests: z.number(),
  leaders: z.array(z.string()),
  /** The caller's own standing in the team: null when not a member nor asking. */
  myStatus: z.string().nullable(),
  /** The caller leads this team (their membership's team). */
  managed: z.boolean(),
});
export const teamMember = z.object({
  volunteerId: z.string(),
  name: z.string(),
  phone: z.string(),
  role: z.string(),
  status: z.string(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const teamDetail = teamItem.extend({ roster: z.array(teamMember) });
