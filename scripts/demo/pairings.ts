// Three-fixed pairings (三定) for the demo: about 150 running pairings of volunteers with elders living alone,
// with dementia and disabled residents, and some that ended, each with its visits since it began. Most
// expected visits are kept (on the day, or a day late), some are missed, and a few volunteers stopped
// coming some weeks ago — so the missed-visit list and the left-out monitor have something true to show.
// Most special-group residents stay unpaired, as in life.
//
// Same two steps as the rest of the demo: planPairings() decides (pure, from the seed), pairingRows() adds ids.
import type { Insertable } from 'kysely';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { formatRule, occurrences, type Recurrence, type Weekday } from '../../domain/pairings/recurrence.ts';
import type { PairingItem } from '../../domain/pairings/schemas.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { HouseholdModel } from './households.ts';
import type { Person } from './model.ts';
import type { Rng } from './random.ts';
import type { VolunteerPlan } from './volunteers.ts';
import { addDays } from '../../domain/shared/dates.ts';

export const PAIRING_FIGURES = { active: 150, ended: 20 } as const;

export interface VisitPlan {
  date: string;
  minutes: number;
  notes: string | null;
}
export interface PairingPlan {
  volunteer: VolunteerPlan;
  resident: Person;
  item: PairingItem;
  itemNote: string | null;
  place: string;
  rule: Recurrence;
  startsOn: string;
  ended: { on: string; reason: string } | null;
  visits: VisitPlan[];
}

const ITEMS: readonly (readonly [PairingItem, number])[] = [
  ['weekly_visit', 10],
  ['medicine_reminder', 4],
  ['shopping', 4],
  ['cleaning', 3],
  ['chat', 4],
  ['meal_delivery', 2],
  ['haircut', 1],
  ['escort_medical', 1],
];
const MINUTES: Record<PairingItem, [number, number]> = {
  weekly_visit: [30, 90],
  medicine_reminder: [10, 30],
  shopping: [40, 90],
  cleaning: [60, 150],
  haircut: [20, 40],
  chat: [30, 90],
  meal_delivery: [15, 30],
  escort_medical: [120, 240],
  other: [30, 60],
};
const PLACES: Partial<Record<PairingItem, string>> = {
  shopping: '西关菜市场、居民家中',
  escort_medical: '宝鸡市中医医院',
  haircut: '居民家中（上门理发）',
};
const NOTES: Partial<Record<PairingItem, string[]>> = {
  weekly_visit: [
    '老人精神不错，聊了家常',
    '帮老人量了血压，正常',
    '老人说腿有点疼，已告知社工',
    '陪老人在楼下晒太阳',
    '检查了燃气和电器，安全',
  ],
  medicine_reminder: ['提醒按时服药，药盒已分好一周', '降压药快吃完了，已联系家属', '核对了用药清单'],
  shopping: ['买了米、面和蔬菜', '代买降压药和牛奶', '买了水果和鸡蛋'],
  cleaning: ['打扫了厨房和卫生间', '擦了窗户，换洗了床单'],
  chat: ['老人想念孩子，陪着说了会儿话', '一起看了老照片', '老人讲了年轻时的故事'],
  meal_delivery: ['送了午饭，老人吃得挺好'],
  escort_medical: ['陪同复查，医生说恢复得不错', '陪同取药、挂号'],
};
const END_REASONS = ['志愿者搬离本社区', '居民入住养老院', '居民由子女接去同住', '志愿者工作调动，另行安排结对'];
const DAYS: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function ruleFor(rng: Rng, item: PairingItem): Recurrence {
  if (item === 'haircut') return { freq: 'MONTHLY', interval: 1, byMonthDay: [rng.int(1, 28)] };
  if (item === 'escort_medical') return { freq: 'MONTHLY', interval: 1, byMonthDay: [rng.pick([5, 10, 15, 20])] };
  const kind = rng.weighted([
    ['one', 60],
    ['two', 15],
    ['biweekly', 15],
    ['monthly', 10],
  ] as const);
  if (kind === 'monthly')
    return { freq: 'MONTHLY', interval: 1, byMonthDay: rng.chance(0.5) ? [1, 15] : [rng.int(1, 28)] };
  const first = rng.int(0, 6);
  const byDay = kind === 'two' ? DAYS.filter((_, i) => i === first || i === (first + 3) % 7) : [DAYS[first]!];
  return { freq: 'WEEKLY', interval: kind === 'biweekly' ? 2 : 1, byDay };
}

