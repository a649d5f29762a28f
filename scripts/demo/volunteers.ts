// The community's volunteers, as the case study counts them: 997 registered volunteers aged 9 to 80 (204 in
// the skills pool), party members of every kind, Baoji No. 1 Middle School's 13 party-member teachers and the
// municipal Party school's 37 party-member volunteers, the 12 "N+" squads, 9 culture teams and the silver-hair
// group, training with certificates, accident insurance and weekly availability. The case study says nearly
// every household has a volunteer; with 997 volunteers, 51 of whom live elsewhere (the teachers, the Party
// school, the squad leader account), at most 946 of 2,265 households (42%) can: resident volunteers are
// taken one per household, so the demo reaches that maximum and the indicator shows the honest figure.
//
// Same two steps as xiguan.ts: planVolunteers() decides everything from the seed (pure), volunteerRows()
// turns the plan into rows with ids, encryption and tokens.
import type { Insertable } from 'kysely';
import { maskIdNumber } from '../../domain/shared/id-number.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import {
  SKILLS,
  SKILL_BY_CODE,
  SKILL_CATEGORIES,
  type SkillCategory,
  type SkillLevel,
} from '../../domain/volunteers/skills.ts';
import type { Fitness } from '../../domain/volunteers/eligibility.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { FieldCipher } from '../../server/src/platform/crypto.ts';
import { needsGuardian } from './care.ts';
import type { HouseholdModel } from './households.ts';
import { BAOJI_AREAS, IdNumberMaker, addDays, birthDateForAge, shiftYears, type PhoneBook } from './identity.ts';
import type { Person } from './model.ts';
import { randomName, type Gender } from './names.ts';
import type { Rng } from './random.ts';

// ---- the vocabulary (the server modules use the same words) ----

export const VOLUNTEER_FIGURES = {
  approved: 997,
  pending: 5,
  skillsPool: 204,
  schoolTeachers: 13,
  partySchool: 37,
} as const;
export const RECRUIT_CHANNELS = [
  'residents_committee',
  'youth_league',
  'womens_federation',
  'elderly_association',
  'disabled_association',
  'unit',
  'party',
  'self',
] as const;
export type RecruitChannel = (typeof RECRUIT_CHANNELS)[number];
export type PoliticalStatus = 'party_member' | 'league_member' | 'masses';
export type PartyKind = 'in_service' | 'resident' | 'floating';

export type UnitKey =
  | 'school'
  | 'party_school'
  | 'hospital'
  | 'telecom'
  | 'primary_school'
  | 'clinic'
  | 'bank'
  | 'residents_committee'
  | 'youth_league'
  | 'womens_federation'
  | 'elderly_association'
  | 'disabled_association';
interface UnitDef {
  key: UnitKey;
  name: (community: string) => string;
  kind: string;
  address: string | null;
  contact: string | null;
}
// The fixed institutions keep their real names in every demo community; the organisations carry the community's.
export const UNITS: readonly UnitDef[] = [
  { key: 'school', name: () => '宝鸡市第一中学', kind: 'school', address: '宝福路1号', contact: '孙丽华' },
  {
    key: 'party_school',
    name: () => '中共宝鸡市委党校',
    kind: 'party_school',
    address: '西关正街36号',
    contact: '郑永红',
  },
  { key: 'hospital', name: () => '宝鸡市中医医院', kind: 'hospital', address: '宝福路43号', contact: '程晓东' },
  { key: 'telecom', name: () => '中国电信宝鸡分公司', kind: 'company', address: '西关正街12号', contact: '邓凯' },
  { key: 'primary_school', name: () => '金台区西关小学', kind: 'school', address: '福临巷8号', contact: '谢芳' },
  {
    key: 'clinic',
    name: (c) => `${c.replace(/社区$/, '')}社区卫生服务站`,
    kind: 'hospital',
    address: '宝福路88号',
    contact: '许亚琴',
  },
  { key: 'bank', name: () => '中国工商银行宝鸡西关支行', kind: 'company', address: '宝福路60号', contact: '罗斌' },
  { key: 'residents_committee', name: (c) => `${c}居委会`, kind: 'residents_committee', address: null, contact: null },
  { key: 'youth_league', name: (c) => `${c}团支部`, kind: 'youth_league', address: null, contact: null },
  { key: 'womens_federation', name: (c) => `${c}妇联`, kind: 'womens_federation', address: null, contact: null },
  {
    key: 'elderly_association',
    name: (c) => `${c}老年协会`,
    kind: 'elderly_association',
    address: null,
    contact: null,
  },
  {
    key: 'disabled_association',
    name: (c) => `${c}残疾人协会`,
    kind: 'disabled_association',
    address: null,
    contact: null,
  },
];
const CHANNEL_UNIT: Partial<Record<RecruitChannel, UnitKey>> = {
  residents_committee: 'residents_committee',
  youth_league: 'youth_league',
  womens_federation: 'womens_federation',
  elderly_association: 'elderly_association',
  disabled_association: 'disabled_association',
};

export type TeamKind = 'squad' | 'culture' | 'silver' | 'unit_team';
interface TeamDef {
  name: string;
  kind: TeamKind;
  unit?: UnitKey;
  description: string;
}
/**
 * The 12 "N+" squads: the case study names nine; the three others serve its core groups (elders, children, the
 * disabled).
 */
export const SQUADS: readonly TeamDef[] = [
  { name: '扶贫帮困服务队', kind: 'squad', description: '走访低保户、困难家庭，帮办救助' },
  { name: '科普服务队', kind: 'squad', description: '科普讲座、智能手机教学、防诈骗宣传' },
  { name: '法律服务队', kind: 'squad', description: '法律咨询、普法宣传' },
  { name: '治安调解服务队', kind: 'squad', description: '治安巡逻、邻里纠纷调解' },
  { name: '环保卫生服务队', kind: 'squad', description: '环境清扫、垃圾分类宣传' },
  { name: '募捐服务队', kind: 'squad', description: '爱心募捐、物资发放' },
  { name: '邻里互助服务队', kind: 'squad', description: '缝被子、送餐、陪伴独居老人' },
  { name: '文体教育服务队', kind: 'squad', description: '四点半课堂、文体活动' },
  { name: '特殊技能服务队', kind: 'squad', description: '义诊、义剪、家电维修' },
  { name: '敬老助老服务队', kind: 'squad', description: '空巢独居老人探访、陪护住院' },
  { name: '关爱儿童服务队', kind: 'squad', description: '外来务工人员子女关爱、暑期托管' },
  { name: '助残服务队', kind: 'squad', description: '残疾人上门服务、康复陪伴' },
];
export const CULTURE_TEAMS: readonly TeamDef[] = [
  { name: '秦腔社', kind: 'culture', description: '秦腔自乐班，由社区里75岁的秦腔爱好者组建，社区文艺活动的中坚力量' },
  { name: '合唱团', kind: 'culture', description: '红歌、志愿者之歌' },
  { name: '舞蹈队', kind: 'culture', description: '集体舞《为了谁》' },
  { name: '快板队', kind: 'culture', description: '快板《一心一意说志愿》' },
  { name: '广场舞队', kind: 'culture', description: '每晚宝福路广场' },
  { name: '腰鼓队', kind: 'culture', description: '节庆表演' },
  { name: '太极拳队', kind: 'culture', description: '晨练、太极拳教学' },
  { name: '书画社', kind: 'culture', description: '书法、国画、春联义写' },
  { name: '模特队', kind: 'culture', description: '中老年时装表演' },
];
export const SILVER_TEAM: TeamDef = {
  name: '银发志愿服务组',
  kind: 'silver',
  description: '60岁以上的老年志愿者，以老助老',
};
export const UNIT_TEAMS: readonly TeamDef[] = [
  {
    name: '第一中学教师志愿队',
    kind: 'unit_team',
    unit: 'school',
    description: '13名在职党员教师：课业辅导，绘画、书法、音乐、朗诵、传统国学',
  },
  {
    name: '市委党校党员志愿队',
    kind: 'unit_team',
    unit: 'party_school',
    description: '37名在职党员，每月最后三天打扫社区环境卫生',
  },
  { name: '中医医院义诊队', kind: 'unit_team', unit: 'hospital', description: '每月义诊、健康讲座' },
  { name: '电信智慧助老队', kind: 'unit_team', unit: 'telecom', description: '教老人用智能手机，参与制作爱心二维码' },
];
export const LEADER_SQUAD = '邻里互助服务队';

