// What the recognition pages send and receive: the star-level public notice (公示), the quarterly ranking,
// nominations, approval, publication, consent to publication, the yearly health-check list, and party
// members' indicators. Shared by the server and the web.
import { z } from 'zod';
import { paging, uuid } from '../shared/schemas.ts';
import { isRealDate } from '../shared/dates.ts';
import { isQuarter } from './quarters.ts';

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');
const localDate = z.string().refine(isRealDate, 'invalid.date');

export const quarter = z.string().refine(isQuarter, 'recognition.badQuarter');
export const quarterParam = z.object({ quarter });

/** Default length of a public notice; each community may change it. */
export const DEFAULT_NOTICE_DAYS = 7;
export const MIN_NOTICE_DAYS = 1;
export const MAX_NOTICE_DAYS = 30;

export const NOTICE_STATUSES = ['open', 'awarded', 'withdrawn', 'lapsed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOMINATION_STATUSES = ['nominated', 'approved', 'rejected'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const settingsInput = z.object({
  noticeDays: z
    .number({ error: 'invalid.number' })
    .int('invalid.integer')
    .min(MIN_NOTICE_DAYS, 'recognition.noticeDays')
    .max(MAX_NOTICE_DAYS, 'recognition.noticeDays'),
});
export const scanInput = z.object({ today: localDate.optional() });
export const withdrawInput = z.object({ reason: text(200).min(1, 'invalid.required') });
export const nominateInput = z.object({ quarter, volunteerId: uuid, reason: text(300).min(1, 'invalid.required') });
export const decideInput = z.object({ approve: z.boolean(), note: text(200).optional() });
export const consentInput = z.object({ publish: z.boolean() });
export const yearQuery = z.object({
  year: z.coerce
    .number({ error: 'invalid.year' })
    .int('invalid.year')
    .min(2000, 'invalid.year')
    .max(2100, 'invalid.year'),
});

export const noticeView = z.object({
  id: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  teams: z.string(),
  level: z.number(),
  hours: z.number(),
  opensOn: z.string(),
  endsOn: z.string(),
  status: z.enum(NOTICE_STATUSES),
  withdrawReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type NoticeView = z.infer<typeof noticeView>;

export const myStar = z.object({
  volunteerId: z.string(),
  name: z.string(),
  creditHours: z.number(),
  reachedLevel: z.number(),
  awardedLevel: z.number(),
  awardedOn: z.string().nullable(),
  notice: z.object({ level: z.number(), endsOn: z.string() }).nullable(),
  consent: z.object({
    publish: z.boolean(),
    source: z.enum(['self', 'paper']).nullable(),
    updatedAt: z.string().nullable(),
  }),
});
export type MyStar = z.infer<typeof myStar>;

export const scorePart = z.object({
  key: z.enum(['service', 'rating', 'attendance', 'noShows']),
  value: z.number(),
  points: z.number(),
});
export const rankedView = z.object({
  rank: z.number(),
  volunteerId: z.string(),
  name: z.string(),
  teams: z.string(),
  score: z.number(),
  hours: z.number(),
  parts: z.array(scorePart),
  explanation: z.string(),
  ratingCount: z.number(),
  signedUp: z.number(),
  attended: z.number(),
  noShows: z.number(),
  /** From the record of service: contacts made in the quarter, and the residents (or households) they reached. */
  contacts: z.number(),
  residentsReached: z.number(),
  nomination: z.object({ id: z.string(), status: z.enum(NOMINATION_STATUSES) }).nullable(),
});
export type RankedView = z.infer<typeof rankedView>;
export const rankingView = z.object({
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  attendanceKnown: z.boolean(),
  items: z.array(rankedView),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
/** The ranking: a name search and a page (ranks are among every candidate). */
export const rankingQuery = z.object({ q: z.string().trim().max(40, 'invalid.tooLong').optional(), ...paging(20) });

export const nominationView = z.object({
  id: z.string(),
  quarter: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  teams: z.string(),
  reason: z.string(),
  score: z.number(),
  explanation: z.string(),
  hours: z.number(),
  nominatedByName: z.string(),
  nominatedAt: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  consent: z.boolean(),
});
export type NominationView = z.infer<typeof nominationView>;
export const nominationsView = z.object({
  quarter: z.string(),
  published: z.object({ at: z.string(), byName: z.string() }).nullable(),
  items: z.array(nominationView),
});

/** The public commendation list: names, teams and hours only. */
export const publicEntry = z.object({ name: z.string(), teams: z.string(), hours: z.number() });
export const publicList = z.object({
  community: z.string(),
  quarter: z.string(),
  publishedAt: z.string(),
  items: z.array(publicEntry),
});
export type PublicList = z.infer<typeof publicList>;
export const publicQuarters = z.object({
  community: z.string(),
  quarters: z.array(z.object({ quarter: z.string(), publishedAt: z.string() })),
});

export const healthCheckRow = z.object({
  volunteerId: z.string(),
  name: z.string(),
  gender: z.string(),
  age: z.number(),
  phone: z.string(),
  teams: z.string(),
  quarters: z.array(z.string()),
});
export const healthCheckView = z.object({ year: z.number(), items: z.array(healthCheckRow) });
export type HealthCheckRow = z.infer<typeof healthCheckRow>;

// ---- party members' indicators (算得清、看得到) ----
export const INDICATOR_VIEWS = ['member', 'branch', 'unit'] as const;
export type IndicatorView = (typeof INDICATOR_VIEWS)[number];
export const indicatorsQuery = z
  .object({ from: localDate, to: localDate, view: z.enum(INDICATOR_VIEWS).default('member') })
  .refine((q) => q.from <= q.to, { message: 'recognition.periodOrder', path: ['to'] })
  .refine((q) => q.from >= '2000-01-01' && q.to <= '2100-12-31', { message: 'invalid.date', path: ['from'] });
export const indicatorsExportQuery = z
  .object({ from: localDate, to: localDate, unit: z.string().max(120, 'invalid.tooLong').optional() })
  .refine((q) => q.from <= q.to, { message: 'recognition.periodOrder', path: ['to'] });
export const indicatorFigures = z.object({
  hours: z.number(),
  services: z.number(),
  activities: z.number(),
  visits: z.number(),
  appointments: z.number(),
  postsClaimed: z.number(),
  points: z.number().nullable(),
});
export type IndicatorFigures = z.infer<typeof indicatorFigures>;
export const indicatorRow = indicatorFigures.extend({
  key: z.string(),
  name: z.string(),
  branch: z.string(),
  unit: z.string(),
  members: z.number(),
});
export type IndicatorRow = z.infer<typeof indicatorRow>;
export const indicatorsView = z.object({
  from: z.string(),
  to: z.string(),
  view: z.enum(INDICATOR_VIEWS),
  pointsKnown: z.boolean(),
  items: z.array(indicatorRow),
  total: indicatorFigures.extend({ members: z.number() }),
});