function visitsFor(
  rng: Rng,
  p: Omit<PairingPlan, 'visits'>,
  today: string,
  opts: { keep: number; stoppedDaysAgo: number | null; leaveDue: boolean },
): VisitPlan[] {
  const last = p.ended ? p.ended.on : addDays(today, opts.leaveDue ? -3 : -1);
  const until = opts.stoppedDaysAgo !== null ? addDays(today, -opts.stoppedDaysAgo) : last;
  const seen = new Set<string>();
  const out: VisitPlan[] = [];
  for (const d of occurrences(p.rule, p.startsOn, null, p.startsOn, until < last ? until : last)) {
    if (!rng.chance(opts.keep)) continue;
    const shift = rng.weighted([
      [0, 80],
      [1, 15],
      [-1, 5],
    ] as const);
    let date = addDays(d, shift);
    if (date < p.startsOn || date > last || date >= today) date = d;
    if (seen.has(date)) continue;
    seen.add(date);
    const [lo, hi] = MINUTES[p.item];
    const notes = rng.chance(0.4) && NOTES[p.item] ? rng.pick(NOTES[p.item]!) : null;
    out.push({ date, minutes: Math.round(rng.int(lo, hi) / 5) * 5, notes });
  }
  return out;
}

export interface PairingInput {
  rng: Rng;
  today: string;
  people: Person[];
  volunteers: VolunteerPlan[];
  gridOf: Map<HouseholdModel, number>;
  /** The demo volunteer (刘红梅) and the elder she visits (李泽钦's mother). */
  demoVolunteer: Person;
  demoElder: Person;
}