interface CourseDef {
  code: string;
  title: string;
  validityMonths: number | null;
  description: string;
  sessionsDaysAgo: number[];
}
export const COURSES: readonly CourseDef[] = [
  // The oldest session of a course with a validity sits just under its validity ago: those certificates expire within
  // 30 days.
  {
    code: 'dementia_care',
    title: '失智老人照护',
    validityMonths: 24,
    description: '认知症老人的沟通、防走失与照护',
    sessionsDaysAgo: [715, 420, 150, 45],
  },
  {
    code: 'first_aid',
    title: '急救',
    validityMonths: 24,
    description: '心肺复苏、AED、止血包扎',
    sessionsDaysAgo: [712, 480, 210, 60],
  },
  {
    code: 'hospital_escort',
    title: '陪护住院',
    validityMonths: 12,
    description: '住院陪护、夜间看护与安全',
    sessionsDaysAgo: [350, 190, 35],
  },
  {
    code: 'tutoring',
    title: '课业辅导',
    validityMonths: null,
    description: '四点半课堂辅导方法与儿童保护',
    sessionsDaysAgo: [300, 100],
  },
  {
    code: 'general',
    title: '志愿服务通识',
    validityMonths: null,
    description: '志愿服务条例、服务礼仪、安全须知',
    sessionsDaysAgo: [620, 380, 200, 90, 20],
  },
];

interface ServiceTypeDef {
  code: string;
  name: string;
  minAge: number;
  maxAge: number;
  minFitness: Fitness;
  night: boolean;
  insurance: boolean;
  course: string | null;
  skill: string | null;
  description: string;
}
export const SERVICE_TYPES: readonly ServiceTypeDef[] = [
  {
    code: 'hospital_night_escort',
    name: '陪护住院夜班',
    minAge: 18,
    maxAge: 70,
    minFitness: 'good',
    night: true,
    insurance: true,
    course: 'hospital_escort',
    skill: null,
    description: '夜间在医院陪护无人照料的老人',
  },
  {
    code: 'dementia_visit',
    name: '失智老人探访',
    minAge: 18,
    maxAge: 75,
    minFitness: 'fair',
    night: false,
    insurance: true,
    course: 'dementia_care',
    skill: null,
    description: '定期上门探访失智老人',
  },
  {
    code: 'tutoring',
    name: '课业辅导',
    minAge: 16,
    maxAge: 80,
    minFitness: 'limited',
    night: false,
    insurance: false,
    course: null,
    skill: null,
    description: '四点半课堂作业辅导',
  },
  {
    code: 'cleaning',
    name: '环境清扫',
    minAge: 9,
    maxAge: 75,
    minFitness: 'fair',
    night: false,
    insurance: false,
    course: null,
    skill: null,
    description: '社区环境卫生清扫',
  },
  {
    code: 'free_haircut',
    name: '义剪',
    minAge: 16,
    maxAge: 80,
    minFitness: 'fair',
    night: false,
    insurance: false,
    course: null,
    skill: 'haircut',
    description: '为老人、残疾人义务理发',
  },
  {
    code: 'free_clinic',
    name: '义诊',
    minAge: 18,
    maxAge: 80,
    minFitness: 'fair',
    night: false,
    insurance: false,
    course: null,
    skill: 'doctor',
    description: '量血压、测血糖、健康咨询',
  },
  {
    code: 'legal_advice',
    name: '法律咨询',
    minAge: 18,
    maxAge: 80,
    minFitness: 'limited',
    night: false,
    insurance: false,
    course: null,
    skill: 'lawyer',
    description: '免费法律咨询',
  },
  {
    code: 'meal_delivery',
    name: '送餐',
    minAge: 14,
    maxAge: 75,
    minFitness: 'fair',
    night: false,
    insurance: true,
    course: null,
    skill: null,
    description: '为独居、失能老人送餐上门',
  },
];

export const PARTY_POSTS: readonly { title: string; capacity: number; description: string }[] = [
  { title: '环境卫生岗', capacity: 40, description: '楼院及宝福路沿线环境清扫' },
  { title: '课业辅导岗', capacity: 15, description: '四点半课堂作业辅导' },
  { title: '文明劝导岗', capacity: 20, description: '文明交通、文明养犬劝导' },
  { title: '政策宣传岗', capacity: 15, description: '政策宣讲、市民学校' },
  { title: '关爱帮扶岗', capacity: 25, description: '结对帮扶空巢、独居老人' },
  { title: '治安巡逻岗', capacity: 20, description: '夜间治安巡逻' },
  { title: '矛盾调解岗', capacity: 10, description: '邻里纠纷调解' },
  { title: '文体活动岗', capacity: 15, description: '组织文体活动' },
];

// ---- step 1: the plan (pure) ----

export interface SkillPlan {
  code: string;
  category: SkillCategory;
  level: SkillLevel;
  licenceNo: string | null;
  expiresOn: string | null;
}
export interface PartyPlan {
  kind: PartyKind;
  publicServant: boolean;
  org: string;
  workUnit: string | null;
  gridIndex: number;
  joinedOn: string;
  report: { reportedOn: string; posts: string[] } | null;
}
export interface VolunteerPlan {
  person: Person | null;
  name: string;
  gender: Gender;
  birthDate: string;
  age: number;
  phone: string;
  idNumber: string;
  fitness: Fitness;
  political: PoliticalStatus;
  status: 'approved' | 'pending';
  registeredVia: 'staff' | 'online';
  recruitedVia: RecruitChannel;
  recruitUnit: UnitKey | null;
  unit: UnitKey | null;
  /** The demo account (last four digits) this volunteer signs in with. */
  account: '0004' | '0005' | '0006' | null;
  cardToken: string;
  registeredAt: string;
  decidedAt: string | null;
  guardian: { name: string; phone: string; relation: string; coversData: boolean } | null;
  skills: SkillPlan[];
  party: PartyPlan | null;
  teams: { team: string; role: 'leader' | 'member'; status: 'active' | 'requested'; at: string }[];
  trainings: { course: string; session: number; attended: boolean }[];
  policies: ('community' | 'senior')[];
  slots: { weekday: number; start: number; end: number }[];
  blackouts: { from: string; to: string; reason: string }[];
  note: string | null;
}

