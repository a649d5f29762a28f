// The demo's home care: about twenty tasks over the last months for elders without family and
// elders living alone (quilts sewn before winter, monthly haircuts, baths), one hospital stay with its rota of
// accompaniment shifts (the past ones served, two gaps in the next 48 hours), last Mid-Autumn's delivery run
// (all delivered, two after a second try, one declined with a note, so the run closed with nobody silently
// missed) and the coming Spring Festival's run, open, with 刘红梅 delivering in one building (about five doors). Rows are
// built purely from the seed; insertHomecareDemo adds them and their hours to the ledger (totals and points kept).
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { Trx } from '../../server/src/db/database.ts';
import type { FieldCipher } from '../../server/src/platform/crypto.ts';
import { groupTag } from '../../server/src/modules/registry/tags.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import {
  festivalDate,
  compareAddress,
  DEFAULT_RUN_GROUPS,
  maskResidentName,
  shiftsBetween,
  TASK_LABEL,
  type TaskKind,
} from '../../domain/homecare/homecare.ts';
import type { SpecialGroup } from '../../domain/registry/special-groups.ts';
import { earnDemoPoints } from './points.ts';
import { Rng } from './random.ts';
import { addDays, shanghaiInstant, shanghaiLocal } from '../../domain/shared/dates.ts';

type Row<T extends keyof Database> = Insertable<Database[T]>;

export interface HomecareDemoInput {
  communityId: string;
  today: string;
  now: Date;
  seed: number;
  cipher: FieldCipher;
  residents: readonly Row<'resident'>[];
  households: readonly Row<'household'>[];
  buildings: readonly Row<'building'>[];
  tags: readonly Row<'resident_tag'>[];
  volunteers: readonly Row<'volunteer'>[];
  accounts: readonly Row<'account'>[];
  staff: { accountId: string | null; name: string };
  /** The account phone of the demo volunteer (刘红梅) who must have work to see on the phone. */
  volunteerPhone: string;
}

export interface HomecareDemo {
  tasks: Row<'homecare_task'>[];
  stays: Row<'hospital_stay'>[];
  shifts: Row<'hospital_shift'>[];
  runs: Row<'delivery_run'>[];
  recipients: Row<'delivery_recipient'>[];
  assignments: Row<'delivery_assignment'>[];
  entries: Row<'hours_entry'>[];
}

/** As the hours demo does: service of the last week still waits for verification. */
const QUEUE_DAYS = 7;

