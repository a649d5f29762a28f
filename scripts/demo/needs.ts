// A year of Xiguan's needs and its household survey. Requests come mostly from elders by phone,
// and, as the case study warns (旱的旱死、涝的涝死), they pile up on a few: a fifth of the elders ask for
// most of the help while others are never heard from — so the left-out monitor has something true to show.
// Built from the rows seedCommunity already made, so ids agree.
import type { Insertable } from 'kysely';
import { ageOn } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { NeedStatus } from '../../domain/needs/needs.ts';
import type { SkillCategory } from '../../domain/volunteers/skills.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import { Rng } from './random.ts';

export interface NeedRows {
  needs: Insertable<Database['need']>[];
  events: Insertable<Database['need_event']>[];
  surveyVisits: Insertable<Database['survey_visit']>[];
  surveyNeeds: Insertable<Database['survey_need']>[];
}
export const NEED_TABLES = [
  ['need', 'needs'],
  ['need_event', 'events'],
  ['survey_visit', 'surveyVisits'],
  ['survey_need', 'surveyNeeds'],
] as const;

const CATEGORIES: ReadonlyArray<readonly [SkillCategory, number, readonly string[]]> = [
  [
    'household',
    34,
    [
      '厨房水龙头漏水，请人帮忙修一下',
      '卫生间灯不亮了',
      '换煤气灶的电池',
      '帮忙把冬天的被子晒一晒',
      '打扫卫生，老人一个人弄不动',
    ],
  ],
  ['medical', 24, ['每周量一次血压', '腿脚不便，想请人陪同去医院复查', '帮忙整理一周的药，提醒按时吃药', '测一下血糖']],
  ['special_groups', 14, ['陪老人聊聊天', '帮忙代买米面油', '周末陪老人下楼走走']],
  ['science_digital', 10, ['教老人用手机视频通话', '帮忙在手机上交电费', '手机上的健康码不会用']],
  ['legal', 6, ['房屋继承的事想咨询一下', '赡养费纠纷想问问怎么办']],
  ['psychological', 5, ['老伴刚走，情绪低落，想有人说说话']],
  ['education', 5, ['孩子数学作业没人辅导']],
  ['culture', 2, ['想学秦腔，问问社团什么时候活动']],
];
const CHANNELS = [
  ['phone', 50],
  ['online', 18],
  ['wechat', 15],
  ['office', 12],
  ['survey', 5],
] as const;
const HOUR = 3_600_000;

interface Args {
  communityId: string;
  now: Date;
  today: string;
  seed: number;
  residents: ReadonlyArray<{ id: string; household_id: string; grid_id: string; birth_date: string; status: string }>;
  /** Residents in any special group (their tags are tokens; only who, not which, is needed here). */
  specialGroupResidentIds: readonly string[];
  households: ReadonlyArray<{ id: string; grid_id: string }>;
  volunteers: ReadonlyArray<{ id: string; status: string; birth_date: string }>;
  skills: ReadonlyArray<{ volunteer_id: string; category: string }>;
  /** Who took the calls (staff) and who walked the grids (grid leaders, by grid id). */
  staff: { accountId: string | null; name: string };
  gridLeaders: ReadonlyMap<string, { accountId: string | null; name: string }>;
}

