// Party members (在职 / 居住 / 流动, public servants marked) and their report to the community (在职党员社区报到).
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { localDate } from '../registry/schemas.ts';

export const PARTY_KINDS = ['in_service', 'resident', 'floating'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

export const partyMemberInput = z.object({
  kind: z.enum(PARTY_KINDS),
  isPublicServant: z.boolean().default(false),
  partyOrg: text(80).min(1, 'invalid.required'),
  workUnit: text(80).nullish(),
  gridId: uuid.nullish(),
  joinedOn: localDate.nullish(),
});
export type PartyMemberInput = z.infer<typeof partyMemberInput>;

export const partyMemberQuery = z.object({
  kind: z.enum(PARTY_KINDS).optional(),
  gridId: uuid.optional(),
  q: text(30).optional(),
  ...paging(50),
});
export type PartyMemberQuery = z.infer<typeof partyMemberQuery>;

export const partyMemberItem = z.object({
  volunteerId: z.string(),
  name: z.string(),
  phone: z.string(),
  kind: z.string(),
  isPublicServant: z.boolean(),
  partyOrg: z.string(),
  workUnit: z.string().nullable(),
  gridId: z.string().nullable(),
  gridName: z.string().nullable(),
  joinedOn: z.string().nullable(),
  reports: z.number(),
  lastReportedOn: z.string().nullable(),
});

export const partyPostInput = z.object({
  title: text(60).min(1, 'invalid.required'),
  description: text(500).nullish(),
  capacity: z.number().int().min(1).max(10000).nullish(),
});
export type PartyPostInput = z.infer<typeof partyPostInput>;
export const partyPostPatch = partyPostInput.partial();
export const partyPostItem = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  capacity: z.number().nullable(),
  claimed: z.number(),
});

export const partyReportInput = z.object({
  volunteerId: uuid,
  reportedOn: localDate,
  unitPartyOrg: text(80).min(1, 'invalid.required'),
  postIds: z.array(uuid).min(1, 'invalid.required').max(10),
});
export type PartyReportInput = z.infer<typeof partyReportInput>;

export const partyReportQuery = z.object({
  volunteerId: uuid.optional(),
  postId: uuid.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
  ...paging(50),
});
export type PartyReportQuery = z.infer<typeof partyReportQuery>;

export const partyReportItem = z.object({
  id: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  reportedOn: z.string(),
  unitPartyOrg: z.string(),
  posts: z.array(z.object({ id: z.string(), title: z.string() })),
});
export const partyReportPage = z.object({
  items: z.array(partyReportItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  posts: z.array(partyPostItem),
});
