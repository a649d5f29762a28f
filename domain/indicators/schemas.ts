// The indicators dashboard (算得清、看得到): the shapes of its answers, shared by server and web, and the charts'
// titles in both languages (the server prints them into the Excel export and the monthly PDF).
import { z } from 'zod';
import { isRealDate } from '../shared/dates.ts';

export const NODE_KINDS = ['city', 'district', 'street', 'community', 'grid'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface ViewNodeShape {
  id: string;
  kind: NodeKind;
  name: string;
  children: ViewNodeShape[];
}
/** A node of the tree, five levels deep at most (city → district → street → community → grid): spelled out, since
 * the OpenAPI document cannot hold a recursive schema. */
const nodeFields = { id: z.string(), kind: z.enum(NODE_KINDS), name: z.string() };
let level: z.ZodTypeAny = z.object({ ...nodeFields, children: z.array(z.never()) });
for (let i = 0; i < 4; i++) level = z.object({ ...nodeFields, children: z.array(level) });
export const viewNode = level as unknown as z.ZodType<ViewNodeShape>;

/** The years of the Chinese calendar (calendar.ts, not imported: the web reads this file and the calendar's tables
 * would come along); the figures read the festivals of the period's years. */
const inCalendar = (year: number) => year >= 1950 && year <= 2100;
// A period outside the calendar's years was a 500 (the festivals could not be dated): refused as the caller's mistake.
const day = z
  .string()
  .refine(isRealDate, 'invalid.date')
  .refine((d) => inCalendar(Number(d.slice(0, 4))), 'invalid.year');
export const indicatorsQuery = z.object({
  /** A node of the tree: `community:<id>`, `grid:<id>`; default the actor's own node. */
  node: z.string().max(200).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type IndicatorsQuery = z.infer<typeof indicatorsQuery>;
/** A month the report can be made for: in the years of the Chinese calendar. */
function isReportMonth(m: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(m) && inCalendar(Number(m.slice(0, 4)));
}

export const reportQuery = z.object({
  node: z.string().max(200).optional(),
  // The report reads the month's festivals: only the years the Chinese calendar covers.
  month: z.string().refine(isReportMonth, 'indicators.month'),
});

export const CHART_KEYS = [
  'households',
  'volunteersByAge',
  'volunteersByKind',
  'volunteersByTeam',
  'volunteersByUnit',
  'partyByKind',
  'partyByGrid',
  'hoursByMonth',
  'hoursByTeam',
  'hoursByUnit',
  'servicesByGroup',
  'servicesByKind',
  'needs',
  'needTimes',
  'coverage',
  'classroom',
  'badges',
  'festivals',
  'performances',
] as const;
export type ChartKey = (typeof CHART_KEYS)[number];

export const chart = z.object({
  key: z.enum(CHART_KEYS),
  type: z.enum(['bar', 'line', 'pie']),
  /** What the numbers count: people, households, hours, services… (a key of UNIT_LABELS). */
  unit: z.string(),
  /** True when the figures are the whole community's even on a grid (activities belong to no grid). */
  communityWide: z.boolean(),
  categories: z.array(z.string()),
  series: z.array(z.object({ key: z.string(), name: z.string(), values: z.array(z.number()) })),
});
export type Chart = z.infer<typeof chart>;

export const headline = z.object({
  households: z.number(),
  householdsWithVolunteer: z.number(),
  /** Share of households with ≥1 approved volunteer, 0–100, one decimal. */
  householdShare: z.number(),
  volunteers: z.number(),
  partyMembers: z.number(),
  hours: z.number(),
  services: z.number(),
  needsReceived: z.number(),
  needsMet: z.number(),
  specialResidents: z.number(),
  paired: z.number(),
  leftOut: z.number(),
});
export type Headline = z.infer<typeof headline>;

const nodeRef = z.object({ id: z.string(), kind: z.enum(NODE_KINDS), name: z.string() });
export const indicatorsView = z.object({
  node: nodeRef,
  from: z.string(),
  to: z.string(),
  headline,
  charts: z.array(chart),
  /**
   * Read from the communities' stored figures (a community or above, over the default window): when the oldest of
   * them was computed; they are refreshed every ROLLUP_MINUTES. Null: counted from the records for this answer.
   */
  computedAt: z.string().nullable(),
});
/** How often each community's stored figures are refreshed, in minutes. */
export const ROLLUP_MINUTES = 5;
export type IndicatorsView = z.infer<typeof indicatorsView>;

export const compareView = z.object({
  node: nodeRef,
  from: z.string(),
  to: z.string(),
  rows: z.array(nodeRef.extend({ headline })),
  total: headline,
});
export type CompareView = z.infer<typeof compareView>;

export const reportItem = z.object({
  id: z.string(),
  nodeId: z.string(),
  nodeName: z.string(),
  month: z.string(),
  bytes: z.number(),
  createdAt: z.string(),
});
export const reportList = z.object({ items: z.array(reportItem) });

type Text = { zh: string; en: string };
export const CHART_TITLES: Record<ChartKey, Text> = {
  households: { zh: '有志愿者的家庭', en: 'Households with a volunteer' },
  volunteersByAge: { zh: '志愿者年龄段', en: 'Volunteers by age band' },
  volunteersByKind: { zh: '志愿者来源', en: 'Volunteers by kind (recruited via)' },
  volunteersByTeam: { zh: '各队伍志愿者', en: 'Volunteers by team' },
  volunteersByUnit: { zh: '各单位志愿者', en: 'Volunteers by unit' },
  partyByKind: { zh: '党员类别与服务时长', en: 'Party members by kind, with hours' },
  partyByGrid: { zh: '各网格党员与服务时长', en: 'Party members by grid, with hours' },
  hoursByMonth: { zh: '每月服务时长', en: 'Hours by month' },
  hoursByTeam: { zh: '各队伍服务时长', en: 'Hours by team' },
  hoursByUnit: { zh: '各单位服务时长', en: 'Hours by unit' },
  servicesByGroup: { zh: '特殊群体受服务次数', en: 'Services to each special group' },
  servicesByKind: { zh: '服务记录（按类别）', en: 'Services by kind' },
  needs: { zh: '需求受理与办结', en: 'Needs received and met' },
  needTimes: { zh: '需求响应时间（中位数）', en: 'Time to match and to done (median)' },
  coverage: { zh: '特殊群体结对覆盖与被遗漏', en: 'Pairing coverage of special groups, and left out' },
  classroom: { zh: '四点半课堂出勤', en: "4:30 classroom's attendance" },
  badges: { zh: '爱心码扫码与寻回', en: 'Badge scans and finds' },
  festivals: { zh: '节日活动', en: 'Activities by festival' },
  performances: { zh: '文艺演出', en: 'Performances' },
};

export const UNIT_LABELS: Record<string, Text> = {
  households: { zh: '户', en: 'households' },
  people: { zh: '人', en: 'people' },
  hours: { zh: '小时', en: 'hours' },
  services: { zh: '次', en: 'times' },
  mixed: { zh: '', en: '' },
};

export const HEADLINE_LABELS: Record<keyof Headline, Text> = {
  households: { zh: '家庭户数', en: 'Households' },
  householdsWithVolunteer: { zh: '有志愿者的家庭', en: 'Households with a volunteer' },
  householdShare: { zh: '家庭志愿者覆盖率(%)', en: 'Share with a volunteer (%)' },
  volunteers: { zh: '志愿者', en: 'Volunteers' },
  partyMembers: { zh: '党员', en: 'Party members' },
  hours: { zh: '服务时长(小时)', en: 'Hours' },
  services: { zh: '服务次数', en: 'Services' },
  needsReceived: { zh: '受理需求', en: 'Needs received' },
  needsMet: { zh: '办结需求', en: 'Needs met' },
  specialResidents: { zh: '特殊群体人数', en: 'Special-group residents' },
  paired: { zh: '已结对', en: 'Paired' },
  leftOut: { zh: '被遗漏', en: 'Left out' },
};

export const AGE_BANDS = ['under18', '18-34', '35-59', '60-69', '70plus'] as const;
export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], Text> = {
  under18: { zh: '18岁以下', en: 'Under 18' },
  '18-34': { zh: '18–34岁', en: '18–34' },
  '35-59': { zh: '35–59岁', en: '35–59' },
  '60-69': { zh: '60–69岁', en: '60–69' },
  '70plus': { zh: '70岁及以上', en: '70 and over' },
};
/** The band of an age in whole years. */
export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  return age < 18 ? 'under18' : age < 35 ? '18-34' : age < 60 ? '35-59' : age < 70 ? '60-69' : '70plus';
}

export const RECRUITED_VIA_LABELS: Record<string, Text> = {
  residents_committee: { zh: '居委会', en: "Residents' committee" },
  youth_league: { zh: '团委', en: 'Youth League' },
  womens_federation: { zh: '妇联', en: "Women's Federation" },
  elderly_association: { zh: '老年协会', en: 'Elderly association' },
  disabled_association: { zh: '残联', en: 'Disabled association' },
  unit: { zh: '驻区单位', en: 'Unit' },
  party: { zh: '党组织', en: 'Party' },
  self: { zh: '自主报名', en: 'Self' },
};
export const PARTY_KIND_LABELS: Record<string, Text> = {
  in_service: { zh: '在职党员', en: 'In-service' },
  resident: { zh: '居民党员', en: 'Resident' },
  floating: { zh: '流动党员', en: 'Floating' },
};
export const SERIES_LABELS: Record<string, Text> = {
  households: { zh: '家庭户数', en: 'Households' },
  withVolunteer: { zh: '有志愿者', en: 'With a volunteer' },
  volunteers: { zh: '志愿者', en: 'Volunteers' },
  members: { zh: '党员', en: 'Members' },
  hours: { zh: '服务时长(小时)', en: 'Hours' },
  services: { zh: '服务次数', en: 'Services' },
  reached: { zh: '服务人数', en: 'Residents reached' },
  count: { zh: '数量', en: 'Count' },
  medianHours: { zh: '中位数(小时)', en: 'Median (hours)' },
  residents: { zh: '人数', en: 'Residents' },
  paired: { zh: '已结对', en: 'Paired' },
  leftOut: { zh: '被遗漏', en: 'Left out' },
  sessions: { zh: '课次', en: 'Sessions' },
  checkIns: { zh: '签到人次', en: 'Check-ins' },
  absences: { zh: '请假人次', en: 'Absences reported' },
  views: { zh: '扫码查看', en: 'Scans (view)' },
  messages: { zh: '扫码留言', en: 'Scans (message)' },
  finds: { zh: '寻回', en: 'Found and returned' },
  activities: { zh: '活动场次', en: 'Activities' },
  attended: { zh: '参与人次', en: 'Attendances' },
  performances: { zh: '演出场次', en: 'Performances' },
  audience: { zh: '观众人次', en: 'Audience' },
  items: { zh: '节目数', en: 'Programme items' },
};
export const NEED_STAGE_LABELS: Record<string, Text> = {
  received: { zh: '受理', en: 'Received' },
  matched: { zh: '已匹配', en: 'Matched' },
  met: { zh: '已办结', en: 'Met' },
  open: { zh: '办理中', en: 'Open' },
  closed: { zh: '取消/婉拒', en: 'Cancelled or declined' },
  toMatch: { zh: '受理到匹配', en: 'To match' },
  toDone: { zh: '受理到办结', en: 'To done' },
};
export const OTHER_LABELS: Record<string, Text> = {
  noTeam: { zh: '未入队', en: 'No team' },
  noUnit: { zh: '未填单位', en: 'No unit' },
  noGrid: { zh: '未分网格', en: 'No grid' },
};