export interface VolunteersPlan {
  volunteers: VolunteerPlan[];
  /** Households of the community with at least one approved volunteer. */
  householdsWithVolunteer: number;
  policyYear: number;
}

export interface PlanInput {
  rng: Rng;
  today: string;
  people: Person[];
  households: HouseholdModel[];
  gridOf: Map<HouseholdModel, number>;
  grids: number;
  phones: PhoneBook;
  communityName: string;
  volunteer: Person;
}

const AT = (date: string, hour: number, minute: number): string => {
  // Shanghai local time → UTC instant.
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - 8, minute)).toISOString();
};

function officeTime(rng: Rng, today: string, minDaysAgo: number, maxDaysAgo: number): string {
  return AT(addDays(today, -rng.int(minDaysAgo, maxDaysAgo)), rng.int(9, 16), rng.int(0, 59));
}

/** 18 bytes from the generator as 24 characters of base64url: random-looking, but the same for the same seed. */
function cardToken(rng: Rng): string {
  const bytes = Buffer.allocUnsafe(20);
  for (let i = 0; i < 5; i++) bytes.writeUInt32LE(rng.nextUint32(), i * 4);
  return bytes.subarray(0, 18).toString('base64url');
}

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

// Tables are module constants so Rng.weighted builds each lookup table once.
type Weights<T> = readonly (readonly [T, number])[];
const FITNESS_BY_AGE: readonly (readonly [number, Weights<Fitness>])[] = [
  [
    18,
    [
      ['good', 97],
      ['fair', 3],
    ],
  ],
  [
    50,
    [
      ['good', 90],
      ['fair', 9],
      ['limited', 1],
    ],
  ],
  [
    60,
    [
      ['good', 75],
      ['fair', 22],
      ['limited', 3],
    ],
  ],
  [
    70,
    [
      ['good', 55],
      ['fair', 38],
      ['limited', 7],
    ],
  ],
  [
    Infinity,
    [
      ['good', 22],
      ['fair', 55],
      ['limited', 23],
    ],
  ],
];
const CHANNELS = {
  youth: [
    ['youth_league', 6],
    ['self', 3],
    ['residents_committee', 1],
  ],
  elder: [
    ['elderly_association', 6],
    ['residents_committee', 3],
    ['self', 1],
  ],
  woman: [
    ['womens_federation', 5],
    ['residents_committee', 3],
    ['self', 2],
  ],
  man: [
    ['residents_committee', 6],
    ['self', 4],
  ],
} as const satisfies Record<string, Weights<RecruitChannel>>;
const LICENSED_LEVELS: Weights<SkillLevel> = [
  ['skilled', 3],
  ['expert', 2],
];
const PLAIN_LEVELS: Weights<SkillLevel> = [
  ['basic', 3],
  ['skilled', 5],
  ['expert', 2],
];
const HOSPITAL_SKILLS: Weights<string> = [
  ['doctor', 4],
  ['nurse', 3],
  ['tcm', 2],
];

function fitnessFor(rng: Rng, age: number, frail: boolean): Fitness {
  const table = FITNESS_BY_AGE.find(([below]) => age < below)![1];
  const f = rng.weighted(table);
  if (!frail) return f;
  return f === 'good' ? 'fair' : 'limited';
}

/** The parent who consents for a child (as the registry's consents choose): the mother first. */
function parentOf(p: Person): Person | null {
  const parentRelations = p.relation === 'grandchild' ? ['child', 'other'] : ['head', 'spouse'];
  const parents = p.household.members.filter(
    (m) => m !== p && m.age >= 18 && parentRelations.includes(m.relation),
  ) as Person[];
  const withPhone = parents.filter((m) => m.phone);
  return withPhone.find((m) => m.gender === 'female') ?? withPhone[0] ?? null;
}

function canVolunteer(p: Person): boolean {
  if (p.age < 9 || p.age > 80 || !p.idNumber || p.groups.has('dementia')) return false;
  if (p.age >= 18) return !!p.phone && !needsGuardian(p);
  return !!parentOf(p);
}

/** How likely someone of this age is to volunteer, relative to others (retirees most, then students). */
function ageWeight(age: number): number {
  if (age < 14) return 8;
  if (age < 18) return 10;
  if (age < 30) return 6;
  if (age < 55) return 7;
  if (age <= 72) return 20;
  return 8;
}

