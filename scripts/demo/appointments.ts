// Xiguan's bookable services: a monthly free clinic (义诊) by the skills pool's doctors, a weekly
// free haircut (义剪) by the haircut volunteers, and legal advice (法律咨询) by the lawyers; eight weeks of past
// bookings and a few upcoming ones by elderly residents, and one upcoming booking for the family account
// (13800000007, 李泽钦). Built from the rows seedCommunity already made, so ids agree.
import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import {
  addDaysTo,
  bookingTiming,
  slotsBetween,
  type ScheduleRule,
  type Slot,
} from '../../domain/appointments/schedule.ts';
import { ageOn } from '../../domain/shared/dates.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import type { Database } from '../../server/src/db/schema.ts';
import { Rng } from './random.ts';

export interface AppointmentRows {
  services: Insertable<Database['appointment_service']>[];
  providers: Insertable<Database['appointment_provider']>[];
  schedules: Insertable<Database['appointment_schedule']>[];
  feeds: Insertable<Database['appointment_feed']>[];
  slots: Insertable<Database['appointment_slot']>[];
  bookings: Insertable<Database['appointment_booking']>[];
}

/** The appointment tables in the order they must be inserted (parents first). */
export const APPOINTMENT_TABLES = [
  ['appointment_service', 'services'],
  ['appointment_provider', 'providers'],
  ['appointment_schedule', 'schedules'],
  ['appointment_feed', 'feeds'],
  ['appointment_slot', 'slots'],
  ['appointment_booking', 'bookings'],
] as const;

interface ServiceDef {
  name: string;
  kind: string;
  description: string;
  place: string;
  slotMinutes: number;
  places: number;
  windowDays: number;
  noticeHours: number;
  rules: Omit<ScheduleRule, 'place'>[];
  providers: { skills: readonly string[]; max: number };
  /** Share of past places that were taken, and of upcoming ones. */
  pastFill: number;
  upcomingFill: number;
}

const SERVICES: ServiceDef[] = [
  {
    name: '义诊',
    kind: 'clinic',
    description: '每月第一个周六上午，社区卫生服务站的医生志愿者为居民量血压、测血糖、看常见病、讲用药。',
    place: '西关社区卫生服务站',
    slotMinutes: 30,
    places: 4,
    windowDays: 35,
    noticeHours: 12,
    rules: [{ weekday: 6, startMinute: 540, endMinute: 690, monthWeek: 1 }],
    providers: { skills: ['doctor', 'tcm', 'nurse'], max: 4 },
    pastFill: 0.8,
    upcomingFill: 0.4,
  },
  {
    name: '义剪',
    kind: 'haircut',
    description: '每周二、周四上午义务理发，行动不便的老人可以请家人预约后上门。',
    place: '西关社区志愿服务站',
    slotMinutes: 20,
    places: 2,
    windowDays: 14,
    noticeHours: 2,
    rules: [
      { weekday: 2, startMinute: 540, endMinute: 660, monthWeek: null },
      { weekday: 4, startMinute: 540, endMinute: 660, monthWeek: null },
    ],
    providers: { skills: ['haircut'], max: 3 },
    pastFill: 0.6,
    upcomingFill: 0.25,
  },
  {
    name: '法律咨询',
    kind: 'legal',
    description: '每周三下午，律师志愿者免费解答赡养、继承、婚姻、劳动和邻里纠纷等法律问题。',
    place: '社区人民调解室',
    slotMinutes: 30,
    places: 1,
    windowDays: 14,
    noticeHours: 24,
    rules: [{ weekday: 3, startMinute: 870, endMinute: 1020, monthWeek: null }],
    providers: { skills: ['lawyer'], max: 2 },
    pastFill: 0.5,
    upcomingFill: 0.3,
  },
];

export interface AppointmentInput {
  communityId: string;
  today: string;
  now: Date;
  seed: number;
  volunteers: readonly { id: string; status: string }[];
  skills: readonly { volunteer_id: string; skill_code: string }[];
  residents: readonly { id: string; birth_date: string; status: string }[];
  /** The family account's resident (李泽钦), who gets one upcoming booking; null without accounts. */
  familyResidentId: string | null;
}

