// Xiguan's 4:30 classroom (四点半课堂) since September 2021, at the case study's scale: 314 children of 310
// families in five years, about 60 at a time. Today's children are, where the registry has them, residents
// tagged migrant_child, with the adults of their household as guardians (a grandparent as one more authorised
// adult for some); earlier children (most of them migrant families who moved on) are on the roll as left.
// Tutors: the 13 teachers of 宝鸡市第一中学 (the 第一中学教师志愿队) and a few other volunteers, on a weekly
// rota; 刘红梅 (the demo volunteer) is on today's rota when today is a school day. Sessions every school day
// (National Day week and the winter and summer holidays off) up to yesterday, closed, with attendance; today's
// session and the next two weeks' are open. This term has tutors' logs and two cleared arrival alerts.
// Pure: the model and ids in, rows out.
import type { Insertable } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { ageOn } from '../../domain/shared/dates.ts';
import { addDays, shanghaiInstant, weekdayOf } from '../../domain/shared/dates.ts';
import { termDates } from '../../domain/classroom/rules.ts';
import { randomGivenName, randomName, surnameOf } from './names.ts';
import { Rng } from './random.ts';

type Row<T extends keyof Database> = Insertable<Database[T]>;
export interface ClassroomRows {
  children: Row<'classroom_child'>[];
  adults: Row<'classroom_adult'>[];
  sessions: Row<'classroom_session'>[];
  rota: Row<'classroom_rota'>[];
  attendance: Row<'classroom_attendance'>[];
  alerts: Row<'classroom_alert'>[];
  logs: Row<'classroom_log'>[];
  /** The figures' rollups of the check-ins (server/src/modules/classroom/classroom.rollup.ts), from the rows above. */
  childYears: Row<'classroom_child_year'>[];
  daysHeld: Row<'classroom_day_held'>[];
}
export const CLASSROOM_TABLES = [
  ['classroom_child', 'children'],
  ['classroom_adult', 'adults'],
  ['classroom_session', 'sessions'],
  ['classroom_rota', 'rota'],
  ['classroom_attendance', 'attendance'],
  ['classroom_alert', 'alerts'],
  ['classroom_log', 'logs'],
  ['classroom_child_year', 'childYears'],
  ['classroom_day_held', 'daysHeld'],
] as const;

export interface ClassroomInput {
  communityId: string;
  today: string;
  seed: number;
  at: string;
  residents: {
    id: string;
    household_id: string;
    name: string;
    gender: string;
    birth_date: string;
    phone: string | null;
    status: string;
  }[];
  migrantChildIds: ReadonlySet<string>;
  volunteers: { id: string; name: string; status: string; account_id: string | null }[];
  teams: { id: string; name: string }[];
  teamMembers: { team_id: string; volunteer_id: string; status: string }[];
  accounts: { id: string; phone: string; name: string }[];
  memberships: { account_id: string; resident_id: string | null }[];
  /** The demo accounts' phone prefix: 刘红梅 (…0006) is on today's rota; 李泽钦 (…0007, the family account) is a father of
   *  one of the children, so his messages show in the console outbox. */
  phonePrefix: string;
  staffName: string;
  codeHash: (adultId: string, code: string) => string;
}

export const CLASSROOM_PLACE = '西关社区四点半课堂（社区服务站二楼）';
/** School years since the classroom opened; each has an autumn and a spring term. */
const FIRST_YEAR = 2021;
/** New children at each term's start since September 2021: 60 at the opening, then about 25 a term — 314 in all. */
const JOINS = [60, 25, 26, 25, 25, 26, 25, 25, 26, 25, 26];
const SCHOOLS = [
  ['金台区西关小学', 6],
  ['宝鸡市实验小学', 2],
  ['金台区东风路小学', 2],
] as const;
const GRADES = ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'];
const SUBJECTS = ['数学', '语文', '英语', '阅读', '书法', '绘画', '音乐'] as const;
const HELPED: Record<(typeof SUBJECTS)[number], string[]> = {
  数学: ['讲了两位数乘法竖式，订正了练习册', '复习分数的加减，做了十道应用题', '讲解单位换算，孩子们用尺子量课桌'],
  语文: ['检查生字听写，纠正了笔顺', '带读课文，讲了段落大意', '指导写一篇200字的日记'],
  英语: ['跟读单词卡片，练习自我介绍', '听写本单元单词，讲了一般现在时'],
  阅读: ['一起读了《小马过河》，讨论了故事道理', '读绘本，每人讲一个喜欢的角色'],
  书法: ['练习“永”字八法，写了一页楷书', '毛笔字：横竖撇捺的起笔收笔'],
  绘画: ['画“我的家”，讲了构图和色彩', '手工剪纸，准备节日窗花'],
  音乐: ['学唱《让我们荡起双桨》', '认识简谱，打节拍'],
};
const ABSENCE_NOTES = [
  '家长请假：孩子感冒',
  '家长请假：回老家',
  '家长请假：去医院复查',
  '家长请假：学校有活动',
  '家长请假：家里有事',
];