export function planVolunteers(input: PlanInput): VolunteersPlan {
  const { rng, today, communityName } = input;
  const year = Number(today.slice(0, 4));
  const residentIds = new Set(input.people.map((p) => p.idNumber).filter((x): x is string => !!x));
  const ids = new IdNumberMaker();
  const newIdNumber = (birthDate: string, gender: Gender): string => {
    for (;;) {
      const id = ids.make(rng, rng.weighted(BAOJI_AREAS), birthDate, gender);
      if (!residentIds.has(id)) return id;
    }
  };
  const eligible = input.people.filter(canVolunteer);
  const eligibleByHousehold = new Map<HouseholdModel, Person[]>();
  for (const p of eligible) {
    const list = eligibleByHousehold.get(p.household);
    if (list) list.push(p);
    else eligibleByHousehold.set(p.household, [p]);
  }

  // ---- who: the outsiders first (teachers, Party-school staff, the squad leader), then residents ----
  const outsiders: VolunteerPlan[] = [];
  const outsider = (unit: UnitKey | null, gender: Gender, age: number, name?: string): VolunteerPlan => {
    const birthDate = birthDateForAge(rng, age, today);
    const v = blank(rng, today, {
      person: null,
      name: name ?? randomName(rng, gender, Number(birthDate.slice(0, 4))),
      gender,
      birthDate,
      age,
      phone: input.phones.take(),
      idNumber: newIdNumber(birthDate, gender),
    });
    v.unit = unit;
    v.recruitedVia = unit ? 'unit' : 'residents_committee';
    v.recruitUnit = unit ?? 'residents_committee';
    outsiders.push(v);
    return v;
  };
  for (let i = 0; i < VOLUNTEER_FIGURES.schoolTeachers; i++) {
    const v =
      i === 0
        ? outsider('school', 'female', 46, '孙丽华')
        : outsider('school', rng.chance(0.65) ? 'female' : 'male', rng.int(26, 58));
    if (i === 0) v.account = '0005';
  }
  for (let i = 0; i < VOLUNTEER_FIGURES.partySchool; i++)
    outsider('party_school', rng.chance(0.5) ? 'female' : 'male', rng.int(27, 58));
  const leader = outsider(null, 'male', 52, '党卫东');
  leader.account = '0004';
  leader.note = '原住西关社区，搬到邻近小区后仍带邻里互助服务队';

  // ---- residents: one per household first, so as many households as possible have a volunteer ----
  const residentTarget = VOLUNTEER_FIGURES.approved - outsiders.length;
  const chosen: Person[] = [];
  const taken = new Set<Person>();
  const take = (p: Person) => {
    chosen.push(p);
    taken.add(p);
  };
  const youngest = eligible.filter((p) => p.age === 9);
  const oldest = eligible.filter((p) => p.age === 80);
  if (youngest.length === 0 || oldest.length === 0)
    throw new Error('demo data: no resident aged exactly 9 or 80 can volunteer');
  const forced = [input.volunteer, rng.pick(youngest), rng.pick(oldest)];
  // The Qinqiang club's founder: a man of 75 (the case study's 文健).
  const qinqiang = eligible.filter(
    (p) => p.gender === 'male' && p.age === 75 && !p.household.isMigrant && !forced.includes(p),
  );
  const founder = qinqiang.length > 0 ? rng.pick(qinqiang) : null;
  if (founder) forced.push(founder);
  for (const p of forced) if (canVolunteer(p) && !taken.has(p)) take(p);
  const covered = new Set(chosen.map((p) => p.household));
  // Households with a likely volunteer (a young retiree, a student) come first; every household is possible.
  const open = [...eligibleByHousehold.keys()].filter((h) => !covered.has(h));
  const households = rng.weightedSample(open, open.length, (h) =>
    Math.max(...eligibleByHousehold.get(h)!.map((m) => ageWeight(m.age))),
  );
  for (const h of households) {
    if (chosen.length >= residentTarget) break;
    const members = eligibleByHousehold.get(h)!;
    take(members.length === 1 ? members[0]! : rng.weightedSample(members, 1, (m) => ageWeight(m.age))[0]!);
  }
  // More than one per household only if every household already has one.
  if (chosen.length < residentTarget) {
    const rest = eligible.filter((p) => !taken.has(p));
    for (const p of rng.weightedSample(rest, residentTarget - chosen.length, (q) => ageWeight(q.age))) take(p);
  }
  const pendingPeople = rng.weightedSample(
    eligible.filter((p) => !taken.has(p) && p.age >= 18),
    VOLUNTEER_FIGURES.pending,
    (q) => ageWeight(q.age),
  );

  const gridOfPerson = (p: Person) => input.gridOf.get(p.household)!;
  const fromResident = (p: Person): VolunteerPlan => {
    const guardian = p.age < 18 ? parentOf(p)! : null;
    const v = blank(rng, today, {
      person: p,
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      age: p.age,
      phone: p.phone ?? guardian!.phone!,
      idNumber: p.idNumber!,
    });
    v.fitness = fitnessFor(rng, p.age, p.groups.has('disabled') || p.groups.has('chronic_illness'));
    if (guardian) {
      v.guardian = {
        name: guardian.name,
        phone: guardian.phone!,
        relation: guardian.gender === 'female' ? '母亲' : '父亲',
        coversData: p.age < 14,
      };
    }
    return v;
  };
  const residents = chosen.map(fromResident);
  const me = residents.find((v) => v.person === input.volunteer);
  if (me) me.account = '0006';
  const wen = founder ? residents.find((v) => v.person === founder) : undefined;
  const pending = pendingPeople.map((p) => {
    const v = fromResident(p);
    v.status = 'pending';
    v.registeredVia = 'online';
    v.registeredAt = officeTime(rng, today, 1, 6);
    v.decidedAt = null;
    return v;
  });
  const all = [...outsiders, ...residents];
  const approvedResidents = residents;

  // ---- units that send residents: the hospital's and the telecom branch's staff who live here ----
  const working = (lo: number, hi: number) =>
    approvedResidents.filter((v) => v.age >= lo && v.age <= hi && !v.account && v !== wen && !v.unit);
  for (const v of rng.sample(working(28, 55), 8)) {
    v.unit = 'hospital';
    v.recruitedVia = 'unit';
    v.recruitUnit = 'hospital';
  }
  for (const v of rng.sample(working(24, 45), 6)) {
    v.unit = 'telecom';
    v.recruitedVia = 'unit';
    v.recruitUnit = 'telecom';
  }

  // ---- party members ----
  const orgOf: Partial<Record<UnitKey, string>> = {
    school: '中共宝鸡市第一中学委员会',
    party_school: '中共宝鸡市委党校机关委员会',
    hospital: '中共宝鸡市中医医院委员会',
    telecom: '中共中国电信宝鸡分公司委员会',
  };
  const WORK_UNITS: readonly (readonly [string, string])[] = [
    ['金台区人民政府', '中共金台区人民政府机关委员会'],
    ['金台区西关街道办事处', '中共金台区西关街道工作委员会'],
    ['宝鸡市税务局', '中共宝鸡市税务局机关委员会'],
    ['宝鸡市公安局金台分局', '中共宝鸡市公安局金台分局委员会'],
    ['宝鸡市人民医院', '中共宝鸡市人民医院委员会'],
    ['宝鸡供电公司', '中共国网宝鸡供电公司委员会'],
    ['宝鸡市教育局', '中共宝鸡市教育局机关委员会'],
    ['宝鸡石油机械有限责任公司', '中共宝石机械公司委员会'],
  ];
  const PUBLIC_SERVICE = new Set([
    '金台区人民政府',
    '金台区西关街道办事处',
    '宝鸡市税务局',
    '宝鸡市公安局金台分局',
    '宝鸡市教育局',
  ]);
  const joinedOn = (age: number) => addDays(shiftYears(today, -rng.int(1, Math.max(1, age - 19))), -rng.int(0, 300));
  /** A membership joined some years after turning 19 (drawn after the grid, as the demo always has). */
  const party = (
    age: number,
    kind: PartyKind,
    org: string,
    gridIndex: number,
    workUnit: string | null = null,
    publicServant = false,
  ): PartyPlan => ({ kind, publicServant, org, workUnit, gridIndex, joinedOn: joinedOn(age), report: null });
  for (const v of outsiders) {
    if (v.unit !== 'school' && v.unit !== 'party_school') continue;
    v.party = party(v.age, 'in_service', orgOf[v.unit]!, rng.int(0, input.grids - 1), null, v.unit === 'party_school');
  }
  for (const v of approvedResidents) {
    const p = v.person!;
    if (v.age < 18 || v === me) continue;
    const grid = gridOfPerson(p);
    if (v.unit === 'hospital' || v.unit === 'telecom') {
      if (rng.chance(0.5)) v.party = party(v.age, 'in_service', orgOf[v.unit]!, grid);
      continue;
    }
    if (p.household.isMigrant) {
      if (v.age >= 22 && v.age <= 55 && rng.chance(0.3)) {
        v.party = party(v.age, 'floating', `${communityName}流动党员党支部`, grid);
      }
    } else if (v.age >= 60 || (v.age >= 55 && v.gender === 'female')) {
      if (rng.chance(0.16) || v === wen)
        v.party = party(v.age, 'resident', `中共${communityName}委员会第${(grid % 4) + 1}支部`, grid);
    } else if (v.age >= 24 && rng.chance(0.08)) {
      const [workUnit, org] = rng.pick(WORK_UNITS);
      v.party = party(v.age, 'in_service', org, grid, workUnit, PUBLIC_SERVICE.has(workUnit));
    } else if (v.age >= 40 && rng.chance(0.03)) {
      v.party = party(v.age, 'resident', `中共${communityName}委员会第${(grid % 4) + 1}支部`, grid);
    }
  }
  for (const v of [...all, ...pending]) {
    if (v.party) {
      v.political = 'party_member';
      continue;
    }
    if (v.age >= 14 && v.age <= 28 && rng.chance(0.45)) v.political = 'league_member';
  }

  // ---- how they were recruited ----
  for (const v of [...approvedResidents, ...pending]) {
    if (v.unit) continue;
    const p = v.person!;
    let channel: RecruitChannel;
    if (v.party) channel = rng.chance(0.8) ? 'party' : 'residents_committee';
    else if (p.groups.has('disabled')) channel = rng.chance(0.7) ? 'disabled_association' : 'residents_committee';
    else if (v.age < 14) channel = rng.chance(0.6) ? 'residents_committee' : 'self';
    else if (v.age <= 28) channel = rng.weighted(CHANNELS.youth);
    else if (v.age >= 60) channel = rng.weighted(CHANNELS.elder);
    else if (v.gender === 'female') channel = rng.weighted(CHANNELS.woman);
    else channel = rng.weighted(CHANNELS.man);
    v.recruitedVia = channel;
    v.recruitUnit = CHANNEL_UNIT[channel] ?? null;
    if (channel === 'self' && rng.chance(0.7)) v.registeredVia = 'online';
  }
  if (me) {
    me.recruitedVia = 'womens_federation';
    me.recruitUnit = 'womens_federation';
  }

  // ---- in-service party members report to the community and claim posts within capacity ----
  const left = new Map(PARTY_POSTS.map((p) => [p.title, p.capacity]));
  const claim = (title: string): boolean => {
    const n = left.get(title)!;
    if (n <= 0) return false;
    left.set(title, n - 1);
    return true;
  };
  const inService = all.filter((v) => v.party?.kind === 'in_service');
  for (const v of inService) {
    const posts: string[] = [];
    const first = v.unit === 'school' ? '课业辅导岗' : v.unit === 'party_school' ? '环境卫生岗' : null;
    if (first && claim(first)) posts.push(first);
    const extra = rng.shuffle(PARTY_POSTS.map((p) => p.title)).filter((t) => !posts.includes(t));
    const want = first ? (rng.chance(0.3) ? 2 : 1) : rng.int(1, 2);
    for (const t of extra) {
      if (posts.length >= want) break;
      if (t === '环境卫生岗' || t === '课业辅导岗') continue; // kept for the two units
      if (claim(t)) posts.push(t);
    }
    v.party!.report = { reportedOn: addDays(today, -rng.int(20, 330)), posts };
  }

  // ---- the skills pool ----
  const pool: VolunteerPlan[] = [];
  const licenceFor = (code: string, v: VolunteerPlan): { licenceNo: string; expiresOn: string } | null => {
    if (!SKILL_BY_CODE.get(code)?.licensed) return null;
    const y = String(year - rng.int(1, 15));
    const no =
      code === 'doctor' || code === 'tcm'
        ? `1${rng.int(1, 4)}0${'610303'}${y}${digits(rng, 4)}`
        : code === 'nurse'
          ? `${y}61${digits(rng, 6)}`
          : code === 'lawyer'
            ? `16103${y}1${digits(rng, 6)}`
            : code === 'electrician'
              ? `T${v.idNumber}`
              : `${y}${digits(rng, 8)}`;
    return { licenceNo: no, expiresOn: addDays(today, rng.int(120, 1800)) };
  };
  const addSkill = (v: VolunteerPlan, code: string, level?: SkillLevel) => {
    if (v.skills.some((s) => s.code === code)) return;
    const def = SKILL_BY_CODE.get(code)!;
    const lic = licenceFor(code, v);
    const lv: SkillLevel =
      level ?? (def.licensed ? rng.weighted(LICENSED_LEVELS) : v.age < 18 ? 'basic' : rng.weighted(PLAIN_LEVELS));
    v.skills.push({
      code,
      category: def.category,
      level: lv,
      licenceNo: lic?.licenceNo ?? null,
      expiresOn: lic?.expiresOn ?? null,
    });
    if (!pool.includes(v)) pool.push(v);
  };
  const TEACHER_SKILLS = ['calligraphy', 'painting', 'music', 'recitation'];
  for (const v of outsiders.filter((o) => o.unit === 'school')) {
    addSkill(v, 'tutoring', rng.chance(0.5) ? 'expert' : 'skilled');
    for (const s of rng.sample(TEACHER_SKILLS, rng.int(1, 2))) addSkill(v, s);
  }
  for (const v of approvedResidents.filter((o) => o.unit === 'hospital')) {
    addSkill(v, rng.weighted(HOSPITAL_SKILLS));
    if (rng.chance(0.6)) addSkill(v, 'first_aid', 'expert');
  }
  for (const v of approvedResidents.filter((o) => o.unit === 'telecom')) {
    addSkill(v, 'smartphone_help', 'expert');
    addSkill(v, rng.pick(['anti_fraud', 'science_talks']));
  }
  if (me) {
    addSkill(me, 'sewing', 'expert');
    addSkill(me, 'dementia_care', 'skilled');
    addSkill(me, 'companionship');
  }
  if (wen) addSkill(wen, 'qinqiang', 'expert');
  addSkill(leader, 'plumbing', 'skilled');
  const CATEGORY_WEIGHT: readonly (readonly [SkillCategory, number])[] = [
    ['medical', 22],
    ['legal', 10],
    ['education', 18],
    ['culture', 26],
    ['psychological', 9],
    ['household', 30],
    ['science_digital', 10],
    ['special_groups', 15],
  ];
  const byCategory = new Map(SKILL_CATEGORIES.map((c) => [c, SKILLS.filter((s) => s.category === c)]));
  const candidates = rng.weightedSample(
    approvedResidents.filter((v) => !pool.includes(v) && v.age >= 16 && !v.unit),
    VOLUNTEER_FIGURES.skillsPool - pool.length,
    (v) => (v.age < 18 ? 1 : v.age < 25 ? 3 : 6),
  );
  // Adults first, so the first eight (one per category) can take any skill, licensed ones included.
  candidates.sort((a, b) => (a.age < 24 ? 1 : 0) - (b.age < 24 ? 1 : 0));
  // Every category gets its people first, then the weights decide.
  candidates.forEach((v, i) => {
    const categories: SkillCategory[] = [
      i < SKILL_CATEGORIES.length ? SKILL_CATEGORIES[i]! : rng.weighted(CATEGORY_WEIGHT),
    ];
    if (rng.chance(0.3)) categories.push(rng.weighted(CATEGORY_WEIGHT));
    for (const c of categories) {
      let options = byCategory.get(c)!;
      if (v.age < 24) options = options.filter((s) => !s.licensed);
      if (v.age < 18)
        options = options.filter((s) =>
          ['music', 'dance', 'recitation', 'painting', 'calligraphy', 'photography', 'smartphone_help'].includes(
            s.code,
          ),
        );
      if (options.length === 0)
        options = SKILLS.filter((s) => ['music', 'dance', 'recitation', 'painting', 'calligraphy'].includes(s.code));
      addSkill(v, rng.pick(options).code);
    }
  });
  // A few licences run out within 30 days, so the expiry flags have something to show.
  const licensed = pool.flatMap((v) => v.skills.filter((s) => s.expiresOn));
  for (const s of rng.sample(licensed, Math.min(4, licensed.length))) s.expiresOn = addDays(today, rng.int(3, 28));

  // ---- teams ----
  const team = (
    v: VolunteerPlan,
    name: string,
    role: 'leader' | 'member' = 'member',
    status: 'active' | 'requested' = 'active',
  ) => {
    if (v.teams.some((t) => t.team === name)) return;
    const at = status === 'requested' ? officeTime(rng, today, 1, 10) : (v.decidedAt ?? v.registeredAt);
    v.teams.push({ team: name, role, status, at });
  };
  for (const v of outsiders) if (v.unit) team(v, UNIT_TEAMS.find((t) => t.unit === v.unit)!.name);
  for (const v of approvedResidents) if (v.unit) team(v, UNIT_TEAMS.find((t) => t.unit === v.unit)!.name);
  const SKILL_SQUAD: Record<SkillCategory, string> = {
    medical: '特殊技能服务队',
    legal: '法律服务队',
    education: '文体教育服务队',
    culture: '文体教育服务队',
    psychological: '敬老助老服务队',
    household: '特殊技能服务队',
    science_digital: '科普服务队',
    special_groups: '助残服务队',
  };
  const MINOR_SQUADS = ['环保卫生服务队', '文体教育服务队', '科普服务队', '关爱儿童服务队'];
  const ADULT_SQUADS = SQUADS.map(
    (s) => [s.name, s.name === '环保卫生服务队' || s.name === '邻里互助服务队' ? 3 : 2] as const,
  );
  team(leader, LEADER_SQUAD, 'leader');
  for (const v of approvedResidents) {
    if (v.unit && rng.chance(0.7)) continue;
    if (v === me) {
      team(v, LEADER_SQUAD);
      continue;
    }
    if (!rng.chance(0.9)) continue;
    const first = v.skills[0]
      ? SKILL_SQUAD[v.skills[0].category]
      : v.age < 18
        ? rng.pick(MINOR_SQUADS)
        : rng.weighted(ADULT_SQUADS);
    team(v, first);
    if (v.age >= 18 && rng.chance(0.2)) team(v, rng.weighted(ADULT_SQUADS));
  }
  const cultureWeights = CULTURE_TEAMS.map((t) => [t.name, t.name === '广场舞队' ? 4 : 2] as const);
  for (const v of approvedResidents) {
    const p = v.age >= 50 ? 0.35 : v.age < 18 ? 0.15 : 0.08;
    if (v === wen) {
      team(v, '秦腔社', 'leader');
      continue;
    }
    if (!rng.chance(p)) continue;
    let name = rng.weighted(cultureWeights);
    if (v.age < 18) name = rng.pick(['合唱团', '舞蹈队', '快板队', '书画社']);
    else if (v.skills.some((s) => s.code === 'qinqiang')) name = '秦腔社';
    team(v, name);
  }
  for (const v of approvedResidents) if (v.age >= 60 && rng.chance(0.55)) team(v, SILVER_TEAM.name);
  // Leaders: an adult member of working or young-retired age; the squad leader account leads its squad.
  for (const def of [...SQUADS, ...CULTURE_TEAMS, SILVER_TEAM, ...UNIT_TEAMS]) {
    const members = all.filter((v) => v.teams.some((t) => t.team === def.name));
    if (members.some((v) => v.teams.some((t) => t.team === def.name && t.role === 'leader'))) continue;
    const fit = members.filter(
      (v) => v.age >= (def.kind === 'silver' ? 60 : 25) && v.age <= 72 && v.fitness !== 'limited',
    );
    const chief =
      def.unit === 'school' ? outsiders.find((v) => v.account === '0005')! : rng.pick(fit.length ? fit : members);
    chief.teams.find((t) => t.team === def.name)!.role = 'leader';
  }
  // A few join requests waiting for the leaders.
  const squadNames = SQUADS.map((s) => s.name);
  for (const v of rng.sample(
    approvedResidents.filter((x) => x.age >= 18 && !x.account),
    8,
  )) {
    const notYet = squadNames.filter((n) => !v.teams.some((t) => t.team === n));
    if (notYet.length > 0) team(v, rng.pick(notYet), 'member', 'requested');
  }
  for (const v of rng.sample(
    approvedResidents.filter((x) => x.age >= 18 && !x.account && !x.teams.some((t) => t.team === LEADER_SQUAD)),
    3,
  )) {
    team(v, LEADER_SQUAD, 'member', 'requested');
  }
  for (const v of pending.slice(0, 2)) team(v, LEADER_SQUAD, 'member', 'requested');

  // ---- training ----
  const approved = all;
  const attend = (v: VolunteerPlan, course: string, session?: number) => {
    const def = COURSES.find((c) => c.code === course)!;
    if (v.trainings.some((t) => t.course === course)) return;
    v.trainings.push({
      course,
      session: session ?? rng.int(0, def.sessionsDaysAgo.length - 1),
      attended: session !== undefined || rng.chance(0.94),
    });
  };
  for (const v of approved) if (rng.chance(0.6)) attend(v, 'general');
  const adults = (lo: number, hi: number) => approved.filter((v) => v.age >= lo && v.age <= hi);
  for (const v of rng.sample(adults(18, 70), 120)) attend(v, 'first_aid');
  for (const v of approved.filter((x) =>
    x.skills.some((s) => s.category === 'special_groups' || s.code === 'elder_care'),
  ))
    attend(v, 'dementia_care');
  for (const v of rng.sample(adults(25, 75), 60)) attend(v, 'dementia_care');
  for (const v of rng.sample(
    adults(18, 70).filter((x) => x.fitness === 'good'),
    50,
  ))
    attend(v, 'hospital_escort');
  for (const v of approved.filter((x) => x.unit === 'school')) attend(v, 'tutoring', rng.int(0, 1));
  for (const v of rng.sample(
    adults(16, 75).filter((x) => x.unit !== 'school'),
    20,
  ))
    attend(v, 'tutoring');
  if (me) {
    me.trainings = me.trainings.filter((t) => t.course !== 'dementia_care' && t.course !== 'general');
    attend(me, 'dementia_care', 2);
    attend(me, 'general', 3);
  }

  // ---- insurance: the community's accident policy (ages 9–75) and a second one for seniors ----
  for (const v of approved) {
    if (v.age <= 75 && (rng.chance(0.97) || v.account)) v.policies.push('community');
    if (v.age >= 70 && rng.chance(0.85)) v.policies.push('senior');
  }

  // ---- availability ----
  const slot = (v: VolunteerPlan, weekdays: number[], start: number, end: number) => {
    for (const weekday of weekdays)
      if (!v.slots.some((s) => s.weekday === weekday)) v.slots.push({ weekday, start, end });
  };
  for (const v of approved) {
    if (v === me) {
      slot(v, [1, 3, 5], 8 * 60 + 30, 11 * 60 + 30);
      slot(v, [6], 14 * 60, 17 * 60);
      continue;
    }
    if (!rng.chance(0.85)) continue;
    if (v.age < 18) {
      slot(v, rng.sample([1, 2, 3, 4, 5], rng.int(0, 2)), 16 * 60 + 30, 18 * 60);
      slot(v, rng.sample([6, 7], rng.int(1, 2)), 9 * 60, 11 * 60 + 30);
    } else if (v.age >= 60 || (v.age >= 55 && !v.unit)) {
      slot(v, rng.sample([1, 2, 3, 4, 5], rng.int(2, 4)), 8 * 60 + 30, 11 * 60 + 30);
      if (rng.chance(0.4)) slot(v, rng.sample([6, 7], 1), 14 * 60 + 30, 17 * 60);
    } else {
      if (rng.chance(0.12)) slot(v, rng.sample([1, 2, 3, 4, 5, 6, 7], rng.int(1, 2)), 20 * 60, 24 * 60);
      slot(v, rng.sample([1, 2, 3, 4, 5], rng.int(1, 2)), 19 * 60, 21 * 60);
      slot(v, rng.sample([6, 7], rng.int(1, 2)), 9 * 60, 12 * 60);
    }
    v.slots.sort((a, b) => a.weekday - b.weekday);
  }
  const REASONS = ['外出探亲', '住院治疗', '期末考试', '出差', '照看孙辈', '旅游'];
  for (const v of rng.sample(
    approved.filter((x) => x.slots.length > 0 && !x.account),
    15,
  )) {
    const from = addDays(today, rng.int(-3, 40));
    v.blackouts.push({ from, to: addDays(from, rng.int(0, 13)), reason: rng.pick(REASONS) });
  }

  for (const v of all) v.cardToken = cardToken(rng);
  for (const v of pending) v.cardToken = cardToken(rng);

  const withVolunteer = new Set(approvedResidents.map((v) => v.person!.household));
  return { volunteers: [...all, ...pending], householdsWithVolunteer: withVolunteer.size, policyYear: year };
}