export function appointmentRows(input: AppointmentInput): AppointmentRows {
  const cid = input.communityId;
  const at = input.now.toISOString();
  const rng = new Rng(input.seed).fork('appointments');
  const r: AppointmentRows = { services: [], providers: [], schedules: [], feeds: [], slots: [], bookings: [] };
  const approved = new Set(input.volunteers.filter((v) => v.status === 'approved').map((v) => v.id));
  const elders = input.residents
    .filter((x) => x.status === 'active' && ageOn(x.birth_date, input.today) >= 60)
    .map((x) => x.id);
  const fed = new Set<string>();
  const from = addDaysTo(input.today, -56);

  for (const def of SERVICES) {
    const serviceId = uuidv7();
    r.services.push({
      community_id: cid,
      id: serviceId,
      name: def.name,
      kind: def.kind,
      description: def.description,
      place: def.place,
      slot_minutes: def.slotMinutes,
      places_per_slot: def.places,
      window_days: def.windowDays,
      notice_hours: def.noticeHours,
      active: 1,
      created_at: at,
      updated_at: at,
    });
    // Doctors before nurses: the skills named first are asked first.
    const providerIds = [
      ...new Set(
        def.providers.skills.flatMap((code) =>
          input.skills.filter((s) => approved.has(s.volunteer_id) && s.skill_code === code).map((s) => s.volunteer_id),
        ),
      ),
    ].slice(0, def.providers.max);
    for (const v of providerIds) {
      r.providers.push({ community_id: cid, service_id: serviceId, volunteer_id: v });
      if (!fed.has(v)) {
        fed.add(v);
        r.feeds.push({
          community_id: cid,
          volunteer_id: v,
          token: randomBytes(24).toString('base64url'),
          created_at: at,
        });
      }
    }
    const rules: ScheduleRule[] = def.rules.map((x) => ({ ...x, place: def.place }));
    for (const x of rules) {
      r.schedules.push({
        community_id: cid,
        id: uuidv7(),
        service_id: serviceId,
        weekday: x.weekday,
        start_minute: x.startMinute,
        end_minute: x.endMinute,
        month_week: x.monthWeek,
        place: null,
      });
    }
    const limits = { windowDays: def.windowDays, noticeHours: def.noticeHours };
    for (const slot of slotsBetween(rules, def.slotMinutes, from, addDaysTo(input.today, def.windowDays))) {
      const past = Date.parse(slot.start) < input.now.getTime();
      if (!past && bookingTiming(slot.start, limits, input.now) !== 'ok') continue;
      const fill = past ? def.pastFill : def.upcomingFill;
      const who = new Set<string>();
      for (let i = 0; i < def.places; i++) if (rng.chance(fill)) who.add(rng.pick(elders));
      if (!who.size) continue;
      addBookings(r, cid, serviceId, slot, def.places, [...who], past, rng);
    }
  }

  // 李泽钦 asks the lawyer about his mother's guardianship: his one upcoming booking, at the first legal-advice
  // slot still open at least two days ahead.
  if (input.familyResidentId) {
    const legal = r.services.find((s) => s.kind === 'legal')!;
    const def = SERVICES.find((s) => s.kind === 'legal')!;
    const slot = slotsBetween(
      def.rules.map((x) => ({ ...x, place: def.place })),
      def.slotMinutes,
      addDaysTo(input.today, 2),
      addDaysTo(input.today, def.windowDays),
    ).find((s) => !r.slots.some((x) => x.service_id === legal.id && x.starts_at === s.start));
    if (slot) addBookings(r, cid, legal.id, slot, def.places, [input.familyResidentId], false, rng);
  }
  return r;
}

function addBookings(
  r: AppointmentRows,
  cid: string,
  serviceId: string,
  slot: Slot,
  places: number,
  residentIds: string[],
  past: boolean,
  rng: Rng,
) {
  let booked = 0;
  for (const residentId of residentIds) {
    // A few upcoming bookings were cancelled and their places freed.
    const cancelled = !past && rng.chance(0.1);
    if (!cancelled) booked++;
    const made = new Date(Date.parse(slot.start) - rng.int(1, 6) * 86400_000).toISOString();
    r.bookings.push({
      community_id: cid,
      id: uuidv7(),
      service_id: serviceId,
      slot_start: slot.start,
      resident_id: residentId,
      status: cancelled ? 'cancelled' : 'confirmed',
      channel: rng.pick(['phone', 'phone', 'office', 'online', 'wechat'] as const),
      booked_by: null,
      note: null,
      created_at: made,
      cancelled_at: cancelled ? made : null,
      cancelled_by: cancelled ? 'demo' : null,
      cancel_reason: null,
      reminded_at: past ? slot.start : null,
    });
  }
  r.slots.push({
    community_id: cid,
    service_id: serviceId,
    starts_at: slot.start,
    ends_at: slot.end,
    place: slot.place,
    places,
    booked,
  });
}
