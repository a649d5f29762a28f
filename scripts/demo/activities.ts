// A year of Xiguan's activities: the festivals and some solar terms from domain/calendar's templates, the Party
// school's cleaning on the last three days of every month (a series), and the culture teams' shows (the case
// study counts 67 a year) with their programmes. Past activities have their sign-ups, check-ins and check-outs
// (a few no-shows, a few forgotten check-outs that went to review); the next two months are open for sign-up.
// Every attended shift becomes a DemoService, so the hours ledger records it like the check-out would have.
// Two 小小志愿者 activities ahead: a child signed up with a parent of their household, another with an adult
// volunteer signed up for the same shift.
// Pure: the model and ids in, rows and services out.
import type { Insertable } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { templatesBetween, type TemplateShift } from '../../domain/activities/templates.ts';
import { formatRule, occurrences } from '../../domain/pairings/recurrence.ts';
import { toMinute } from '../../domain/activities/schemas.ts';
import { addDays } from './identity.ts';
import { Rng } from './random.ts';
import type { DemoService } from './hours.ts';
import { shanghaiInstant } from '../../domain/shared/dates.ts';

export interface ActivityRows {
  series: Insertable<Database['activity_series']>[];
  activities: Insertable<Database['activity']>[];
  shifts: Insertable<Database['activity_shift']>[];
  signups: Insertable<Database['activity_signup']>[];
  programme: Insertable<Database['activity_programme_item']>[];
}
export const ACTIVITY_TABLES = [
  ['activity_series', 'series'],
  ['activity', 'activities'],
  ['activity_shift', 'shifts'],
  ['activity_signup', 'signups'],
  ['activity_programme_item', 'programme'],
] as const;

export interface ActivityInput {
  communityId: string;
  today: string;
  seed: number;
  at: string;
  volunteers: { id: string; status: string; birth_date: string; resident_id?: string | null }[];
  /** The registry's residents, for a child's parent of the same household (小小志愿者). */
  residents?: { id: string; household_id: string; birth_date: string; status: string }[];
  teams: { id: string; name: string; kind: string; unit_id: string | null }[];
  teamMembers: { team_id: string; volunteer_id: string; status: string }[];
  units: { id: string; kind: string }[];
  createdBy: string | null;
}

/** Shows a year, as the case study counts them. */
const SHOWS_PER_YEAR = 67;
const PROGRAMME: Record<string, { title: string; genre: string }[]> = {
  秦腔社: [
    { title: '秦腔《三滴血》选段', genre: '秦腔' },
    { title: '秦腔《火焰驹》选段', genre: '秦腔' },
    { title: '秦腔《周仁回府》选段', genre: '秦腔' },
  ],
  合唱团: [
    { title: '合唱《没有共产党就没有新中国》', genre: '合唱' },
    { title: '合唱《志愿者之歌》', genre: '合唱' },
  ],
  舞蹈队: [{ title: '舞蹈《为了谁》', genre: '舞蹈' }],
  快板队: [{ title: '快板《一心一意说志愿》', genre: '快板' }],
  腰鼓队: [{ title: '安塞腰鼓', genre: '腰鼓' }],
  模特队: [{ title: '旗袍秀', genre: '时装表演' }],
  太极拳队: [{ title: '太极拳表演', genre: '武术' }],
  广场舞队: [{ title: '广场舞《最炫民族风》', genre: '舞蹈' }],
  书画社: [{ title: '现场书写春联', genre: '书法' }],
};
const SHOW_PLACES = ['宝福路广场', '西关社区文化活动室', '西关正街小游园', '金台区老年活动中心'];

interface Planned {
  id: string;
  date: string;
  title: string;
  shifts: { id: string; name: string; startsAt: string; endsAt: string; places: number }[];
  teamId: string | null;
}

