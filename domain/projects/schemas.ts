// Projects (志愿者 + 项目 + 特色服务): a goal with measurable targets, a budget and its spending, a period and a
// lead, grouping the activities, needs, pairings and teams that serve it. Its report counts what they achieved
// from the one record of service (contacts) and the hours ledger, within the period.
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';
import { SPECIAL_GROUPS } from '../registry/special-groups.ts';

const text = (max: number) => z.string().trim().max(max, 'invalid.tooLong');
const localDate = z.string().refine(isRealDate, 'invalid.date');
/** Money in fen (分), whole numbers: yuan × 100, so sums are exact on both databases. */
const fen = z.number().int('invalid.number').min(0, 'invalid.number').max(2_000_000_000, 'invalid.number');

/** What a target counts: services (contacts), hours (verified or not, in force), people served. */
export const TARGET_METRICS = ['services', 'hours', 'people'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];
export const TARGET_METRIC_LABELS: Record<TargetMetric, { zh: string; en: string }> = {
  services: { zh: '服务人次', en: 'Services' },
  hours: { zh: '服务时长（小时）', en: 'Hours of service' },
  people: { zh: '服务人数', en: 'People served' },
};

export const LINK_KINDS = ['activity', 'need', 'pairing', 'team'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const projectTarget = z.object({
  metric: z.enum(TARGET_METRICS),
  /** Only residents of this special group count (services and people); null: everyone. */
  group: z.enum(SPECIAL_GROUPS).nullable().default(null),
  target: z.number().int('invalid.number').min(1, 'invalid.number').max(1_000_000, 'invalid.number'),
});
export type ProjectTarget = z.infer<typeof projectTarget>;

const projectFields = z.object({
  name: text(60).min(1, 'invalid.required'),
  goal: text(1000).default(''),
  targets: z.array(projectTarget).max(20, 'invalid.tooMany').default([]),
  budgetFen: fen.default(0),
  startsOn: localDate,
  endsOn: localDate,
  leadName: text(30).min(1, 'invalid.required'),
});
export const projectInput = projectFields.refine((p) => p.endsOn >= p.startsOn, {
  path: ['endsOn'],
  message: 'invalid.endBeforeStart',
});
export type ProjectInput = z.infer<typeof projectInput>;
export const projectPatch = projectFields.partial();
export type ProjectPatch = z.infer<typeof projectPatch>;

export const spendingInput = z.object({
  spentOn: localDate,
  item: text(60).min(1, 'invalid.required'),
  amountFen: fen.refine((n) => n > 0, 'invalid.number'),
  note: text(200).nullish(),
});
export type SpendingInput = z.infer<typeof spendingInput>;

export const linkInput = z.object({ kind: z.enum(LINK_KINDS), targetId: z.string().uuid('invalid.id') });

export const projectItem = z.object({
  id: z.string(),
  name: z.string(),
  goal: z.string(),
  targets: z.array(z.object({ metric: z.enum(TARGET_METRICS), group: z.string().nullable(), target: z.number() })),
  budgetFen: z.number(),
  spentFen: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  leadName: z.string(),
  links: z.number(),
  createdAt: z.string(),
});
export type ProjectItem = z.infer<typeof projectItem>;

export const projectLink = z.object({ kind: z.enum(LINK_KINDS), targetId: z.string(), label: z.string() });
export type ProjectLinkView = z.infer<typeof projectLink>;
export const spendingItem = z.object({
  id: z.string(),
  spentOn: z.string(),
  item: z.string(),
  amountFen: z.number(),
  note: z.string().nullable(),
});
export const projectDetail = projectItem.extend({
  links: z.array(projectLink),
  spending: z.array(spendingItem),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const projectReport = z.object({
  projectId: z.string(),
  name: z.string(),
  from: z.string(),
  to: z.string(),
  /** Contacts (one resident or household helped once) of the linked work within the period. */
  services: z.number(),
  /** Distinct residents (or households helped as a whole) reached. */
  people: z.number(),
  /** Minutes in force (corrections applied) of credit entries, and of those the verified ones. */
  minutes: z.number(),
  verifiedMinutes: z.number(),
  volunteers: z.number(),
  byKind: z.array(z.object({ kind: z.string(), services: z.number() })),
  byGroup: z.array(z.object({ group: z.enum(SPECIAL_GROUPS), services: z.number(), people: z.number() })),
  targets: z.array(
    z.object({
      metric: z.enum(TARGET_METRICS),
      group: z.string().nullable(),
      target: z.number(),
      achieved: z.number(),
    }),
  ),
  budgetFen: z.number(),
  spentFen: z.number(),
});
export type ProjectReport = z.infer<typeof projectReport>;

export const yuan = (f: number) => (f / 100).toFixed(2);