interface Child {
  id: string;
  name: string;
  gender: 'male' | 'female';
  birth: string;
  school: string;
  residentId: string | null;
  householdId: string | null;
  weekdays: string;
  enrolledOn: string;
  leftOn: string | null;
  adults: Array<{ id: string; name: string; relation: string; phone: string; guardian: boolean }>;
}

function termsUpTo(lastDate: string): Array<{ from: string; to: string; holidays: string[] }> {
  const out = [];
  for (let y = FIRST_YEAR; `${y}-09-01` <= lastDate; y++) {
    const nationalDay = Array.from({ length: y === 2026 ? 8 : 7 }, (_, i) => `${y}-10-0${i + 1}`);
    out.push({ from: `${y}-09-01`, to: `${y + 1}-01-15`, holidays: [...nationalDay, `${y + 1}-01-01`] });
    out.push({
      from: `${y + 1}-03-01`,
      to: `${y + 1}-07-10`,
      holidays: [`${y + 1}-04-05`, `${y + 1}-05-01`, `${y + 1}-05-02`, `${y + 1}-05-03`],
    });
  }
  return out.filter((t) => t.from <= lastDate);
}

function gradeOn(birth: string, date: string): string {
  // Children start school in the September after they turn six.
  const schoolYearStart = date.slice(5) >= '09-01' ? Number(date.slice(0, 4)) : Number(date.slice(0, 4)) - 1;
  const g = ageOn(birth, `${schoolYearStart}-08-31`) - 6;
  return GRADES[Math.min(5, Math.max(0, g))]!;
}