export function activityRows(input: ActivityInput): { rows: ActivityRows; services: DemoService[] } {
  const rng = new Rng(input.seed ^ 0x5a17);
  const cid = input.communityId;
  const rows: ActivityRows = { series: [], activities: [], shifts: [], signups: [], programme: [] };
  const services: DemoService[] = [];
  const from = addDays(input.today, -365),
    to = addDays(input.today, 60);
  const adultList = input.volunteers
    .filter(
      (v) =>
        v.status === 'approved' &&
        v.birth_date <= addDays(input.today, -18 * 366) &&
        v.birth_date >= addDays(input.today, -76 * 366),
    )
    .map((v) => v.id);
  const adults = new Set(adultList);
  const membersOf = new Map<string, string[]>();
  for (const m of input.teamMembers)
    if (m.status === 'active')
      (membersOf.get(m.team_id) ?? membersOf.set(m.team_id, []).get(m.team_id)!).push(m.volunteer_id);
  const partySchool = input.units.find((u) => u.kind === 'party_school')?.id ?? null;
  const squad = (name: string) => input.teams.find((t) => t.name === name)?.id ?? null;

  const add = (
    date: string,
    f: {
      kind: 'service' | 'performance';
      title: string;
      description: string;
      place: string;
      shifts: TemplateShift[];
      teamId?: string | null;
      unitId?: string | null;
      seriesId?: string | null;
      templateKey?: string | null;
      audience?: number | null;
      junior?: boolean;
    },
  ): Planned => {
    const id = uuidv7();
    const shifts = f.shifts.map((s, i) => ({
      id: uuidv7(),
      name: s.name,
      startsAt: shanghaiInstant(date, toMinute(s.start)),
      endsAt: shanghaiInstant(date, toMinute(s.end)),
      places: s.places,
      position: i,
    }));
    const startsAt = shifts.reduce((a, s) => (s.startsAt < a ? s.startsAt : a), shifts[0]!.startsAt);
    const endsAt = shifts.reduce((a, s) => (s.endsAt > a ? s.endsAt : a), shifts[0]!.endsAt);
    rows.activities.push({
      community_id: cid,
      id,
      kind: f.kind,
      title: f.title,
      description: f.description,
      organiser_team_id: f.teamId ?? null,
      organiser_unit_id: f.unitId ?? null,
      place: f.place,
      lat: 34.3612,
      lng: 107.1428,
      tolerance_m: 300,
      date,
      starts_at: startsAt,
      ends_at: endsAt,
      service_type_id: null,
      status: 'published',
      series_id: f.seriesId ?? null,
      template_key: f.templateKey ?? null,
      audience_count: f.audience ?? null,
      junior_volunteers: f.junior ? 1 : 0,
      created_by: input.createdBy,
      created_at: `${addDays(date, -14)}T02:00:00.000Z`,
      updated_at: `${addDays(date, -14)}T02:00:00.000Z`,
    });
    for (const s of shifts)
      rows.shifts.push({
        community_id: cid,
        id: s.id,
        activity_id: id,
        position: s.position,
        name: s.name,
        starts_at: s.startsAt,
        ends_at: s.endsAt,
        places: s.places,
        taken: 0,
      });
    return { id, date, title: f.title, shifts, teamId: f.teamId ?? null };
  };

  const planned: Planned[] = [];
  // Festivals, Lei Feng Day, Volunteer Day, and every third solar term.
  const templates = templatesBetween(from, to).filter((t, i) => t.source === 'festival' || i % 3 === 0);
  for (const t of templates)
    planned.push(
      add(t.date, {
        kind: t.kind,
        title: t.title,
        description: t.description,
        place: '西关社区服务站',
        shifts: t.shifts,
        templateKey: t.key,
        teamId: squad('环保卫生服务队'),
      }),
    );

  // The Party school's cleaning: the last three days of every month.
  const rule = { freq: 'MONTHLY' as const, interval: 1, byMonthDay: [-3, -2, -1] };
  const seriesId = uuidv7();
  const cleaning = {
    kind: 'service' as const,
    title: '党校志愿者楼院大扫除',
    description: '市委党校党员志愿者每月最后三天清扫楼院、清理小广告。',
    place: '西关社区各楼院',
    shifts: [{ name: '清扫组', start: '08:30', end: '10:30', places: 12 }],
    unitId: partySchool,
  };
  rows.series.push({
    community_id: cid,
    id: seriesId,
    rule: formatRule(rule),
    start_date: from,
    until_date: null,
    template: JSON.stringify(cleaning),
    generated_to: to,
    created_by: input.createdBy,
    created_at: `${from}T02:00:00.000Z`,
  });
  for (const d of occurrences(rule, from, null, from, to)) planned.push(add(d, { ...cleaning, seriesId }));

  // The culture teams' shows: about 67 a year, evenings and weekends, each with its programme.
  const culture = input.teams.filter((t) => t.kind === 'culture' && (membersOf.get(t.id)?.length ?? 0) >= 3);
  for (let i = 0; i < SHOWS_PER_YEAR && culture.length; i++) {
    const team = culture[i % culture.length]!;
    const date = addDays(from, Math.floor((i * 365) / SHOWS_PER_YEAR) + rng.int(0, 4));
    if (date >= input.today) continue;
    const show = add(date, {
      kind: 'performance',
      title: `${team.name}文艺演出`,
      description: `${team.name}为居民义务演出。`,
      place: rng.pick(SHOW_PLACES),
      teamId: team.id,
      shifts: [{ name: '演出', start: '19:00', end: '21:00', places: Math.min(12, membersOf.get(team.id)!.length) }],
      audience: rng.int(60, 300),
    });
    planned.push(show);
    const items = PROGRAMME[team.name] ?? [{ title: `${team.name}节目`, genre: '其他' }];
    items.forEach((it, position) =>
      rows.programme.push({
        community_id: cid,
        id: uuidv7(),
        activity_id: show.id,
        position,
        title: it.title,
        genre: it.genre,
        performers: rng.sample(membersOf.get(team.id)!, Math.min(4, membersOf.get(team.id)!.length)).length + ' 位队员',
      }),
    );
  }

  // Sign-ups and attendance. A volunteer is never in two shifts that overlap.
  const busy = new Map<string, Array<[string, string]>>();
  const free = (v: string, s: { startsAt: string; endsAt: string }) =>
    !(busy.get(v) ?? []).some(([a, b]) => a < s.endsAt && b > s.startsAt);
  planned.sort((a, b) => a.date.localeCompare(b.date));
  for (const p of planned) {
    const past = p.date < input.today;
    const team = p.teamId ? (membersOf.get(p.teamId) ?? []) : [];
    // One sign-up per volunteer and activity, whichever shift.
    const inActivity = new Set<string>();
    for (const s of p.shifts) {
      const fill = past ? rng.int(70, 100) / 100 : rng.int(20, 60) / 100;
      const want = Math.round(s.places * fill);
      const pool = rng.shuffle([
        ...team.filter((v) => adults.has(v)),
        ...rng.sample(adultList, Math.min(adultList.length, want * 3)),
      ]);
      const chosen: string[] = [];
      for (const v of pool) {
        if (chosen.length >= want) break;
        if (!inActivity.has(v) && free(v, s)) {
          chosen.push(v);
          inActivity.add(v);
        }
      }
      for (const v of chosen) {
        (busy.get(v) ?? busy.set(v, []).get(v)!).push([s.startsAt, s.endsAt]);
        const id = uuidv7(),
          entryId = uuidv7();
        const signedAt = `${addDays(p.date, -rng.int(2, 10))}T0${rng.int(1, 9)}:00:00.000Z`;
        const attended = past && !rng.chance(0.07);
        const forgot = attended && rng.chance(0.04);
        const inAt = attended ? new Date(Date.parse(s.startsAt) - rng.int(0, 15) * 60_000).toISOString() : null;
        const outAt = attended
          ? forgot
            ? s.endsAt
            : new Date(Date.parse(s.endsAt) + rng.int(0, 20) * 60_000).toISOString()
          : null;
        const minutes = attended ? Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000) : null;
        rows.signups.push({
          community_id: cid,
          id,
          activity_id: p.id,
          shift_id: s.id,
          volunteer_id: v,
          status: 'confirmed',
          channel: p.teamId && team.includes(v) ? 'leader' : 'self',
          signed_up_by: null,
          created_at: signedAt,
          promoted_at: null,
          cancelled_at: null,
          cancelled_by: null,
          reminded_day_at: past ? `${addDays(p.date, -1)}T10:00:00.000Z` : null,
          reminded_soon_at: null,
          checked_in_at: inAt,
          checkin_method: attended ? rng.pick(['qr', 'qr', 'qr', 'card', 'list'] as const) : null,
          checkin_distance_m: attended ? rng.int(5, 120) : null,
          checked_out_at: outAt,
          checkout_method: attended ? (forgot ? 'auto' : 'qr') : null,
          review_reason: forgot ? 'checkout_missing' : null,
          hours_entry_id: attended ? entryId : null,
          minutes,
        });
        if (attended)
          services.push({
            volunteerId: v,
            source: 'activity',
            sourceId: id,
            serviceDate: p.date,
            minutes: minutes!,
            description: `${p.title} · ${s.name}`,
            startedAt: s.startsAt,
            endedAt: s.endsAt,
            reviewReason: forgot ? 'checkout_missing' : null,
            entryId,
          });
      }
      rows.shifts.find((x) => x.id === s.id)!.taken = chosen.length;
    }
  }
  // 小小志愿者: two activities ahead. On the first a child (an approved minor volunteer registered as a resident) is
  // signed up with a parent of their household; on the second another child with an adult volunteer who has a
  // place on the same shift. No draws, so the rest of the demo is as before.
  const juniorSpecs = [
    {
      date: addDays(input.today, 9),
      title: '小小志愿者 垃圾分类宣传',
      description: '孩子们在家长陪同下，到各楼院宣传垃圾分类，发放分类指南。',
      place: '西关社区各楼院',
      shifts: [{ name: '宣传组', start: '09:00', end: '11:00', places: 16 }],
    },
    {
      date: addDays(input.today, 16),
      title: '小小志愿者 敬老院慰问',
      description: '孩子们为敬老院老人表演节目、送上手工贺卡，成年志愿者全程陪同。',
      place: '金台区老年活动中心',
      shifts: [{ name: '慰问组', start: '14:30', end: '16:30', places: 12 }],
    },
  ];
  const household = new Map((input.residents ?? []).map((r) => [r.id, r]));
  const parentOf = (residentId: string, date: string) => {
    const child = household.get(residentId);
    if (!child) return null;
    return (
      (input.residents ?? [])
        .filter(
          (r) =>
            r.household_id === child.household_id &&
            r.id !== child.id &&
            r.status === 'active' &&
            r.birth_date <= addDays(date, -25 * 366) &&
            r.birth_date >= addDays(date, -60 * 366),
        )
        .sort((a, b) => b.birth_date.localeCompare(a.birth_date))[0] ?? null
    );
  };
  const minors = input.volunteers
    .filter(
      (v) =>
        v.status === 'approved' &&
        !!v.resident_id &&
        v.birth_date > addDays(juniorSpecs[1]!.date, -18 * 365) &&
        v.birth_date <= addDays(input.today, -9 * 366),
    )
    .sort((a, b) => a.id.localeCompare(b.id));
  const signup = (p: Planned, v: string, at: string, companion: { resident?: string; volunteer?: string } = {}) =>
    rows.signups.push({
      community_id: input.communityId,
      id: uuidv7(),
      activity_id: p.id,
      shift_id: p.shifts[0]!.id,
      volunteer_id: v,
      status: 'confirmed',
      channel: 'self',
      signed_up_by: null,
      created_at: at,
      promoted_at: null,
      cancelled_at: null,
      cancelled_by: null,
      reminded_day_at: null,
      reminded_soon_at: null,
      checked_in_at: null,
      checkin_method: null,
      checkin_distance_m: null,
      checked_out_at: null,
      checkout_method: null,
      review_reason: null,
      hours_entry_id: null,
      minutes: null,
      companion_resident_id: companion.resident ?? null,
      companion_volunteer_id: companion.volunteer ?? null,
    });
  const [first, second] = juniorSpecs.map((j) =>
    add(j.date, { kind: 'service', ...j, teamId: squad('环保卫生服务队'), junior: true }),
  );
  const at = `${input.today}T02:00:00.000Z`;
  const adultsFree = (p: Planned) => adultList.filter((v) => free(v, p.shifts[0]!)).slice(0, 3);
  const withParent = minors.find((m) => parentOf(m.resident_id!, first!.date));
  const grown = adultsFree(second!);
  for (const [p, helpers] of [
    [first!, adultsFree(first!)],
    [second!, grown],
  ] as const) {
    for (const v of helpers) {
      signup(p, v, at);
      (busy.get(v) ?? busy.set(v, []).get(v)!).push([p.shifts[0]!.startsAt, p.shifts[0]!.endsAt]);
    }
    rows.shifts.find((x) => x.id === p.shifts[0]!.id)!.taken = helpers.length;
  }
  if (withParent) {
    signup(first!, withParent.id, at, { resident: parentOf(withParent.resident_id!, first!.date)!.id });
    rows.shifts.find((x) => x.id === first!.shifts[0]!.id)!.taken! += 1;
  }
  const other = minors.find((m) => m.id !== withParent?.id);
  if (other && grown[0]) {
    signup(second!, other.id, at, { volunteer: grown[0] });
    rows.shifts.find((x) => x.id === second!.shifts[0]!.id)!.taken! += 1;
  }
  return { rows, services };
}