export function homecareRows(x: HomecareDemoInput): HomecareDemo {
  const rng = new Rng((x.seed ^ 0x5eed40e2) >>> 0);
  const cid = x.communityId;
  const at = x.now.toISOString();
  const createdBy = x.staff.accountId ?? 'demo-seed';
  const out: HomecareDemo = {
    tasks: [],
    stays: [],
    shifts: [],
    runs: [],
    recipients: [],
    assignments: [],
    entries: [],
  };

  // ---- who
  const buildingNo = new Map(x.buildings.map((b) => [b.id as string, b.number as string]));
  const homeOf = new Map(
    x.households.map((h) => [
      h.id as string,
      { building: buildingNo.get(h.building_id as string)!, unit: h.unit as string, room: h.room as string },
    ]),
  );
  const active = new Map(x.residents.filter((r) => r.status === 'active').map((r) => [r.id as string, r]));
  const tagOf = new Map(DEFAULT_RUN_GROUPS.map((g) => [groupTag(x.cipher, cid, g), g]));
  const groupsOf = new Map<string, SpecialGroup[]>();
  for (const t of x.tags) {
    const g = tagOf.get(t.tag as string);
    if (g && active.has(t.resident_id as string))
      groupsOf.set(t.resident_id as string, [...(groupsOf.get(t.resident_id as string) ?? []), g]);
  }
  const inGroup = (g: SpecialGroup) =>
    [...groupsOf]
      .filter(([, gs]) => gs.includes(g))
      .map(([id]) => id)
      .sort();
  const elders = [...new Set([...inGroup('sanwu'), ...inGroup('living_alone')])];
  const approved = x.volunteers
    .filter((v) => v.status === 'approved')
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const meAccount = x.accounts.find((a) => a.phone === x.volunteerPhone)?.id;
  const me = approved.find((v) => meAccount && v.account_id === meAccount);
  const pool = [
    ...(me ? [me] : []),
    ...rng.sample(
      approved.filter((v) => v !== me),
      7,
    ),
  ];
  const accountOf = (v: Row<'volunteer'>) => (v.account_id as string | null) ?? null;
  if (!elders.length || !pool.length) return out;

  const entry = (
    v: Row<'volunteer'>,
    sourceId: string,
    serviceDate: string,
    minutes: number,
    description: string,
    startedAt: string | null = null,
    endedAt: string | null = null,
  ) => {
    const verified = serviceDate < addDays(x.today, -QUEUE_DAYS);
    const id = uuidv7();
    out.entries.push({
      community_id: cid,
      id,
      volunteer_id: v.id as string,
      source: 'home_care',
      source_id: sourceId,
      service_date: serviceDate,
      started_at: startedAt,
      ended_at: endedAt,
      raw_minutes: minutes,
      minutes,
      kind: 'credit',
      description,
      corrects_id: null,
      corrected_by: null,
      review_reason: null,
      note: null,
      recorded_by: accountOf(v),
      recorded_by_name: v.name as string,
      created_at: `${serviceDate}T10:00:00.000Z`,
      status: verified ? 'verified' : 'pending',
      verified_by: verified ? x.staff.accountId : null,
      verified_by_name: verified ? x.staff.name : null,
      verified_at: verified ? `${addDays(serviceDate, 2)}T03:00:00.000Z` : null,
    });
    return id;
  };

  // ---- home care tasks
  const task = (
    residentId: string,
    kind: TaskKind,
    dueOn: string,
    v: Row<'volunteer'> | null,
    opts: { done?: number; repeat?: number; note?: string; time?: string } = {},
  ) => {
    const id = uuidv7();
    const done = opts.done != null && v && dueOn <= x.today;
    const name = active.get(residentId)!.name as string;
    out.tasks.push({
      community_id: cid,
      id,
      resident_id: residentId,
      kind,
      due_on: dueOn,
      due_time: opts.time ?? null,
      volunteer_id: v ? (v.id as string) : null,
      status: done ? 'done' : v ? 'assigned' : 'open',
      note: opts.note ?? null,
      repeat_days: opts.repeat ?? null,
      minutes: done ? opts.done! : null,
      done_at: done ? `${dueOn}T07:00:00.000Z` : null,
      done_note: done ? rng.pick(['老人很满意', '顺利完成', '老人说谢谢，下次还来', '已完成，老人精神不错']) : null,
      hours_entry_id: done ? entry(v!, id, dueOn, opts.done!, `${TASK_LABEL[kind]} · ${maskResidentName(name)}`) : null,
      cancel_reason: null,
      created_by: createdBy,
      created_at: `${addDays(dueOn, -7)}T02:00:00.000Z`,
      updated_at: at,
    });
  };
  const pickElder = () => rng.pick(elders);
  const other = () => rng.pick(pool.slice(me ? 1 : 0).length ? pool.slice(me ? 1 : 0) : pool);
  // Quilts sewn and delivered before winter (October and November).
  for (let i = 0; i < 5; i++)
    task(pickElder(), 'quilt', addDays(x.today, -55 + i * 9), other(), {
      done: rng.int(120, 240),
      note: '新棉被一床',
    });
  // Monthly haircuts for three elders: the last three months done, the next one booked (repeating every 30 days).
  const barbers = [other(), other(), me ?? other()];
  for (const [k, elder] of rng.sample(elders, Math.min(3, elders.length)).entries()) {
    const first = addDays(x.today, -80 + k * 4);
    for (let m = 0; m < 3; m++)
      task(elder, 'haircut', addDays(first, m * 30), barbers[k]!, { done: rng.int(30, 50), repeat: 30 });
    task(elder, 'haircut', addDays(first, 90), barbers[k]!, { repeat: 30, time: '09:30' });
  }
  // Baths: two given, one booked for 刘红梅, one open for any volunteer to take.
  task(pickElder(), 'bathing', addDays(x.today, -20), other(), { done: 60 });
  task(pickElder(), 'bathing', addDays(x.today, -6), other(), { done: 75 });
  task(pickElder(), 'bathing', addDays(x.today, 2), me ?? other(), { time: '15:00', note: '需两人协助，带防滑垫' });
  task(pickElder(), 'bathing', addDays(x.today, 4), null, { time: '10:00' });
  task(pickElder(), 'cleaning', addDays(x.today, 3), null, { note: '冬前擦窗、清理厨房' });

  // ---- one hospital stay with its rota
  const patient = pickElder();
  const stayId = uuidv7();
  const admitted = addDays(x.today, -3);
  out.stays.push({
    community_id: cid,
    id: stayId,
    resident_id: patient,
    hospital: '宝鸡市中心医院',
    ward: '心内科 3病区 12床',
    admitted_on: admitted,
    expected_discharge_on: addDays(x.today, 4),
    discharged_on: null,
    note: '三无老人，无家属陪护',
    created_by: createdBy,
    created_at: `${admitted}T02:00:00.000Z`,
  });
  const nowMs = x.now.getTime();
  let gaps = 0;
  let mineNext = false;
  for (const [i, s] of shiftsBetween(admitted, addDays(x.today, 4)).entries()) {
    const id = uuidv7();
    const past = Date.parse(s.endsAt) <= nowMs;
    const soon = !past && Date.parse(s.startsAt) <= nowMs + 48 * 3600_000;
    let v: Row<'volunteer'> | null = null;
    if (past) v = i % 5 === 1 && me ? me : other();
    else if (soon) {
      if (me && !mineNext) {
        v = me;
        mineNext = true;
      } else if (gaps < 2 && i % 2 === 0) gaps++;
      else v = other();
    } else if (rng.chance(0.3)) v = other();
    const done = past && !!v;
    const minutes = Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000);
    out.shifts.push({
      community_id: cid,
      id,
      stay_id: stayId,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      volunteer_id: v ? (v.id as string) : null,
      status: done ? 'done' : v ? 'assigned' : 'open',
      done_at: done ? s.endsAt : null,
      note: null,
      hours_entry_id: done
        ? entry(
            v!,
            id,
            shanghaiLocal(s.startsAt).date,
            minutes,
            `住院陪护 · 宝鸡市中心医院 · ${maskResidentName(active.get(patient)!.name as string)}`,
            s.startsAt,
            s.endsAt,
          )
        : null,
    });
  }

  // ---- delivery runs
  const list = [...groupsOf]
    .map(([id, groups]) => {
      const r = active.get(id)!;
      return { id, household: r.household_id as string, ...homeOf.get(r.household_id as string)!, groups };
    })
    .sort(compareAddress);
  const buildings = [...new Set(list.map((r) => r.building))];
  const year = Number(x.today.slice(0, 4));
  const midAutumnYear = festivalDate('mid_autumn_festival', year) <= x.today ? year : year - 1;
  const springYear = festivalDate('spring_festival', year) > x.today ? year : year + 1;

  // Last Mid-Autumn: closed, everyone reached.
  const autumnId = uuidv7();
  const autumnOn = festivalDate('mid_autumn_festival', midAutumnYear);
  out.runs.push({
    community_id: cid,
    id: autumnId,
    festival: 'mid_autumn_festival',
    year: midAutumnYear,
    run_date: autumnOn,
    title: `${midAutumnYear}年中秋节慰问`,
    items: '月饼一盒、慰问信一封',
    groups: JSON.stringify(DEFAULT_RUN_GROUPS),
    status: 'closed',
    created_by: createdBy,
    created_at: `${addDays(autumnOn, -10)}T02:00:00.000Z`,
    closed_by: x.staff.accountId,
    closed_at: `${addDays(autumnOn, 2)}T09:00:00.000Z`,
    last_notice_on: null,
  });
  const deliverers = new Map<string, Row<'volunteer'>>();
  buildings.forEach((b, i) => {
    const v = pool[(i + 1) % pool.length]!;
    deliverers.set(b, v);
    out.assignments.push({ community_id: cid, run_id: autumnId, building: b, volunteer_id: v.id as string });
  });
  const special = rng.sample(
    list.map((r) => r.id),
    Math.min(3, list.length),
  );
  list.forEach((r, i) => {
    const v = deliverers.get(r.building)!;
    const secondTry = special.indexOf(r.id) === 0 || special.indexOf(r.id) === 1;
    const declined = special.indexOf(r.id) === 2;
    const minute = 9 * 60 + (i % 40) * 8;
    out.recipients.push({
      community_id: cid,
      run_id: autumnId,
      resident_id: r.id,
      household_id: r.household,
      building: r.building,
      unit: r.unit,
      room: r.room,
      groups: JSON.stringify(r.groups.map((g) => groupTag(x.cipher, cid, g))),
      status: declined ? 'declined' : 'delivered',
      attempts: secondTry ? 2 : 1,
      confirmed_by: accountOf(v),
      confirmed_by_name: v.name as string,
      confirmed_at: shanghaiInstant(secondTry ? addDays(autumnOn, 1) : autumnOn, minute),
      note: secondTry ? '第一次上门不在家，次日补送到手' : declined ? '老人说家里月饼已够，请转送更需要的人' : null,
      close_reason: null,
      added_reason: null,
    });
  });

  // The coming Spring Festival: open, nobody reached yet; 刘红梅 delivers in a building with about five on the list.
  const springId = uuidv7();
  const springOn = festivalDate('spring_festival', springYear);
  out.runs.push({
    community_id: cid,
    id: springId,
    festival: 'spring_festival',
    year: springYear,
    run_date: springOn,
    title: `${springYear}年春节慰问`,
    items: '饺子两袋、春联一副',
    groups: JSON.stringify(DEFAULT_RUN_GROUPS),
    status: 'open',
    created_by: createdBy,
    created_at: at,
    closed_by: null,
    closed_at: null,
    last_notice_on: null,
  });
  const sizes = new Map(buildings.map((b) => [b, list.filter((r) => r.building === b).length]));
  const mine = [...buildings].sort(
    (a, b) =>
      Math.abs(sizes.get(a)! - 5) - Math.abs(sizes.get(b)! - 5) || a.localeCompare(b, 'zh-CN', { numeric: true }),
  )[0];
  buildings.forEach((b, i) => {
    const others = pool.filter((p) => p !== me);
    const v = b === mine && me ? me : (others.length ? others : pool)[i % (others.length || pool.length)]!;
    out.assignments.push({ community_id: cid, run_id: springId, building: b, volunteer_id: v.id as string });
  });
  for (const r of list) {
    out.recipients.push({
      community_id: cid,
      run_id: springId,
      resident_id: r.id,
      household_id: r.household,
      building: r.building,
      unit: r.unit,
      room: r.room,
      groups: JSON.stringify(r.groups.map((g) => groupTag(x.cipher, cid, g))),
      status: 'pending',
      attempts: 0,
      confirmed_by: null,
      confirmed_by_name: null,
      confirmed_at: null,
      note: null,
      close_reason: null,
      added_reason: null,
    });
  }
  return out;
}