function blank(
  rng: Rng,
  today: string,
  who: Pick<VolunteerPlan, 'person' | 'name' | 'gender' | 'birthDate' | 'age' | 'phone' | 'idNumber'>,
): VolunteerPlan {
  const registeredAt = officeTime(rng, today, 30, 1800);
  const decided = new Date(Date.parse(registeredAt) + rng.int(1, 5) * 86_400_000);
  const now = Date.parse(AT(today, 12, 0));
  return {
    ...who,
    fitness: fitnessFor(rng, who.age, false),
    political: 'masses',
    status: 'approved',
    registeredVia: 'staff',
    recruitedVia: 'self',
    recruitUnit: null,
    unit: null,
    account: null,
    cardToken: '',
    registeredAt,
    decidedAt: new Date(Math.min(decided.getTime(), now)).toISOString(),
    guardian: null,
    skills: [],
    party: null,
    teams: [],
    trainings: [],
    policies: [],
    slots: [],
    blackouts: [],
    note: null,
  };
}

// ---- step 2: rows ----

export interface VolunteerRows {
  units: Insertable<Database['unit']>[];
  volunteers: Insertable<Database['volunteer']>[];
  guardians: Insertable<Database['volunteer_guardian']>[];
  skills: Insertable<Database['volunteer_skill']>[];
  partyMembers: Insertable<Database['party_member']>[];
  partyPosts: Insertable<Database['party_post']>[];
  partyReports: Insertable<Database['party_report']>[];
  partyReportPosts: Insertable<Database['party_report_post']>[];
  teams: Insertable<Database['team']>[];
  teamMembers: Insertable<Database['team_member']>[];
  courses: Insertable<Database['training_course']>[];
  sessions: Insertable<Database['training_session']>[];
  attendance: Insertable<Database['training_attendance']>[];
  certificates: Insertable<Database['training_certificate']>[];
  policies: Insertable<Database['insurance_policy']>[];
  covers: Insertable<Database['insurance_cover']>[];
  slots: Insertable<Database['availability_slot']>[];
  blackouts: Insertable<Database['availability_blackout']>[];
  serviceTypes: Insertable<Database['service_type']>[];
  /** Ids the accounts' memberships point at. */
  leaderTeamId: string;
  schoolUnitId: string;
}