export function needRows(a: Args): NeedRows {
  const rng = new Rng(a.seed).fork('needs');
  const out: NeedRows = { needs: [], events: [], surveyVisits: [], surveyNeeds: [] };
  const elders = a.residents.filter((r) => r.status === 'active' && ageOn(r.birth_date, a.today) >= 60);
  // A fifth of the elders ask often (weight 12), most now and then (1), and a quarter never appear at all.
  const askers = rng.shuffle(elders).slice(0, Math.floor(elders.length * 0.75));
  const weightOf = new Map(askers.map((r, i) => [r, i < askers.length * 0.2 ? 12 : 1] as const));
  const table = askers.map((r) => [r, weightOf.get(r)!] as const);
  const adults = a.volunteers
    .filter((v) => v.status === 'approved' && ageOn(v.birth_date, a.today) >= 18)
    .map((v) => v.id);
  const byCategory = new Map<string, string[]>();
  for (const s of a.skills)
    if (adults.includes(s.volunteer_id))
      byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s.volunteer_id]);
  const now = a.now.getTime();

  for (let i = 0; i < 720; i++) {
    const r = rng.weighted(table);
    const [category, , texts] = rng.weighted(CATEGORIES.map((c) => [c, c[1]] as const));
    const channel = rng.weighted(CHANNELS);
    const urgency = rng.weighted([
      ['normal', 85],
      ['urgent', 13],
      ['emergency', 2],
    ] as const);
    // Spread over the past year, a little busier before the Spring Festival and in winter.
    const ageDays = rng.chance(0.03) ? rng.int(0, 3) : rng.int(0, 364);
    const created = now - ageDays * 24 * HOUR - rng.int(0, 10) * HOUR;
    const pool = byCategory.get(category) ?? adults;
    const volunteer = rng.pick(pool.length ? pool : adults);
    const status: NeedStatus =
      ageDays <= 3
        ? rng.weighted([
            ['new', 40],
            ['matched', 25],
            ['scheduled', 15],
            ['in_progress', 10],
            ['done', 10],
          ] as const)
        : rng.weighted([
            ['reviewed', 72],
            ['done', 14],
            ['cancelled', 9],
            ['declined', 5],
          ] as const);
    const id = uuidv7();
    const at = (ms: number) => new Date(Math.min(ms, now)).toISOString();
    // Urgent needs are matched within hours, others within a day or two; the work takes one to five days.
    const matched = created + (urgency === 'normal' ? rng.int(2, 40) : rng.int(1, 6)) * HOUR;
    const done = matched + rng.int(1, 5) * 24 * HOUR;
    const path: NeedStatus[] = {
      new: ['new'],
      matched: ['new', 'matched'],
      scheduled: ['new', 'matched', 'scheduled'],
      in_progress: ['new', 'matched', 'in_progress'],
      done: ['new', 'matched', 'in_progress', 'done'],
      reviewed: ['new', 'matched', 'in_progress', 'done', 'reviewed'],
      cancelled: ['new', 'cancelled'],
      declined: ['new', 'declined'],
    }[status] as NeedStatus[];
    const when: Record<string, number> = {
      new: created,
      matched,
      scheduled: matched + HOUR,
      in_progress: done - 4 * HOUR,
      done,
      reviewed: done + rng.int(1, 3) * 24 * HOUR,
      cancelled: created + rng.int(1, 30) * HOUR,
      declined: created + rng.int(1, 8) * HOUR,
    };
    const hasVolunteer = path.includes('matched');
    const rating =
      status === 'reviewed'
        ? rng.weighted([
            [5, 70],
            [4, 24],
            [3, 5],
            [2, 1],
          ] as const)
        : null;
    out.needs.push({
      community_id: a.communityId,
      id,
      resident_id: r.id,
      household_id: r.household_id,
      grid_id: r.grid_id,
      channel,
      category,
      skill_code: null,
      service_type_id: null,
      urgency,
      preferred_date: null,
      preferred_start: null,
      preferred_end: null,
      preferred_gender: null,
      place: null,
      description: rng.pick(texts),
      caller_phone: null,
      status,
      volunteer_id: hasVolunteer ? volunteer : null,
      scheduled_for: status === 'scheduled' ? new Date(now + 2 * 24 * HOUR).toISOString().slice(0, 16) : null,
      close_reason:
        status === 'cancelled' ? '家属已自行解决' : status === 'declined' ? '不在志愿服务范围，已转交物业' : null,
      rating,
      rating_comment: rating === 5 ? '志愿者很热心，谢谢' : null,
      created_by: channel === 'online' || channel === 'wechat' ? null : a.staff.accountId,
      created_at: at(created),
      matched_at: hasVolunteer ? at(matched) : null,
      done_at: path.includes('done') ? at(done) : null,
      closed_at: ['reviewed', 'cancelled', 'declined'].includes(status) ? at(when[status]!) : null,
      updated_at: at(when[status]!),
    });
    let from: NeedStatus | null = null;
    for (const to of path) {
      out.events.push({
        community_id: a.communityId,
        id: uuidv7(),
        need_id: id,
        from_status: from,
        to_status: to,
        volunteer_id: to === 'matched' ? volunteer : null,
        note: to === 'new' ? channel : null,
        account_id: channel === 'online' && to === 'new' ? null : a.staff.accountId,
        actor_name: to === 'new' && channel !== 'phone' && channel !== 'office' ? '居民' : a.staff.name,
        at: at(when[to]!),
      });
      from = to;
    }
  }

  // The survey reached about nine households in ten this year, grid by grid; the grid leaders go back to the
  // homes of the oldest and of everyone in a special group every few days to two weeks — except for about
  // one in seven, who drop out of sight.
  const flagged = new Set(a.specialGroupResidentIds);
  const oldest = new Set(
    a.residents
      .filter((r) => r.status === 'active' && (flagged.has(r.id) || ageOn(r.birth_date, a.today) >= 70))
      .map((r) => r.household_id),
  );
  const visit = (h: { id: string; grid_id: string }, daysAgo: number, found: number) => {
    const leader = a.gridLeaders.get(h.grid_id) ?? a.staff;
    const visitId = uuidv7();
    out.surveyVisits.push({
      community_id: a.communityId,
      id: visitId,
      household_id: h.id,
      grid_id: h.grid_id,
      visited_on: new Date(now - daysAgo * 24 * HOUR).toISOString().slice(0, 10),
      visitor_account_id: leader.accountId,
      visitor_name: leader.name,
      note: null,
      created_at: new Date(now).toISOString(),
    });
    for (const [category] of rng.sample(CATEGORIES, found))
      out.surveyNeeds.push({ community_id: a.communityId, visit_id: visitId, category, note: null });
  };
  for (const h of a.households) {
    if (!rng.chance(0.88)) continue;
    const first = rng.int(60, 330);
    visit(
      h,
      first,
      rng.weighted([
        [0, 45],
        [1, 40],
        [2, 15],
      ] as const),
    );
    if (!oldest.has(h.id)) continue;
    // Forgotten: nobody has been back for two months or more.
    let day = rng.chance(0.14) ? rng.int(60, 120) : rng.int(0, 8);
    for (; day < first - 3; day += rng.int(4, 13)) visit(h, day, 0);
  }
  return out;
}
