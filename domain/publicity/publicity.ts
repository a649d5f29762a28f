// Publicity (宣传): an announcement is written once and goes to the channels the community uses — the public
// site, the LED screen, the bulletin-board poster and the volunteers' WeChat group. Schemas shared by the
// server's routes and the console.
import { z } from 'zod';
import { uuid } from '../shared/schemas.ts';
import { isQuarter } from '../recognition/quarters.ts';

export const ANNOUNCEMENT_KINDS = ['news', 'activity', 'commendation', 'class'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/** 市民学校 and the interest classes (兴趣班) the case study's community ran. */
export const CLASS_KINDS = ['citizens_school', 'painting', 'calligraphy', 'music', 'recitation', 'guoxue'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];

export const CHANNELS = ['site', 'screen', 'poster', 'wechat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ANNOUNCEMENT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

export const CLASS_LABELS: Record<ClassKind, { zh: string; en: string }> = {
  citizens_school: { zh: '市民学校', en: "Citizens' school" },
  painting: { zh: '绘画班', en: 'Painting' },
  calligraphy: { zh: '书法班', en: 'Calligraphy' },
  music: { zh: '音乐班', en: 'Music' },
  recitation: { zh: '朗诵班', en: 'Recitation' },
  guoxue: { zh: '国学班', en: 'Chinese classics (国学)' },
};

const instant = z.string().datetime({ offset: true, message: 'invalid.value' });
const quarter = z.string().refine(isQuarter, 'invalid.value');
const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');

const fields = {
  kind: z.enum(ANNOUNCEMENT_KINDS),
  title: text(60).min(2, 'publicity.titleRequired'),
  body: text(2000).default(''),
  activityId: uuid.nullable().optional(),
  quarter: quarter.nullable().optional(),
  classKind: z.enum(CLASS_KINDS).nullable().optional(),
  schedule: text(100).nullable().optional(),
  place: text(100).nullable().optional(),
  publishFrom: instant.nullable().optional(),
  publishUntil: instant.nullable().optional(),
  channels: z.array(z.enum(CHANNELS)).min(1, 'publicity.channelRequired').max(4),
};

/** What the kind needs linked, and a window that ends after it starts. */
function linked<T extends z.ZodTypeAny>(s: T) {
  return s.superRefine((v: any, ctx) => {
    if (v.kind === 'activity' && !v.activityId)
      ctx.addIssue({ code: 'custom', path: ['activityId'], message: 'publicity.activityRequired' });
    if (v.kind === 'commendation' && !v.quarter)
      ctx.addIssue({ code: 'custom', path: ['quarter'], message: 'publicity.quarterRequired' });
    if (v.kind === 'class') {
      if (!v.classKind) ctx.addIssue({ code: 'custom', path: ['classKind'], message: 'publicity.classRequired' });
      if (!v.schedule) ctx.addIssue({ code: 'custom', path: ['schedule'], message: 'publicity.scheduleRequired' });
      if (!v.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'publicity.placeRequired' });
    }
    if (v.publishFrom && v.publishUntil && Date.parse(v.publishUntil) <= Date.parse(v.publishFrom))
      ctx.addIssue({ code: 'custom', path: ['publishUntil'], message: 'publicity.windowBackwards' });
  });
}

export const announcementInput = linked(z.strictObject(fields));
export type AnnouncementInput = z.infer<typeof announcementInput>;

export const announcementView = z.object({
  id: z.string(),
  kind: z.enum(ANNOUNCEMENT_KINDS),
  title: z.string(),
  body: z.string(),
  activityId: z.string().nullable(),
  quarter: z.string().nullable(),
  classKind: z.enum(CLASS_KINDS).nullable(),
  schedule: z.string().nullable(),
  place: z.string().nullable(),
  publishFrom: z.string().nullable(),
  publishUntil: z.string().nullable(),
  channels: z.array(z.enum(CHANNELS)),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** The short link (/s/{code}) once published; the WeChat text carries it. */
  shortPath: z.string().nullable(),
});
export type AnnouncementView = z.infer<typeof announcementView>;

export const announcementQuery = z.object({
  status: z.enum(ANNOUNCEMENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** What an announcement can link to: the community's upcoming published activities and its published lists. */
export const publicitySources = z.object({
  communityId: z.string(),
  activities: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), place: z.string() })),
  quarters: z.array(z.string()),
});

export const wechatText = z.object({ text: z.string(), shortUrl: z.string() });

/** One upcoming published activity on the public site and its data API (nothing personal). */
export const publicActivity = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** 小小志愿者活动: children may sign up with an accompanying adult. */
  juniorVolunteers: z.boolean(),
  signUpUrl: z.string(),
});
export type PublicActivity = z.infer<typeof publicActivity>;
export const publicActivities = z.object({
  community: z.string(),
  items: z.array(publicActivity),
});

/** One item the LED screen rolls through. */
export const screenItem = z.object({ kind: z.string(), title: z.string(), line: z.string() });
export const screenFeed = z.object({ community: z.string(), items: z.array(screenItem) });
export type ScreenItem = z.infer<typeof screenItem>;

/** The phone page an activity's sign-up goes through (it asks to sign in). */
export const signUpPath = (activityId: string) => `/m/activities/${activityId}`;