export interface RowContext {
  communityId: string;
  communityName: string;
  at: string;
  today: string;
  cipher: FieldCipher;
  residentIds: Map<Person, string>;
  gridIds: string[];
  /** Account ids by the last four digits of the phone (empty without accounts). */
  accountIds: Map<string, string>;
  decidedBy: string;
  pinyinOf: (name: string) => { full: string; initials: string };
}

/** The volunteer tables in the order they must be inserted (parents first). */
export const VOLUNTEER_TABLES = [
  ['unit', 'units'],
  ['volunteer', 'volunteers'],
  ['volunteer_guardian', 'guardians'],
  ['volunteer_skill', 'skills'],
  ['party_member', 'partyMembers'],
  ['party_post', 'partyPosts'],
  ['party_report', 'partyReports'],
  ['party_report_post', 'partyReportPosts'],
  ['team', 'teams'],
  ['team_member', 'teamMembers'],
  ['training_course', 'courses'],
  ['training_session', 'sessions'],
  ['training_attendance', 'attendance'],
  ['training_certificate', 'certificates'],
  ['insurance_policy', 'policies'],
  ['insurance_cover', 'covers'],
  ['availability_slot', 'slots'],
  ['availability_blackout', 'blackouts'],
  ['service_type', 'serviceTypes'],
] as const;