export function classroomRows(input: ClassroomInput): ClassroomRows {
  const rng = new Rng(input.seed ^ 0x4a30);
  const accountByPhone = (suffix: string) => input.accounts.find((a) => a.phone === input.phonePrefix + suffix);
  const volunteerAccountId = accountByPhone('0006')?.id ?? null;
  const famAccount = accountByPhone('0007');
  const famResident = famAccount
    ? (input.memberships.find((m) => m.account_id === famAccount.id)?.resident_id ?? null)
    : null;
  const family =
    famAccount && famResident ? { residentId: famResident, name: famAccount.name, phone: famAccount.phone } : null;
  const cid = input.communityId;
  const today = input.today;
  const yesterday = addDays(today, -1);
  const terms = termsUpTo(addDays(today, 14));
  const boundaries = terms.map((t) => t.from).slice(0, JOINS.length);
  const usedPhones = new Set<string>(input.residents.map((r) => r.phone).filter((p): p is string => !!p));
  const newPhone = () => {
    for (;;) {
      const prefix = rng.pick(['35', '36', '37', '39', '50', '51', '52', '58', '59', '87', '88']);
      const p = `1${prefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (!usedPhones.has(p)) {
        usedPhones.add(p);
        return p;
      }
    }
  };

  // ---- the roll: who joined at each term's start, and who left ----
  const slots: Array<{ enrolledOn: string; leftOn: string | null }> = [];
  for (const [i, b] of boundaries.entries()) {
    const active = slots.filter((s) => !s.leftOn);
    if (i > 0) {
      // The longest-staying leave first (they go on to middle school, or the family moves on), with some chance.
      const leaving = rng.weightedSample(
        active,
        Math.min(active.length, JOINS[i]!),
        (s) => 1 + (b > s.enrolledOn ? Number(b.slice(0, 4)) - Number(s.enrolledOn.slice(0, 4)) : 0) * 2,
      );
      for (const s of leaving) s.leftOn = terms[i - 1]!.to;
    }
    for (let k = 0; k < JOINS[i]!; k++) slots.push({ enrolledOn: b, leftOn: null });
  }

  // ---- today's children: residents tagged migrant_child aged 6–12, where the registry has them ----
  const byHousehold = new Map<string, typeof input.residents>();
  for (const r of input.residents) {
    const l = byHousehold.get(r.household_id) ?? [];
    l.push(r);
    byHousehold.set(r.household_id, l);
  }
  const candidates = rng.shuffle(
    input.residents.filter(
      (r) =>
        r.status === 'active' &&
        input.migrantChildIds.has(r.id) &&
        ageOn(r.birth_date, today) >= 6 &&
        ageOn(r.birth_date, today) <= 12,
    ),
  );
  const familyHousehold = family
    ? (input.residents.find((r) => r.id === family!.residentId)?.household_id ?? null)
    : null;
  const familyKid = familyHousehold
    ? ((byHousehold.get(familyHousehold) ?? []).find(
        (r) => ageOn(r.birth_date, today) >= 6 && ageOn(r.birth_date, today) <= 12,
      ) ?? null)
    : null;
  const taken = new Set<string>();
  const children: Child[] = [];
  const schoolPick = () => rng.weighted(SCHOOLS);

  const adultsFromHousehold = (kid: { household_id: string; id: string }) => {
    const adults = (byHousehold.get(kid.household_id) ?? []).filter(
      (r) => r.id !== kid.id && r.status === 'active' && ageOn(r.birth_date, today) >= 20,
    );
    const parents = adults.filter((a) => ageOn(a.birth_date, today) <= 55).slice(0, 2);
    const elders = adults.filter((a) => ageOn(a.birth_date, today) > 55);
    const out: Child['adults'] = parents.map((p) => ({
      id: uuidv7(),
      name: p.name,
      relation: p.gender === 'male' ? '父亲' : '母亲',
      phone: p.phone ?? newPhone(),
      guardian: true,
    }));
    if (elders.length && (rng.chance(0.45) || !out.length)) {
      const e = elders[0]!;
      out.push({
        id: uuidv7(),
        name: e.name,
        relation: e.gender === 'male' ? rng.pick(['爷爷', '外公']) : rng.pick(['奶奶', '外婆']),
        phone: e.phone ?? newPhone(),
        guardian: !out.length,
      });
    }
    return out;
  };
  const syntheticAdults = (surname: string, birthYear: number): Child['adults'] => {
    const out: Child['adults'] = [
      {
        id: uuidv7(),
        name: randomName(rng, 'female', birthYear - rng.int(26, 34)),
        relation: '母亲',
        phone: newPhone(),
        guardian: true,
      },
      {
        id: uuidv7(),
        name: surname + randomGivenName(rng, 'male', birthYear - rng.int(27, 36)),
        relation: '父亲',
        phone: newPhone(),
        guardian: true,
      },
    ];
    if (rng.chance(0.3))
      out.push({
        id: uuidv7(),
        name: surname + randomGivenName(rng, 'male', birthYear - rng.int(55, 62)),
        relation: '爷爷',
        phone: newPhone(),
        guardian: false,
      });
    return out;
  };
  const weekdays = () =>
    rng.weighted([
      ['12345', 8],
      ['1234', 1],
      ['135', 1],
    ] as const);

  // Active at the end, newest first: registry children fill these while they fit the dates.
  const order = slots
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.leftOn ? 1 : 0) - (b.s.leftOn ? 1 : 0) || b.s.enrolledOn.localeCompare(a.s.enrolledOn));
  for (const { s } of order) {
    const child: Child = {
      id: uuidv7(),
      name: '',
      gender: 'female',
      birth: '',
      school: schoolPick(),
      residentId: null,
      householdId: null,
      weekdays: weekdays(),
      enrolledOn: s.enrolledOn,
      leftOn: s.leftOn,
      adults: [],
    };
    let kid = null as (typeof input.residents)[number] | null;
    if (!s.leftOn) {
      if (familyKid && !taken.has(familyKid.id) && ageOn(familyKid.birth_date, s.enrolledOn) >= 6) kid = familyKid;
      else kid = candidates.find((c) => !taken.has(c.id) && ageOn(c.birth_date, s.enrolledOn) >= 6) ?? null;
    }
    if (kid) {
      taken.add(kid.id);
      Object.assign(child, {
        name: kid.name,
        gender: kid.gender as 'male' | 'female',
        birth: kid.birth_date,
        residentId: kid.id,
        householdId: kid.household_id,
        adults: adultsFromHousehold(kid),
      });
      if (!child.adults.length) child.adults = syntheticAdults(surnameOf(kid.name), Number(kid.birth_date.slice(0, 4)));
    } else {
      const age = rng.int(6, 10);
      const birthYear = Number(s.enrolledOn.slice(0, 4)) - age;
      const month = String(rng.int(1, 12)).padStart(2, '0');
      const birth = `${birthYear}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      const gender = rng.chance(0.5) ? 'male' : 'female';
      const name = randomName(rng, gender, birthYear);
      Object.assign(child, { name, gender, birth, adults: syntheticAdults(surnameOf(name), birthYear) });
    }
    children.push(child);
  }
  // 李泽钦's child: his family has no registered child of school age in some seeds, so one is added to his household.
  if (family && familyHousehold) {
    const fam = family;
    let c = children.find((x) => x.householdId === familyHousehold && !x.leftOn);
    if (!c) {
      c = children.find((x) => !x.leftOn && !x.residentId)!;
      const birthYear = Number(today.slice(0, 4)) - 9;
      Object.assign(c, {
        name: `李${randomGivenName(rng, 'female', birthYear)}`,
        gender: 'female',
        birth: `${birthYear}-04-16`,
        householdId: familyHousehold,
        residentId: null,
      });
      c.adults = [];
    }
    c.adults = c.adults.filter((a) => a.phone !== fam.phone && a.name !== fam.name);
    c.adults.unshift({ id: uuidv7(), name: fam.name, relation: '父亲', phone: fam.phone, guardian: true });
    if (!c.adults.some((a) => a.relation === '母亲'))
      c.adults.splice(1, 0, {
        id: uuidv7(),
        name: randomName(rng, 'female', 1984),
        relation: '母亲',
        phone: newPhone(),
        guardian: true,
      });
  }
  // Siblings among earlier children: four pairs share their parents (314 children, 310 families).
  const synthetic = children.filter((c) => !c.householdId && c.leftOn);
  const registryFamilies = new Set(children.filter((c) => c.householdId).map((c) => c.householdId)).size;
  const registrySiblings = children.filter((c) => c.householdId).length - registryFamilies;
  for (let k = 0; k < Math.max(0, 4 - registrySiblings) && 2 * k + 1 < synthetic.length; k++) {
    const [a, b] = [synthetic[2 * k]!, synthetic[2 * k + 1]!];
    b.name = surnameOf(a.name) + randomGivenName(rng, b.gender, Number(b.birth.slice(0, 4)));
    b.adults = a.adults.map((x) => ({ ...x, id: uuidv7() }));
  }

  // ---- rows: children and adults ----
  const rows: ClassroomRows = {
    children: [],
    adults: [],
    sessions: [],
    rota: [],
    attendance: [],
    alerts: [],
    logs: [],
    childYears: [],
    daysHeld: [],
  };
  for (const c of children) {
    const consent = c.adults.find((a) => a.guardian) ?? c.adults[0]!;
    const at = shanghaiInstant(c.enrolledOn, 9 * 60 + rng.int(0, 480));
    rows.children.push({
      community_id: cid,
      id: c.id,
      name: c.name,
      gender: c.gender,
      birth_date: c.birth,
      school: c.school,
      grade: gradeOn(c.birth, c.leftOn ?? today),
      resident_id: c.residentId,
      household_id: c.householdId,
      weekdays: c.weekdays,
      enrolled_on: c.enrolledOn,
      left_on: c.leftOn,
      status: c.leftOn ? 'left' : 'active',
      consent_by: consent.name,
      consent_relation: consent.relation,
      consent_at: at,
      note: null,
      created_at: at,
      updated_at: input.at,
    });
    for (const a of c.adults) {
      rows.adults.push({
        community_id: cid,
        id: a.id,
        child_id: c.id,
        name: a.name,
        relation: a.relation,
        phone: a.phone,
        is_guardian: a.guardian ? 1 : 0,
        code_hash: input.codeHash(a.id, String(rng.int(0, 999_999)).padStart(6, '0')),
        code_set_at: at,
        active: 1,
        created_at: at,
        updated_at: at,
      });
    }
  }

  // ---- tutors: the school's teachers and a few more, on a weekly pattern ----
  const team = input.teams.find((t) => t.name === '第一中学教师志愿队');
  const teachers = team
    ? input.teamMembers.filter((m) => m.team_id === team.id && m.status === 'active').map((m) => m.volunteer_id)
    : [];
  const approved = input.volunteers.filter((v) => v.status === 'approved');
  const liu = approved.find((v) => v.account_id && v.account_id === volunteerAccountId) ?? null;
  const others = approved
    .filter((v) => !teachers.includes(v.id) && v.id !== liu?.id)
    .slice(0, 3)
    .map((v) => v.id);
  const accountOf = new Map(input.volunteers.map((v) => [v.id, v]));
  const todayWd = weekdayOf(today);
  const pattern = new Map<number, string[]>();
  for (let wd = 1; wd <= 5; wd++) {
    const day = [0, 1]
      .map((k) => teachers[((wd - 1) * 3 + k) % Math.max(1, teachers.length)])
      .filter((v): v is string => !!v);
    const third = teachers[((wd - 1) * 3 + 2) % Math.max(1, teachers.length)];
    if (third && wd * 3 <= teachers.length + 2) day.push(third);
    if (others.length) day.push(others[wd % others.length]!);
    if (liu && (wd === todayWd || wd === 3)) day.push(liu.id);
    pattern.set(wd, [...new Set(day)]);
  }

  // ---- sessions, attendance, alerts and logs ----
  const currentTerm = terms.at(-1)!;
  const lastDay = addDays(today, 14);
  const alertDays = new Set<string>();
  const termDays = termDates(
    currentTerm.from,
    yesterday < currentTerm.to ? yesterday : currentTerm.to,
    currentTerm.holidays,
  );
  if (termDays.length > 10) {
    alertDays.add(termDays[Math.floor(termDays.length / 3)]!);
    alertDays.add(termDays[Math.floor((2 * termDays.length) / 3)]!);
  }
  for (const term of terms) {
    for (const date of termDates(term.from, term.to < lastDay ? term.to : lastDay, term.holidays)) {
      const id = uuidv7();
      const past = date < today;
      const tutors = pattern.get(weekdayOf(date)) ?? [];
      rows.sessions.push({
        community_id: cid,
        id,
        date,
        starts: '16:30',
        expected_by: '16:50',
        ends: '18:00',
        place: CLASSROOM_PLACE,
        closed_at: past ? shanghaiInstant(date, 18 * 60 + 10) : null,
        closed_by_name: past ? input.staffName : null,
        created_at: shanghaiInstant(term.from, 9 * 60) < input.at ? shanghaiInstant(term.from, 9 * 60) : input.at,
      });
      for (const v of tutors)
        rows.rota.push({
          community_id: cid,
          session_id: id,
          volunteer_id: v,
          present: past ? (rng.chance(0.95) ? 1 : 0) : null,
        });
      if (date > today) continue;
      const inCurrent = date >= currentTerm.from;
      const tutorNames = tutors.map((v) => accountOf.get(v)!);
      let alertLeft = alertDays.has(date) ? 1 : 0;
      const wd = String(weekdayOf(date));
      const dayStart = Date.parse(shanghaiInstant(date, 0));
      const at = (minute: number) => new Date(dayStart + minute * 60_000).toISOString();
      for (const c of children) {
        if (c.enrolledOn > date || (c.leftOn && c.leftOn < date) || !c.weekdays.includes(wd)) continue;
        const r = rng.next();
        const base = {
          community_id: cid,
          session_id: id,
          child_id: c.id,
          checked_in_at: null,
          checked_in_by: null,
          checked_in_by_name: null,
          checked_out_at: null,
          checked_out_by: null,
          checked_out_by_name: null,
          out_adult_id: null,
          out_method: null,
          absent_reported_at: null,
          absent_by_name: null,
          absent_note: null,
        };
        if (date === today) {
          // Today: a few families have already said their child will not come; the rest is for the tutor on duty.
          if (r < 0.05)
            rows.attendance.push({
              ...base,
              absent_reported_at: shanghaiInstant(date, 12 * 60 + rng.int(0, 200)),
              absent_by_name: input.staffName,
              absent_note: rng.pick(ABSENCE_NOTES),
            });
          continue;
        }
        if (r < 0.9) {
          const tin = tutorNames.length ? rng.pick(tutorNames) : null;
          const tout = tutorNames.length ? rng.pick(tutorNames) : null;
          const guardians = c.adults.filter((a) => a.guardian);
          const adult =
            c.adults.length > guardians.length && rng.chance(0.2)
              ? c.adults.find((a) => !a.guardian)!
              : rng.pick(guardians.length ? guardians : c.adults);
          rows.attendance.push({
            ...base,
            checked_in_at: at(16 * 60 + 25 + rng.int(0, 24)),
            checked_in_by: tin?.account_id ?? null,
            checked_in_by_name: tin?.name ?? input.staffName,
            checked_out_at: at(17 * 60 + 35 + rng.int(0, 30)),
            checked_out_by: tout?.account_id ?? null,
            checked_out_by_name: tout?.name ?? input.staffName,
            out_adult_id: adult.id,
            out_method: rng.chance(0.85) ? 'code' : 'phone',
          });
        } else if (inCurrent && alertLeft > 0) {
          // Not arrived and not reported: the alert went out, and the tutor cleared it after calling the family.
          alertLeft--;
          rows.alerts.push({
            community_id: cid,
            id: uuidv7(),
            session_id: id,
            child_id: c.id,
            raised_at: shanghaiInstant(date, 16 * 60 + 50),
            cleared_at: shanghaiInstant(date, 17 * 60 + rng.int(0, 15)),
            cleared_by: tutorNames[0]?.account_id ?? null,
            cleared_by_name: tutorNames[0]?.name ?? input.staffName,
            note: rng.pick(['家长已来电：今天生病请假', '家长已来电：奶奶直接从学校接回家了']),
          });
        } else if (inCurrent || r < 0.95) {
          rows.attendance.push({
            ...base,
            absent_reported_at: shanghaiInstant(addDays(date, -rng.int(0, 1)), 12 * 60 + rng.int(0, 240)),
            absent_by_name: input.staffName,
            absent_note: rng.pick(ABSENCE_NOTES),
          });
        }
      }
      if (inCurrent && date < today) {
        for (let k = rng.int(1, 2); k > 0 && tutors.length; k--) {
          const v = accountOf.get(rng.pick(tutors))!;
          const subject = rng.pick(SUBJECTS);
          const present = children.filter((c) => c.enrolledOn <= date && !c.leftOn);
          rows.logs.push({
            community_id: cid,
            id: uuidv7(),
            session_id: id,
            volunteer_id: v.id,
            author_name: v.name,
            child_id: rng.chance(0.5) && present.length ? rng.pick(present).id : null,
            subject,
            content: rng.pick(HELPED[subject]),
            created_at: shanghaiInstant(date, 17 * 60 + 50 + rng.int(0, 20)),
          });
        }
      }
    }
  }
  // The check-ins' rollups, as the check-in keeps them: each child who came in a year, each day a session was held.
  const dateOf = new Map(rows.sessions.map((x) => [x.id, x.date]));
  const childYears = new Set<string>();
  const daysHeld = new Set<string>();
  for (const a of rows.attendance) {
    if (!a.checked_in_at) continue;
    const date = dateOf.get(a.session_id)!;
    const key = `${date.slice(0, 4)}|${a.child_id}`;
    if (!childYears.has(key)) {
      childYears.add(key);
      rows.childYears.push({ community_id: cid, year: date.slice(0, 4), child_id: a.child_id });
    }
    if (!daysHeld.has(date)) {
      daysHeld.add(date);
      rows.daysHeld.push({ community_id: cid, date });
    }
  }
  return rows;
}