export function planPairings(input: PairingInput): PairingPlan[] {
  const { rng, today } = input;
  const eligible = input.volunteers.filter((v) => v.status === 'approved' && v.age >= 18 && v.age <= 75 && v.person);
  const load = new Map<VolunteerPlan, number>();
  const byGrid = new Map<number, VolunteerPlan[]>();
  for (const v of eligible) {
    const g = input.gridOf.get(v.person!.household)!;
    (byGrid.get(g) ?? byGrid.set(g, []).get(g)!).push(v);
  }
  const plans: PairingPlan[] = [];
  const add = (
    volunteer: VolunteerPlan,
    resident: Person,
    item: PairingItem,
    startsOn: string,
    ended: PairingPlan['ended'],
    opts: Parameters<typeof visitsFor>[3],
    rule = ruleFor(rng, item),
  ) => {
    const base = {
      volunteer,
      resident,
      item,
      itemNote: null,
      place: PLACES[item] ?? '居民家中',
      rule,
      startsOn,
      ended,
    };
    plans.push({ ...base, visits: visitsFor(rng, base, today, opts) });
    load.set(volunteer, (load.get(volunteer) ?? 0) + 1);
  };

  // The demo volunteer's own: her weekly visit to 李泽钦's mother (the visit due in the last days is left to log),
  // and medicine reminders on the same days.
  // A city community may have no demo volunteer (her registration is drawn like anyone's): then there is none to pair.
  const demo = input.volunteers.find((v) => v.person === input.demoVolunteer);
  const twice: Recurrence = { freq: 'WEEKLY', interval: 1, byDay: ['TU', 'FR'] };
  if (demo) {
    add(
      demo,
      input.demoElder,
      'weekly_visit',
      addDays(today, -300),
      null,
      { keep: 0.95, stoppedDaysAgo: null, leaveDue: true },
      twice,
    );
    add(
      demo,
      input.demoElder,
      'medicine_reminder',
      addDays(today, -120),
      null,
      { keep: 0.9, stoppedDaysAgo: null, leaveDue: true },
      twice,
    );
  }

  const weight = (p: Person) =>
    (p.groups.has('dementia') ? 5 : 0) +
    (p.groups.has('living_alone') ? 4 : 0) +
    (p.groups.has('disabled') ? 3 : 0) +
    (p.groups.has('sanwu') ? 4 : 0);
  const targets = input.people.filter((p) => p !== input.demoElder && p.age >= 18 && weight(p) > 0);
  const others = PAIRING_FIGURES.active - plans.length;
  const chosen = rng.weightedSample(targets, others + PAIRING_FIGURES.ended, weight);
  for (const [i, resident] of chosen.entries()) {
    const grid = input.gridOf.get(resident.household)!;
    // Nearness first: a volunteer of the same grid most of the time, never one of the resident's own household.
    const pool = (rng.chance(0.7) ? (byGrid.get(grid) ?? eligible) : eligible).filter(
      (v) => v.person!.household !== resident.household && (load.get(v) ?? 0) < 2,
    );
    const candidates = pool.length ? pool : eligible.filter((v) => (load.get(v) ?? 0) < 3);
    if (!candidates.length) break; // every volunteer has three pairings already
    const volunteer = rng.pick(candidates);
    const item = rng.weighted(ITEMS);
    if (i < others) {
      // About one in ten volunteers stopped coming some weeks ago: their residents are left out now.
      const stopped = rng.chance(0.1) ? rng.int(21, 60) : null;
      add(volunteer, resident, item, addDays(today, -rng.int(60, 420)), null, {
        keep: rng.int(70, 98) / 100,
        stoppedDaysAgo: stopped,
        leaveDue: false,
      });
    } else {
      const startsOn = addDays(today, -rng.int(250, 400));
      add(
        volunteer,
        resident,
        item,
        startsOn,
        { on: addDays(startsOn, rng.int(60, 200)), reason: rng.pick(END_REASONS) },
        { keep: rng.int(75, 95) / 100, stoppedDaysAgo: null, leaveDue: false },
      );
    }
  }
  return plans;
}

export interface PairingRows {
  pairings: Insertable<Database['pairing']>[];
  visits: Insertable<Database['pairing_visit']>[];
}

export function pairingRows(
  plans: readonly PairingPlan[],
  ctx: {
    communityId: string;
    at: string;
    volunteerIds: Map<VolunteerPlan, string>;
    residentIds: Map<Person, string>;
    createdBy: string | null;
  },
): PairingRows {
  const out: PairingRows = { pairings: [], visits: [] };
  for (const p of plans) {
    const id = uuidv7();
    const volunteerId = ctx.volunteerIds.get(p.volunteer)!,
      residentId = ctx.residentIds.get(p.resident)!;
    const created = `${p.startsOn}T02:00:00.000Z`;
    out.pairings.push({
      community_id: ctx.communityId,
      id,
      volunteer_id: volunteerId,
      resident_id: residentId,
      item: p.item,
      item_note: p.itemNote,
      place: p.place,
      rrule: formatRule(p.rule),
      starts_on: p.startsOn,
      ends_on: null,
      service_type_id: null,
      note: null,
      status: p.ended ? 'ended' : 'active',
      ended_on: p.ended?.on ?? null,
      end_reason: p.ended?.reason ?? null,
      created_by: ctx.createdBy,
      created_at: created,
      updated_at: p.ended ? `${p.ended.on}T02:00:00.000Z` : created,
    });
    for (const v of p.visits) {
      out.visits.push({
        community_id: ctx.communityId,
        id: uuidv7(),
        pairing_id: id,
        volunteer_id: volunteerId,
        resident_id: residentId,
        visited_on: v.date,
        minutes: v.minutes,
        // Logged that evening (20:00 in Shanghai) by the volunteer.
        notes: v.notes,
        logged_by: null,
        logged_by_name: p.volunteer.name,
        logged_at: `${v.date}T12:00:00.000Z`,
      });
    }
  }
  return out;
}