export function volunteerRows(plan: VolunteersPlan, ctx: RowContext): VolunteerRows {
  const cid = ctx.communityId;
  const at = ctx.at;
  const r: VolunteerRows = {
    units: [],
    volunteers: [],
    guardians: [],
    skills: [],
    partyMembers: [],
    partyPosts: [],
    partyReports: [],
    partyReportPosts: [],
    teams: [],
    teamMembers: [],
    courses: [],
    sessions: [],
    attendance: [],
    certificates: [],
    policies: [],
    covers: [],
    slots: [],
    blackouts: [],
    serviceTypes: [],
    leaderTeamId: '',
    schoolUnitId: '',
  };
  const unitIds = new Map<UnitKey, string>();
  for (const u of UNITS) {
    const id = uuidv7();
    unitIds.set(u.key, id);
    r.units.push({
      community_id: cid,
      id,
      name: u.name(ctx.communityName),
      kind: u.kind,
      address: u.address,
      contact_name: u.contact,
      contact_phone: null,
      created_at: at,
    });
  }
  r.schoolUnitId = unitIds.get('school')!;
  const teamIds = new Map<string, string>();
  for (const t of [...SQUADS, ...CULTURE_TEAMS, SILVER_TEAM, ...UNIT_TEAMS]) {
    const id = uuidv7();
    teamIds.set(t.name, id);
    r.teams.push({
      community_id: cid,
      id,
      name: t.name,
      kind: t.kind,
      unit_id: t.unit ? unitIds.get(t.unit)! : null,
      description: t.description,
      created_at: at,
    });
  }
  r.leaderTeamId = teamIds.get(LEADER_SQUAD)!;
  const postIds = new Map<string, string>();
  for (const p of PARTY_POSTS) {
    const id = uuidv7();
    postIds.set(p.title, id);
    r.partyPosts.push({
      community_id: cid,
      id,
      title: p.title,
      description: p.description,
      capacity: p.capacity,
      created_at: at,
    });
  }
  const courseIds = new Map<string, string>();
  const sessionIds = new Map<string, string[]>();
  const sessionDates = new Map<string, string[]>();
  const TRAINERS: Record<string, string> = {
    dementia_care: '宝鸡市中医医院 程晓东',
    first_aid: '宝鸡市红十字会 贾红',
    hospital_escort: '宝鸡市中医医院护理部 许亚琴',
    tutoring: '宝鸡市第一中学 孙丽华',
    general: '社工 赵婷',
  };
  for (const c of COURSES) {
    const id = uuidv7();
    courseIds.set(c.code, id);
    r.courses.push({
      community_id: cid,
      id,
      code: c.code,
      title: c.title,
      validity_months: c.validityMonths,
      description: c.description,
      created_at: at,
    });
    const ids: string[] = [];
    const dates: string[] = [];
    for (const daysAgo of c.sessionsDaysAgo) {
      const sid = uuidv7();
      const date = addDays(ctx.today, -daysAgo);
      ids.push(sid);
      dates.push(date);
      r.sessions.push({
        community_id: cid,
        id: sid,
        course_id: id,
        starts_at: AT(date, 14, 30),
        ends_at: AT(date, 17, 0),
        place: '西关社区志愿服务站',
        trainer: TRAINERS[c.code] ?? null,
        capacity: 120,
        created_at: at,
      });
    }
    sessionIds.set(c.code, ids);
    sessionDates.set(c.code, dates);
  }
  const policyIds = {
    community: uuidv7(),
    senior: uuidv7(),
  };
  const y = plan.policyYear;
  r.policies.push({
    community_id: cid,
    id: policyIds.community,
    insurer: '中国人民财产保险股份有限公司宝鸡市分公司',
    policy_no: `PEAC${y}6103${cid.slice(-6).replace(/-/g, '0')}0001`,
    starts_on: `${y}-01-01`,
    ends_on: `${y}-12-31`,
    cover: '志愿者团体意外险：意外身故、伤残10万元，意外医疗1万元',
    min_age: 9,
    max_age: 75,
    created_at: at,
  });
  r.policies.push({
    community_id: cid,
    id: policyIds.senior,
    insurer: '中国人寿保险股份有限公司宝鸡分公司',
    policy_no: `2${y}61030${cid.slice(-6).replace(/-/g, '0')}0002`,
    starts_on: `${y}-01-01`,
    ends_on: `${y}-12-31`,
    cover: '老年志愿者意外险：意外身故、伤残5万元，意外医疗5千元',
    min_age: 60,
    max_age: 80,
    created_at: at,
  });
  for (const s of SERVICE_TYPES) {
    r.serviceTypes.push({
      community_id: cid,
      id: uuidv7(),
      code: s.code,
      name: s.name,
      min_age: s.minAge,
      max_age: s.maxAge,
      min_fitness: s.minFitness,
      night: s.night ? 1 : 0,
      needs_insurance: s.insurance ? 1 : 0,
      training_course_id: s.course ? courseIds.get(s.course)! : null,
      skill_code: s.skill,
      description: s.description,
      created_at: at,
    });
  }

  const tokenOf = new Map<Person, string>();
  for (const v of plan.volunteers) {
    const id = uuidv7();
    const { full, initials } = ctx.pinyinOf(v.name);
    const token = ctx.cipher.token(cid, 'id_number', v.idNumber);
    if (v.person) tokenOf.set(v.person, token);
    r.volunteers.push({
      community_id: cid,
      id,
      resident_id: v.person ? ctx.residentIds.get(v.person)! : null,
      account_id: v.account ? (ctx.accountIds.get(v.account) ?? null) : null,
      name: v.name,
      name_pinyin: full,
      name_initials: initials,
      gender: v.gender,
      birth_date: v.birthDate,
      phone: v.phone,
      id_number_enc: ctx.cipher.encrypt(v.idNumber),
      id_number_token: token,
      id_number_masked: maskIdNumber(v.idNumber),
      fitness: v.fitness,
      political_status: v.political,
      status: v.status,
      registered_via: v.registeredVia,
      recruited_via: v.recruitedVia,
      recruit_unit_id: v.recruitUnit ? unitIds.get(v.recruitUnit)! : null,
      unit_id: v.unit ? unitIds.get(v.unit)! : null,
      card_token: v.cardToken,
      consent_at: v.registeredAt,
      decided_by: v.decidedAt ? ctx.decidedBy : null,
      decided_at: v.decidedAt,
      decision_note: null,
      note: v.note,
      created_at: v.registeredAt,
      updated_at: v.decidedAt ?? v.registeredAt,
    });
    if (v.guardian) {
      r.guardians.push({
        community_id: cid,
        volunteer_id: id,
        name: v.guardian.name,
        phone: v.guardian.phone,
        relation: v.guardian.relation,
        consent_at: v.registeredAt,
        covers_data: v.guardian.coversData ? 1 : 0,
        // The guardian confirmed with the code sent to their phone, a couple of hours after the registration.
        ...(v.status === 'pending'
          ? { state: 'pending', code_sent_at: v.registeredAt }
          : {
              state: 'confirmed',
              confirmed_via: 'sms',
              confirmed_at: new Date(Date.parse(v.registeredAt) + 2 * 3600_000).toISOString(),
              code_sent_at: v.registeredAt,
            }),
      });
    }
    for (const s of v.skills) {
      r.skills.push({
        community_id: cid,
        volunteer_id: id,
        skill_code: s.code,
        category: s.category,
        level: s.level,
        licence_no: s.licenceNo,
        licence_expires_on: s.expiresOn,
        created_at: v.registeredAt,
      });
    }
    if (v.party) {
      const pm = v.party;
      r.partyMembers.push({
        community_id: cid,
        volunteer_id: id,
        kind: pm.kind,
        is_public_servant: pm.publicServant ? 1 : 0,
        party_org: pm.org,
        work_unit: pm.workUnit ?? (v.unit ? UNITS.find((u) => u.key === v.unit)!.name(ctx.communityName) : null),
        grid_id: ctx.gridIds[pm.gridIndex]!,
        joined_on: pm.joinedOn,
      });
      if (pm.report) {
        const rid = uuidv7();
        r.partyReports.push({
          community_id: cid,
          id: rid,
          volunteer_id: id,
          reported_on: pm.report.reportedOn,
          unit_party_org: pm.org,
          created_at: AT(pm.report.reportedOn, 10, 0),
        });
        for (const p of pm.report.posts)
          r.partyReportPosts.push({ community_id: cid, report_id: rid, post_id: postIds.get(p)! });
      }
    }
    for (const t of v.teams) {
      r.teamMembers.push({
        community_id: cid,
        team_id: teamIds.get(t.team)!,
        volunteer_id: id,
        role: t.role,
        status: t.status,
        requested_at: t.at,
        decided_at: t.status === 'active' ? t.at : null,
      });
    }
    for (const t of v.trainings) {
      const course = COURSES.find((c) => c.code === t.course)!;
      const sid = sessionIds.get(t.course)![t.session]!;
      const date = sessionDates.get(t.course)![t.session]!;
      const done = AT(date, 17, 0);
      r.attendance.push({
        community_id: cid,
        session_id: sid,
        volunteer_id: id,
        status: t.attended ? 'attended' : 'absent',
        updated_at: done,
      });
      if (t.attended) {
        r.certificates.push({
          community_id: cid,
          id: uuidv7(),
          volunteer_id: id,
          course_id: courseIds.get(t.course)!,
          session_id: sid,
          issued_on: date,
          expires_on: course.validityMonths ? shiftYears(date, course.validityMonths / 12) : null,
          created_at: done,
        });
      }
    }
    for (const p of v.policies)
      r.covers.push({
        community_id: cid,
        policy_id: policyIds[p],
        volunteer_id: id,
        added_at: maxIso(v.decidedAt ?? v.registeredAt, `${y}-01-01T01:00:00.000Z`),
      });
    for (const s of v.slots)
      r.slots.push({
        community_id: cid,
        volunteer_id: id,
        weekday: s.weekday,
        start_minute: s.start,
        end_minute: s.end,
      });
    for (const b of v.blackouts)
      r.blackouts.push({
        community_id: cid,
        id: uuidv7(),
        volunteer_id: id,
        from_date: b.from,
        to_date: b.to,
        reason: b.reason,
      });
  }
  return r;
}

function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}
