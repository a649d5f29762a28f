// Notices staff send (通知) and the messages a person reads (我的消息): the shapes server and web share.
import { z } from 'zod';
import { pageOf, paging, uuid } from '../shared/schemas.ts';

export const AUDIENCE_KINDS = ['team', 'grid', 'skill', 'classroom', 'building'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];

/** A send over this many people needs `confirmLarge`: a slip of the picker must not reach a whole grid. */
export const LARGE_AUDIENCE = 200;

/** The outbox template a staff notice is written with. */
export const NOTICE_TEMPLATE = 'notice.staff';

export const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamId: uuid }),
  z.object({ kind: z.literal('grid'), gridId: uuid }),
  z.object({ kind: z.literal('skill'), skillCode: z.string().trim().min(1, 'notice.skill').max(40) }),
  z.object({ kind: z.literal('classroom') }),
  z.object({ kind: z.literal('building'), buildingId: uuid }),
]);
export type Audience = z.infer<typeof audience>;

export const noticeInput = z.object({
  title: z.string().trim().min(1, 'notice.title').max(40, 'notice.titleLong'),
  text: z.string().trim().min(1, 'notice.text').max(500, 'notice.textLong'),
  urgent: z.boolean().default(false),
  audience,
  /** Required to send to more than LARGE_AUDIENCE people. */
  confirmLarge: z.boolean().default(false),
});
export type NoticeInput = z.infer<typeof noticeInput>;

export const audiencePreview = z.object({
  label: z.string(),
  /** Distinct people a message will reach (one per phone number). */
  people: z.number(),
  /** People (or, for households, whole households) with no phone to reach them: skipped. */
  unreachable: z.number(),
  /** Names or places of the first few unreachable, so staff can follow up by other means. */
  unreachableNames: z.array(z.string()),
  large: z.boolean(),
});
export type AudiencePreview = z.infer<typeof audiencePreview>;

export const audienceOptions = z.object({
  teams: z.array(z.object({ id: z.string(), name: z.string(), members: z.number() })),
  grids: z.array(
    z.object({ id: z.string(), name: z.string(), buildings: z.array(z.object({ id: z.string(), name: z.string() })) }),
  ),
  skills: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string(), volunteers: z.number() })),
  /** Team leaders pick only their own team; the urgent flag is the office's. */
  teamOnly: z.boolean(),
  mayMarkUrgent: z.boolean(),
});
export type AudienceOptions = z.infer<typeof audienceOptions>;

/** Statuses as the outbox row holds them; counted per batch. */
export const statusCounts = z.record(z.string(), z.number());

export const noticeItem = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  urgent: z.boolean(),
  audienceKind: z.enum(AUDIENCE_KINDS),
  audienceLabel: z.string(),
  recipients: z.number(),
  unreachable: z.number(),
  sentBy: z.string(),
  sentAt: z.string(),
  statuses: statusCounts,
});
export type NoticeItem = z.infer<typeof noticeItem>;

export const noticeDetail = noticeItem.extend({
  people: z.array(
    z.object({
      outboxId: z.string(),
      name: z.string(),
      kind: z.string(),
      phone: z.string().nullable(),
      channel: z.string(),
      status: z.string(),
      sentAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const myMessage = z.object({
  id: z.string(),
  template: z.string(),
  payload: z.record(z.string(), z.unknown()),
  at: z.string(),
  read: z.boolean(),
});
export type MyMessage = z.infer<typeof myMessage>;

export const myMessages = pageOf(myMessage).extend({ unread: z.number() });
export type MyMessages = z.infer<typeof myMessages>;

export const noticePage = pageOf(noticeItem);
export const pageQuery = z.object(paging(20));