/** Inserts the rows, adds their hours to the volunteers' running totals, and earns points on the verified ones. */
export async function insertHomecareDemo(
  trx: Trx,
  d: HomecareDemo,
  insert: (table: any, rows: readonly any[]) => Promise<void>,
  at: string,
): Promise<void> {
  await insert('homecare_task', d.tasks);
  await insert('hospital_stay', d.stays);
  await insert('hospital_shift', d.shifts);
  await insert('delivery_run', d.runs);
  await insert('delivery_recipient', d.recipients);
  await insert('delivery_assignment', d.assignments);
  await insert('hours_entry', d.entries);
  const db = trx as unknown as Kysely<Database>;
  const sums = new Map<
    string,
    { communityId: string; credit: number; pending: number; entries: number; last: string }
  >();
  for (const e of d.entries) {
    const s = sums.get(e.volunteer_id as string) ?? {
      communityId: e.community_id as string,
      credit: 0,
      pending: 0,
      entries: 0,
      last: e.service_date as string,
    };
    sums.set(e.volunteer_id as string, s);
    if (e.status === 'verified') s.credit += Number(e.minutes);
    else s.pending += Number(e.minutes);
    s.entries++;
    if ((e.service_date as string) > s.last) s.last = e.service_date as string;
  }
  for (const [volunteerId, s] of sums) {
    const had = await db
      .selectFrom('hours_total')
      .selectAll()
      .where('community_id', '=', s.communityId)
      .where('volunteer_id', '=', volunteerId)
      .executeTakeFirst();
    if (had) {
      await db
        .updateTable('hours_total')
        .set({
          credit_minutes: Number(had.credit_minutes) + s.credit,
          pending_minutes: Number(had.pending_minutes) + s.pending,
          entries: Number(had.entries) + s.entries,
          last_service_date: had.last_service_date && had.last_service_date > s.last ? had.last_service_date : s.last,
          updated_at: at,
        })
        .where('community_id', '=', s.communityId)
        .where('volunteer_id', '=', volunteerId)
        .execute();
    } else {
      await db
        .insertInto('hours_total')
        .values({
          community_id: s.communityId,
          volunteer_id: volunteerId,
          credit_minutes: s.credit,
          honour_minutes: 0,
          pending_minutes: s.pending,
          entries: s.entries,
          last_service_date: s.last,
          updated_at: at,
        })
        .execute();
    }
  }
  await earnDemoPoints(trx, d.entries);
}
