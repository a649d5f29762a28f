// The demo community: Xiguan (西关社区, 金台区, 宝鸡市) at the scale the 2018 case study gives: 44 buildings,
// 2,265 households (97 on dibao), 5,823 residents (1,050 aged 60+), with its special groups, family contacts
// and consents, and — if asked — a sign-in account for every role.
//
// Two steps: buildCommunity() decides everything from the seed (pure, deterministic: same seed and date,
// same people); seedCommunity() turns that into rows (ids, encryption, blind-index tokens) and inserts them
// in one transaction. Ids and ciphertexts differ between runs; names, ages, phones and ID numbers do not.
import type { Insertable, Kysely } from 'kysely';
import { ageOn, todayInShanghai } from '../../domain/shared/dates.ts';
import { maskIdNumber } from '../../domain/shared/id-number.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';
import { namePinyin } from '../../domain/shared/pinyin.ts';
import { SPECIAL_GROUPS, type SpecialGroup } from '../../domain/registry/special-groups.ts';
import type { Database } from '../../server/src/db/schema/index.ts';
import type { FieldCipher } from '../../server/src/platform/crypto.ts';
import { dibaoToken, groupTag } from '../../server/src/modules/registry/tags.ts';
import { DEMO_PHONE_PREFIX, FAMILY_NAME, VOLUNTEER_NAME, demoPeople, type DemoPerson } from './accounts.ts';
import { DISABILITY_DIGIT, addChronicIllness, assignSpecialGroups, needsGuardian } from './care.ts';
import { XIGUAN_TARGETS, planHouseholds, type HouseholdModel } from './households.ts';
import { BAOJI_AREAS, IdNumberMaker, MIGRANT_AREAS, PhoneBook, addDays } from './identity.ts';
import { insertInBatches, timed } from './insert.ts';
import { XIGUAN_STREETS, chooseAddresses, planLayout, type Address, type Layout } from './layout.ts';
import type { Contact, Person } from './model.ts';
import { randomGivenName, surnameOf } from './names.ts';
import { Rng } from './random.ts';
import {
  VOLUNTEER_TABLES,
  planVolunteers,
  volunteerRows,
  type VolunteerRows,
  type VolunteersPlan,
} from './volunteers.ts';
import { pairingRows, planPairings, type PairingPlan } from './pairings.ts';
import { APPOINTMENT_TABLES, appointmentRows } from './appointments.ts';
import { NEED_TABLES, needRows } from './needs.ts';
import { HOURS_TABLES, hoursRows, type DemoService } from './hours.ts';
import { ACTIVITY_TABLES, activityRows } from './activities.ts';
import { earnDemoPoints, flushDemoPoints, supermarketRows } from './points.ts';
import { homecareRows, insertHomecareDemo } from './homecare.ts';
import { PAIRING_ITEM_LABELS, type PairingItem } from '../../domain/pairings/schemas.ts';
import { CLASSROOM_TABLES, classroomRows } from './classroom.ts';
import { BADGE_TABLES, badgeRows } from './badges.ts';
import { insertDemoContacts } from './contacts.ts';
import { insertOrganisationDemo } from './organisation.ts';
import { placeCommunity } from '../../server/src/modules/regions/regions-directory.ts';
import { XIGUAN_STREET, seedDemoRegionAccounts } from './regions.ts';

export { DEMO_PHONE_PREFIX, DEMO_SIGN_INS, type DemoSignIn } from './accounts.ts';
export { DEMO_REGION_SIGN_INS, XIGUAN_STREET, type DemoRegionSignIn } from './regions.ts';

/** The case study's figures (section 一 of seeds/000_…txt). */
export const XIGUAN = {
  name: '西关社区',
  district: '金台区',
  city: '宝鸡市',
  grids: 8,
  buildings: 44,
  dibaoHouseholds: 97,
  ...XIGUAN_TARGETS,
} as const;

export interface SeedOptions {
  communityId: string;
  name: string;
  seed: number;
  /** argon2 hash of the demo password, computed once by the caller; null-password accounts if absent. */
  passwordHash?: string;
  withAccounts: boolean;
  /** Seven digits that, with a four-digit suffix, make the account phones; default 1380000 (Xiguan). */
  accountPhonePrefix?: string;
  /** The reference instant: ages are counted on its date in Asia/Shanghai. Default: now. */
  now?: Date;
  /** Defaults: Xiguan's. */
  district?: string;
  city?: string;
  /** The street office (街道) the community belongs to; default Xiguan's, 西关街道. */
  street?: string;
  /** The main road first, then the cross streets. */
  streets?: readonly string[];
}

export interface SeedCounts {
  grids: number;
  buildings: number;
  households: number;
  dibaoHouseholds: number;
  migrantHouseholds: number;
  residents: number;
  aged60Plus: number;
  specialGroups: Record<SpecialGroup, number>;
  familyContacts: number;
  consents: number;
  accounts: number;
  memberships: number;
  /**
   * Approved volunteers (the case study's 997), pending registrations, the skills pool, households with a volunteer.
   */
  volunteers: number;
  pendingVolunteers: number;
  skillsPool: number;
  householdsWithVolunteer: number;
  /** Three-fixed pairings: running, ended, and their visits. */
  activePairings: number;
  endedPairings: number;
  pairingVisits: number;
}

// ---- step 1: decide everything (pure) ----

export interface CommunityModel {
  today: string;
  layout: Layout;
  /** In address order; `addresses[i]` is the flat of `households[i]`. */
  households: HouseholdModel[];
  addresses: Address[];
  dibao: Set<HouseholdModel>;
  people: Person[];
  /** The account holders who are residents (volunteer, family member). */
  volunteer: Person;
  family: Person;
  /** The community's volunteers, their skills, teams, training, insurance and availability. */
  volunteers: VolunteersPlan;
  pairings: PairingPlan[];
}

export function buildCommunity(
  opts: Pick<SeedOptions, 'name' | 'seed' | 'now' | 'streets' | 'withAccounts' | 'accountPhonePrefix'>,
): CommunityModel {
  const today = todayInShanghai(opts.now ?? new Date());
  // One independent stream per concern, so a change in one part leaves the others' draws alone.
  const root = new Rng(opts.seed);
  const rng = {
    layout: root.fork('layout'),
    households: root.fork('households'),
    places: root.fork('places'),
    groups: root.fork('groups'),
    stories: root.fork('stories'),
    dibao: root.fork('dibao'),
    identity: root.fork('identity'),
    contacts: root.fork('contacts'),
    consents: root.fork('consents'),
    volunteers: root.fork('volunteers'),
    pairings: root.fork('pairings'),
  };

  const layout = planLayout(rng.layout, {
    buildings: XIGUAN.buildings,
    grids: XIGUAN.grids,
    streets: opts.streets ?? XIGUAN_STREETS,
    gridCodePrefix: gridCodePrefix(opts.name),
  });
  const addresses = chooseAddresses(rng.layout, layout.buildings, XIGUAN.households);
  // Households were planned kind by kind; spread them over the flats at random.
  const households = rng.places.shuffle(planHouseholds(rng.households, today, XIGUAN_TARGETS));

  // From here on each household's members are these Person objects, so a change to a person shows everywhere.
  const people: Person[] = households.flatMap((household) => {
    const members = household.members.map((m): Person => ({
      ...m,
      household,
      groups: new Set(),
      health: null,
      disability: null,
      phone: null,
      idNumber: null,
      childResidents: [],
      contacts: [],
      consents: [],
    }));
    household.members = members;
    return members;
  });
  linkChildResidents(people);
  assignSpecialGroups(rng.groups, people);
  const prefix = opts.accountPhonePrefix ?? DEMO_PHONE_PREFIX;
  const { volunteer, family } = tellStories(rng.stories, people, opts.withAccounts ? prefix : null);
  const dibao = chooseDibao(rng.dibao, households, people, XIGUAN.dibaoHouseholds);

  const phones = new PhoneBook(opts.seed);
  assignIdentity(rng.identity, people, phones, today);
  addFamilyContacts(rng.contacts, people, phones);
  addConsents(rng.consents, people, opts.name, today);

  const gridOf = new Map(households.map((h, i) => [h, layout.buildings[addresses[i]!.buildingIndex]!.gridIndex]));
  const volunteers = planVolunteers({
    rng: rng.volunteers,
    today,
    people,
    households,
    gridOf,
    grids: layout.grids.length,
    phones,
    communityName: opts.name,
    volunteer,
  });

  const mother = people.find((p) => p.childResidents.includes(family))!;
  const pairings = planPairings({
    rng: rng.pairings,
    today,
    people,
    volunteers: volunteers.volunteers,
    gridOf,
    demoVolunteer: volunteer,
    demoElder: mother,
  });

  return { today, layout, households, addresses, dibao, people, volunteer, family, volunteers, pairings };
}

/** XG for 西关社区: the initials of the name without 社区. */
function gridCodePrefix(name: string): string {
  return namePinyin(name.replace(/社区$/, '')).initials.toUpperCase() || 'G';
}

/** Tells each elder which residents are their children: the person a three-generation family is built on. */
function linkChildResidents(people: Person[]): void {
  const byHousehold = groupByHousehold(people);
  for (const [household, members] of byHousehold) {
    if (household.kind !== 'three_gen' && household.kind !== 'elder_with_child') continue;
    for (const elder of members.filter((m) => m.wantsFamilyContacts)) {
      // The elders' own child is the head when the elders are the head's parents, else the one marked 'child'.
      const child = members.find((m) => (elder.relation === 'parent' ? m.relation === 'head' : m.relation === 'child'));
      if (child) elder.childResidents.push(child);
    }
  }
}

function groupByHousehold(people: readonly Person[]): Map<HouseholdModel, Person[]> {
  const map = new Map<HouseholdModel, Person[]>();
  for (const p of people) {
    const list = map.get(p.household);
    if (list) list.push(p);
    else map.set(p.household, [p]);
  }
  return map;
}

/**
 * The residents behind the volunteer and family accounts, the same in every seed: 李泽钦, a man in his
 * forties with his own family here, whose widowed mother lives alone in another building with dementia and
 * high blood pressure (she has a love badge; he follows her care); and 刘红梅, a retired volunteer.
 */
function tellStories(rng: Rng, people: Person[], accountPrefix: string | null): { volunteer: Person; family: Person } {
  const family = pickOne(
    rng,
    people,
    (p) =>
      p.household.kind === 'nuclear' &&
      p.relation === 'head' &&
      p.gender === 'male' &&
      p.age >= 40 &&
      p.age <= 50 &&
      p.household.members.some((m) => m.relation === 'child'),
    '李泽钦',
  );
  const familySurname = surnameOf(family.name);
  for (const p of family.household.members)
    if (p.relation === 'child') p.name = '李' + p.name.slice(familySurname.length);
  family.name = FAMILY_NAME;
  family.household.childSurname = '李';

  const mother = pickOne(
    rng,
    people,
    (p) =>
      p.household.kind === 'elder_alone' &&
      p.gender === 'female' &&
      !p.groups.has('sanwu') &&
      p.age >= Math.max(72, family.age + 22) &&
      p.age <= family.age + 38,
    "李泽钦's mother",
  );
  mother.household.childSurname = '李';
  mother.childResidents.push(family);
  if (!mother.groups.has('dementia')) {
    mother.groups.add('dementia');
    mother.health = {
      conditions: ['阿尔茨海默病', ...(mother.health?.conditions ?? [])],
      note: '记忆力明显减退，外出易走失；儿子李泽钦每天探望',
    };
  }
  if (!mother.groups.has('chronic_illness')) addChronicIllness(rng, mother, ['高血压']);

  const volunteer = pickOne(
    rng,
    people,
    (p) =>
      p.relation === 'spouse' &&
      p.gender === 'female' &&
      !p.household.isMigrant &&
      p.age >= 54 &&
      p.age <= 59 &&
      p.household !== family.household,
    '刘红梅',
  );
  volunteer.name = VOLUNTEER_NAME;

  if (accountPrefix) {
    family.phone = accountPrefix + '0007';
    volunteer.phone = accountPrefix + '0006';
  }
  return { volunteer, family };
}

/** A random resident who passes `test`; `who` names the role in the error if nobody does. */
function pickOne(rng: Rng, people: Person[], test: (p: Person) => boolean, who: string): Person {
  const candidates = people.filter(test);
  if (candidates.length === 0) throw new Error(`demo data: no resident fits ${who}`);
  return rng.pick(candidates);
}

/** Exactly `count` dibao households, likelier where someone is disabled, alone, ill or raising children alone. */
function chooseDibao(rng: Rng, households: HouseholdModel[], people: Person[], count: number): Set<HouseholdModel> {
  const byHousehold = groupByHousehold(people);
  const weight = (h: HouseholdModel): number => {
    const members = byHousehold.get(h)!;
    if (members.some((m) => m.groups.has('sanwu'))) return 10;
    if (members.some((m) => m.groups.has('disabled'))) return 6;
    if (h.kind === 'single_parent') return 5;
    if (h.kind === 'elder_alone' || h.kind === 'shidu') return 4;
    if (members.some((m) => m.groups.has('chronic_illness'))) return 2;
    return 1;
  };
  // Dibao needs local household registration, so migrant households are never on it.
  return new Set(
    rng.weightedSample(
      households.filter((h) => !h.isMigrant),
      count,
      weight,
    ),
  );
}

/** Share of people with a mobile phone, by age. */
function phoneShare(age: number): number {
  if (age < 14) return 0;
  if (age < 18) return 0.35;
  if (age < 60) return 0.96;
  if (age < 75) return 0.85;
  return 0.55;
}

function assignIdentity(rng: Rng, people: Person[], phones: PhoneBook, today: string): void {
  const ids = new IdNumberMaker();
  // A migrant family's ID numbers come from their home county: one origin per household.
  const origins = new Map<HouseholdModel, string>();
  const originOf = (h: HouseholdModel): string => {
    let area = origins.get(h);
    if (!area) origins.set(h, (area = rng.weighted(MIGRANT_AREAS)));
    return area;
  };
  for (const p of people) {
    if (ageOn(p.birthDate, today) !== p.age)
      throw new Error(`demo data: ${p.name} born ${p.birthDate} is not ${p.age}`);
    if (!p.phone && rng.chance(phoneShare(p.age))) p.phone = phones.take();
    if (rng.chance(p.household.isMigrant ? 0.85 : 0.96)) {
      const area = p.household.isMigrant ? originOf(p.household) : rng.weighted(BAOJI_AREAS);
      p.idNumber = ids.make(rng, area, p.birthDate, p.gender);
    }
    // A disability certificate number is the ID number, the category digit and the grade.
    if (p.disability && p.idNumber)
      p.disability.certificateNo = p.idNumber + DISABILITY_DIGIT[p.disability.kind]! + p.disability.grade;
  }
}

const childRelation = (p: { gender: string }): string => (p.gender === 'male' ? '儿子' : '女儿');
const CHILDREN_ELSEWHERE: readonly (readonly [number, number])[] = [
  [1, 35],
  [2, 45],
  [3, 20],
];

/**
 * Family contacts for elders: their children who live here (if they have a phone) and children who live
 * elsewhere, each with a phone. Elders of one household share their children. Elders without family (三无)
 * and bereaved mothers have none.
 */
function addFamilyContacts(rng: Rng, people: Person[], phones: PhoneBook): void {
  for (const [household, members] of groupByHousehold(people)) {
    const elders = members.filter((m) => m.wantsFamilyContacts);
    if (elders.length === 0) continue;
    const here = elders[0]!.childResidents;
    const contacts: Contact[] = here
      .filter((c) => c.phone)
      .map((c) => ({ name: c.name, relation: childRelation(c), phone: c.phone!, isPrimary: false }));
    const elsewhere = here.length > 0 ? (rng.chance(0.4) ? 1 : 0) : rng.weighted(CHILDREN_ELSEWHERE);
    const eldestBirthYear = Math.min(...elders.map((e) => Number(e.birthDate.slice(0, 4))));
    for (let i = 0; i < elsewhere; i++) {
      const gender = rng.chance(0.5) ? 'male' : 'female';
      // Siblings, and a child and parent, do not share a name.
      const taken = new Set([...members.map((m) => m.name), ...contacts.map((c) => c.name)]);
      let name: string;
      do name = household.childSurname + randomGivenName(rng, gender, eldestBirthYear + rng.int(22, 36));
      while (taken.has(name));
      contacts.push({ name, relation: childRelation({ gender }), phone: phones.take(), isPrimary: false });
    }
    if (contacts.length === 0) continue;
    contacts[0]!.isPrimary = true;
    for (const e of elders) e.contacts = contacts.map((c) => ({ ...c }));
  }
}

/**
 * Separate consent for each resident whose health or disability is recorded (PIPL art. 29), given by the
 * person, or for a child or someone who cannot decide alone by a parent, a child, or the residents'
 * committee as guardian (Civil Code art. 32). A child under 14 also gets the guardian's consent for minors' data.
 */
function addConsents(rng: Rng, people: Person[], communityName: string, today: string): void {
  const byHousehold = groupByHousehold(people);
  for (const p of people) {
    if (!p.health && !p.disability) continue;
    const giver = guardianOf(p, byHousehold.get(p.household)!, communityName);
    const givenAt = randomOfficeTime(rng, today, 20, 900);
    p.consents.push({ purpose: 'sensitive_data', givenByName: giver.name, givenByRelation: giver.relation, givenAt });
    if (p.age < 14)
      p.consents.push({ purpose: 'minor_data', givenByName: giver.name, givenByRelation: giver.relation, givenAt });
  }
}

function guardianOf(p: Person, household: Person[], communityName: string): { name: string; relation: string } {
  if (!needsGuardian(p)) return { name: p.name, relation: '本人' };
  if (p.age < 18) {
    // A child's parents are the head and spouse; a grandchild's are the head's grown child and their spouse.
    const parentRelations = p.relation === 'grandchild' ? ['child', 'other'] : ['head', 'spouse'];
    const parents = household.filter((m) => m !== p && m.age >= 18 && parentRelations.includes(m.relation));
    const parent = parents.find((m) => m.gender === 'female') ?? parents[0];
    if (parent) return { name: parent.name, relation: parent.gender === 'female' ? '母亲' : '父亲' };
  }
  const primary = p.contacts.find((c) => c.isPrimary);
  if (primary) return { name: primary.name, relation: primary.relation };
  const adult = household.find((m) => m !== p && m.age >= 18);
  if (adult) return { name: adult.name, relation: '家属' };
  return { name: `${communityName}居民委员会`, relation: '监护人' };
}

/** A moment in office hours between `minDaysAgo` and `maxDaysAgo` before today, as an ISO UTC instant. */
function randomOfficeTime(rng: Rng, today: string, minDaysAgo: number, maxDaysAgo: number): string {
  const [y, m, d] = addDays(today, -rng.int(minDaysAgo, maxDaysAgo)).split('-').map(Number) as [number, number, number];
  // 09:00–16:59 in Shanghai is 01:00–08:59 UTC.
  return new Date(Date.UTC(y, m - 1, d, rng.int(1, 8), rng.int(0, 59))).toISOString();
}

// ---- step 2: rows and insert ----

const NOBODY = 'demo-seed';

/**
 * Everything one community's seed writes, made in memory from the seed alone (no database): the larger part of a
 * city build's time, which demo:city's worker threads spend on one community while another is written.
 */
export interface CommunityRows {
  model: CommunityModel;
  rows: Rows;
  needs: ReturnType<typeof needRows>;
  appointments: ReturnType<typeof appointmentRows>;
  activities: ReturnType<typeof activityRows>;
  hours: ReturnType<typeof hoursRows>;
  badges: ReturnType<typeof badgeRows>;
  classroom: ReturnType<typeof classroomRows>;
  homecare: ReturnType<typeof homecareRows>;
}

/** Inserts a community built from the seed (generateCommunity, then writeCommunity). */
export async function seedCommunity(db: Kysely<Database>, cipher: FieldCipher, opts: SeedOptions): Promise<SeedCounts> {
  // One instant for both steps, so ages and created_at agree even across midnight.
  const withNow: SeedOptions = { ...opts, now: opts.now ?? new Date() };
  return writeCommunity(db, withNow, await generateCommunity(cipher, withNow));
}

/** The community's rows, decided by the seed (ids and ciphertexts aside); `opts.now` must be set. */
export async function generateCommunity(cipher: FieldCipher, opts: SeedOptions): Promise<CommunityRows> {
  const prefix = phonePrefixOf(opts);
  const now = opts.now!;
  const at = now.toISOString();
  const { model, rows } = await timed('model', () => {
    const model = buildCommunity(opts);
    return { model, rows: toRows(model, cipher, opts) };
  });
  return timed('rows', () => {
    const staffAccount = staffOf(rows, 'staff')[0]?.account;
    const staff = staffAccount ? { accountId: staffAccount.id as string, name: staffAccount.name as string } : null;
    const staffOrOffice = staff ?? { accountId: null, name: '社区工作人员' };
    // What every generator is told: whose rows, the day they are made on, and the seed.
    const base = { communityId: opts.communityId, today: model.today, seed: opts.seed };
    const needs = needRows({
      ...base,
      now,
      residents: rows.residents as never[],
      households: rows.households as never[],
      specialGroupResidentIds: rows.tags.map((x) => x.resident_id as string),
      volunteers: rows.volunteers.volunteers as never[],
      skills: rows.volunteers.skills as never[],
      staff: staffOrOffice,
      gridLeaders: new Map(
        staffOf(rows, 'grid_leader').map(({ m, account }) => [
          m.grid_id as string,
          { accountId: account.id as string, name: account.name as string },
        ]),
      ),
    });
    // Each household's last survey visit, as the needs service keeps it (storeLastVisits would set the same from the
    // rows: one query per household there, a scan of the community's visits each while a city build has no index).
    const lastVisit = new Map<string, string>();
    for (const v of needs.surveyVisits) {
      const h = v.household_id as string;
      const last = lastVisit.get(h);
      if (last === undefined || (v.visited_on as string) > last) lastVisit.set(h, v.visited_on as string);
    }
    for (const h of rows.households) h.last_visited_on = lastVisit.get(h.id as string) ?? null;
    const familyAccount = rows.accounts.find((x) => x.phone === prefix + '0007');
    const appointments = appointmentRows({
      ...base,
      now,
      volunteers: rows.volunteers.volunteers as { id: string; status: string }[],
      skills: rows.volunteers.skills,
      residents: rows.residents as { id: string; birth_date: string; status: string }[],
      familyResidentId: rows.memberships.find((m) => m.account_id === familyAccount?.id)?.resident_id ?? null,
    });
    const activities = activityRows({
      ...base,
      at,
      volunteers: rows.volunteers.volunteers as never[],
      residents: rows.residents as never[],
      teams: rows.volunteers.teams as never[],
      teamMembers: rows.volunteers.teamMembers as never[],
      units: rows.volunteers.units as never[],
      createdBy: staff?.accountId ?? null,
    });
    // Every service above becomes hours in the ledger, as the pairing and activity modules would have recorded them.
    const itemOf = new Map(rows.pairings.pairings.map((p) => [p.id as string, p.item as PairingItem]));
    const services: DemoService[] = [
      ...activities.services,
      ...rows.pairings.visits.map((v): DemoService => ({
        volunteerId: v.volunteer_id as string,
        source: 'pairing_visit',
        sourceId: v.id as string,
        serviceDate: v.visited_on as string,
        minutes: Number(v.minutes),
        description: `三定结对 · ${PAIRING_ITEM_LABELS[itemOf.get(v.pairing_id as string)!]?.zh ?? ''}`,
        recordedByName: v.logged_by_name as string,
      })),
    ];
    const hours = hoursRows(services, { ...base, at, staff: staffOrOffice });
    // Love QR badges: every elder with dementia or a chronic illness who has family to call, and a few scans.
    const badges = badgeRows({
      ...base,
      now,
      cipher,
      residents: rows.residents,
      tags: rows.tags,
      contacts: rows.contacts,
      familyPhone: prefix + '0007',
      staff,
      dutyPhones: staffAccount ? [staffAccount.phone as string] : [],
    });
    // The 4:30 classroom since 2021: children, pickup adults, sessions and rota, attendance, alerts, tutors' logs.
    const classroom = classroomRows({
      ...base,
      at,
      residents: rows.residents as never[],
      migrantChildIds: new Set(rows.tags.filter((x) => x.tag === 'migrant_child').map((x) => x.resident_id as string)),
      volunteers: rows.volunteers.volunteers as never[],
      teams: rows.volunteers.teams as never[],
      teamMembers: rows.volunteers.teamMembers as never[],
      accounts: rows.accounts as never[],
      memberships: rows.memberships as never[],
      phonePrefix: prefix,
      staffName: staff?.name ?? '社区工作人员',
      codeHash: (id, code) => cipher.token(opts.communityId, `classroom.pickup.${id}`, code),
    });
    // Home care tasks, a hospital rota and holiday delivery runs, with their hours in the ledger.
    const homecare = homecareRows({
      ...base,
      now,
      cipher,
      residents: rows.residents,
      households: rows.households,
      buildings: rows.buildings,
      tags: rows.tags,
      volunteers: rows.volunteers.volunteers as never[],
      accounts: rows.accounts,
      volunteerPhone: prefix + '0006',
      staff: staffOrOffice,
    });
    return { model, rows, needs, appointments, activities, hours, badges, classroom, homecare };
  });
}

/** Writes a generated community in one transaction: all of it or none. `opts.now` must be set. */
export async function writeCommunity(db: Kysely<Database>, opts: SeedOptions, c: CommunityRows): Promise<SeedCounts> {
  const prefix = phonePrefixOf(opts);
  const exists = await db.selectFrom('community').select('id').where('id', '=', opts.communityId).executeTakeFirst();
  if (exists) throw new Error(`community ${opts.communityId} already exists; seed an empty database`);
  const { rows } = c;
  const at = opts.now!.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertInBatches(trx, 'community', [rows.community]);
    const place = {
      city: rows.community.city as string,
      district: rows.community.district as string,
      street: opts.street ?? XIGUAN_STREET,
    };
    await timed('regions', () => placeCommunity(trx, opts.communityId, place));
    // Xiguan's demo (the default phones) also gets its street office's and district's accounts.
    if (opts.withAccounts && prefix === DEMO_PHONE_PREFIX)
      await seedDemoRegionAccounts(trx, place, opts.passwordHash ?? null);
    await insertInBatches(trx, 'account', rows.accounts);
    await insertInBatches(trx, 'grid', rows.grids);
    await insertInBatches(trx, 'building', rows.buildings);
    await insertInBatches(trx, 'household', rows.households);
    await insertInBatches(trx, 'resident', rows.residents);
    await insertInBatches(trx, 'resident_tag', rows.tags);
    await insertInBatches(trx, 'family_contact', rows.contacts);
    await insertInBatches(trx, 'consent_record', rows.consents);
    await insertInBatches(trx, 'membership', rows.memberships);
    for (const [table, key] of VOLUNTEER_TABLES) await insertInBatches(trx, table, rows.volunteers[key] as never[]);
    await insertInBatches(trx, 'pairing', rows.pairings.pairings);
    await insertInBatches(trx, 'pairing_visit', rows.pairings.visits);
    for (const [table, key] of APPOINTMENT_TABLES) await insertInBatches(trx, table, c.appointments[key] as never[]);
    for (const [table, key] of NEED_TABLES) await insertInBatches(trx, table, c.needs[key] as never[]);
    for (const [table, key] of ACTIVITY_TABLES) await insertInBatches(trx, table, c.activities.rows[key] as never[]);
    for (const [table, key] of HOURS_TABLES) await insertInBatches(trx, table, c.hours[key] as never[]);
    // Points are earned through the points module's own listener, as if each verified entry had just been verified.
    await timed('points', () => earnDemoPoints(trx, c.hours.entries));
    await insertInBatches(trx, 'supermarket_item', supermarketRows(opts.communityId, at));
    for (const [table, key] of BADGE_TABLES) await insertInBatches(trx, table, c.badges[key] as never[]);
    for (const [table, key] of CLASSROOM_TABLES) await insertInBatches(trx, table, c.classroom[key] as never[]);
    await insertHomecareDemo(trx, c.homecare, (t, r) => insertInBatches(trx, t, r), at);
    // The organisation: the leadership group, the social workers' volunteers and the federation.
    await timed('organisation', () =>
      insertOrganisationDemo(trx, { communityId: opts.communityId, communityName: opts.name, phonePrefix: prefix, at }),
    );
    // A city build held the points in memory (see replayPoints): write them now.
    await timed('points', () => flushDemoPoints(trx, opts.communityId));
    // Last: the record of service, every kind of help above as contacts (the monitor and the figures read these).
    await timed('contacts', () =>
      insertDemoContacts(trx, { communityId: opts.communityId, now: opts.now!, seed: opts.seed }),
    );
  });
  return countsOf(c.model, rows);
}

function phonePrefixOf(opts: SeedOptions): string {
  const prefix = opts.accountPhonePrefix ?? DEMO_PHONE_PREFIX;
  if (!/^1[3-9]\d{5}$/.test(prefix))
    throw new Error(`accountPhonePrefix must be 7 digits starting 13–19, got ${prefix}`);
  return prefix;
}

function staffOf(rows: Rows, role: string) {
  return rows.memberships
    .filter((m) => m.role === role)
    .map((m) => ({ m, account: rows.accounts.find((x) => x.id === m.account_id)! }));
}

interface Rows {
  community: Insertable<Database['community']>;
  accounts: Insertable<Database['account']>[];
  memberships: Insertable<Database['membership']>[];
  grids: Insertable<Database['grid']>[];
  buildings: Insertable<Database['building']>[];
  households: Insertable<Database['household']>[];
  residents: Insertable<Database['resident']>[];
  tags: Insertable<Database['resident_tag']>[];
  contacts: Insertable<Database['family_contact']>[];
  consents: Insertable<Database['consent_record']>[];
  volunteers: VolunteerRows;
  pairings: ReturnType<typeof pairingRows>;
}

// Many residents share a name (王秀英), and pinyin-pro is the slowest step: remember each name's answer.
const pinyinCache = new Map<string, { full: string; initials: string }>();
function pinyinOf(name: string): { full: string; initials: string } {
  let v = pinyinCache.get(name);
  if (!v) pinyinCache.set(name, (v = namePinyin(name)));
  return v;
}

/** `opts.now` must be set. */
function toRows(model: CommunityModel, cipher: FieldCipher, opts: SeedOptions): Rows {
  const cid = opts.communityId;
  const at = opts.now!.toISOString();
  const rows: Omit<Rows, 'volunteers' | 'pairings'> = {
    community: {
      id: cid,
      name: opts.name,
      district: opts.district ?? XIGUAN.district,
      city: opts.city ?? XIGUAN.city,
      time_zone: 'Asia/Shanghai',
      created_at: at,
      // The demo runs on loopback with published passwords (xiguan-demo) for trying things out and for the browser
      // journeys; a real community (a new row) requires two factors of its admins by the column's default.
      two_factor_admins: 0,
    },
    accounts: [],
    memberships: [],
    grids: [],
    buildings: [],
    households: [],
    residents: [],
    tags: [],
    contacts: [],
    consents: [],
  };

  const gridIds = model.layout.grids.map((g) => {
    const id = uuidv7();
    rows.grids.push({ community_id: cid, id, code: g.code, name: g.name, created_at: at });
    return id;
  });
  const buildingIds = model.layout.buildings.map((b) => {
    const id = uuidv7();
    rows.buildings.push({
      community_id: cid,
      id,
      grid_id: gridIds[b.gridIndex]!,
      number: b.number,
      street: b.street,
      created_at: at,
    });
    return id;
  });

  // dibao is sensitive: the flag is encrypted, and a keyed token of it lets the server count without decrypting.
  const dibaoTokens = { true: dibaoToken(cipher, cid, true), false: dibaoToken(cipher, cid, false) };
  const householdIds = new Map<HouseholdModel, { id: string; gridId: string }>();
  model.households.forEach((h, i) => {
    const address = model.addresses[i]!;
    const id = uuidv7();
    const gridId = gridIds[model.layout.buildings[address.buildingIndex]!.gridIndex]!;
    const dibao = model.dibao.has(h);
    householdIds.set(h, { id, gridId });
    rows.households.push({
      community_id: cid,
      id,
      building_id: buildingIds[address.buildingIndex]!,
      grid_id: gridId,
      unit: address.unit,
      room: address.room,
      is_migrant: h.isMigrant ? 1 : 0,
      dibao_enc: cipher.encryptJson({ dibao }),
      dibao_token: dibaoTokens[`${dibao}`],
      note: null,
      created_at: at,
      updated_at: at,
    });
  });

  const tagOf = new Map(SPECIAL_GROUPS.map((g) => [g, groupTag(cipher, cid, g)]));
  const residentIds = new Map<Person, string>();
  // model.people is in address order, household by household, so the time-ordered ids follow the address list.
  const people = model.people;
  for (const p of people) {
    const id = uuidv7();
    residentIds.set(p, id);
    const { full, initials } = pinyinOf(p.name);
    const household = householdIds.get(p.household)!;
    rows.residents.push({
      community_id: cid,
      id,
      household_id: household.id,
      grid_id: household.gridId,
      name: p.name,
      name_pinyin: full,
      name_initials: initials,
      gender: p.gender,
      birth_date: p.birthDate,
      phone: p.phone,
      relation_to_head: p.relation,
      id_number_enc: p.idNumber ? cipher.encrypt(p.idNumber) : null,
      id_number_token: p.idNumber ? cipher.token(cid, 'id_number', p.idNumber) : null,
      id_number_masked: p.idNumber ? maskIdNumber(p.idNumber) : null,
      health_enc: cipher.encryptJson(p.health),
      disability_enc: cipher.encryptJson(p.disability),
      note: null,
      status: 'active',
      created_at: at,
      updated_at: at,
    });
    for (const g of p.groups) rows.tags.push({ community_id: cid, resident_id: id, tag: tagOf.get(g)! });
    for (const c of p.contacts) {
      rows.contacts.push({
        community_id: cid,
        id: uuidv7(),
        resident_id: id,
        name: c.name,
        relation: c.relation,
        phone: c.phone,
        is_primary: c.isPrimary ? 1 : 0,
        created_at: at,
      });
    }
  }

  let recordedBy = NOBODY;
  if (opts.withAccounts) recordedBy = addAccounts(rows, model, opts, gridIds, residentIds, at);
  for (const p of people) {
    for (const c of p.consents) {
      rows.consents.push({
        community_id: cid,
        id: uuidv7(),
        resident_id: residentIds.get(p)!,
        purpose: c.purpose,
        given_by_name: c.givenByName,
        given_by_relation: c.givenByRelation,
        given_at: c.givenAt,
        withdrawn_at: null,
        recorded_by: recordedBy,
        note: null,
      });
    }
  }

  const prefix = opts.accountPhonePrefix ?? DEMO_PHONE_PREFIX;
  const accountIds = new Map(rows.accounts.map((a) => [a.phone.slice(prefix.length), a.id]));
  const volunteers = volunteerRows(model.volunteers, {
    communityId: cid,
    communityName: opts.name,
    at,
    today: model.today,
    cipher,
    residentIds,
    gridIds,
    accountIds,
    decidedBy: recordedBy,
    pinyinOf,
  });
  // The team leader's membership points at the squad they lead, the unit coordinator's at their school.
  for (const m of rows.memberships) {
    if (m.account_id === accountIds.get('0004')) m.team_id = volunteers.leaderTeamId;
    if (m.account_id === accountIds.get('0005')) m.unit_id = volunteers.schoolUnitId;
  }
  // volunteerRows keeps the plan's order: the i-th row is the i-th planned volunteer.
  const volunteerIds = new Map(model.volunteers.volunteers.map((v, i) => [v, volunteers.volunteers[i]!.id]));
  const pairings = pairingRows(model.pairings, {
    communityId: cid,
    at,
    volunteerIds,
    residentIds,
    createdBy: recordedBy === NOBODY ? null : recordedBy,
  });
  return { ...rows, volunteers, pairings };
}

/** Accounts and memberships for every demo person; returns the social worker's account id (who recorded consents). */
function addAccounts(
  rows: Omit<Rows, 'volunteers' | 'pairings'>,
  model: CommunityModel,
  opts: SeedOptions,
  gridIds: string[],
  residentIds: Map<Person, string>,
  at: string,
): string {
  const prefix = opts.accountPhonePrefix ?? DEMO_PHONE_PREFIX;
  let socialWorker = NOBODY;
  for (const person of demoPeople(model.layout.grids.length)) {
    const accountId = uuidv7();
    if (person.suffix === '0002') socialWorker = accountId;
    rows.accounts.push({
      id: accountId,
      phone: prefix + person.suffix,
      name: person.name,
      password_hash: opts.passwordHash ?? null,
      locale: 'zh-CN',
      failed_sign_ins: 0,
      locked_until: null,
      disabled: 0,
      created_at: at,
    });
    rows.memberships.push({
      community_id: opts.communityId,
      id: uuidv7(),
      account_id: accountId,
      role: person.role,
      title: person.title,
      grid_id: person.gridIndex === undefined ? null : gridIds[person.gridIndex]!,
      team_id: null,
      unit_id: null,
      resident_id: residentOf(person, model, residentIds),
      created_at: at,
    });
  }
  return socialWorker;
}

function residentOf(person: DemoPerson, model: CommunityModel, residentIds: Map<Person, string>): string | null {
  if (person.resident === 'volunteer') return residentIds.get(model.volunteer)!;
  if (person.resident === 'family') return residentIds.get(model.family)!;
  return null;
}

function countsOf(model: CommunityModel, rows: Rows): SeedCounts {
  const specialGroups = Object.fromEntries(SPECIAL_GROUPS.map((g) => [g, 0])) as Record<SpecialGroup, number>;
  for (const p of model.people) for (const g of p.groups) specialGroups[g]++;
  return {
    grids: rows.grids.length,
    buildings: rows.buildings.length,
    households: rows.households.length,
    dibaoHouseholds: model.dibao.size,
    migrantHouseholds: model.households.filter((h) => h.isMigrant).length,
    residents: rows.residents.length,
    aged60Plus: model.people.filter((p) => p.age >= 60).length,
    specialGroups,
    familyContacts: rows.contacts.length,
    consents: rows.consents.length,
    accounts: rows.accounts.length,
    memberships: rows.memberships.length,
    volunteers: model.volunteers.volunteers.filter((v) => v.status === 'approved').length,
    pendingVolunteers: model.volunteers.volunteers.filter((v) => v.status === 'pending').length,
    skillsPool: new Set(rows.volunteers.skills.map((s) => s.volunteer_id)).size,
    householdsWithVolunteer: model.volunteers.householdsWithVolunteer,
    activePairings: model.pairings.filter((p) => !p.ended).length,
    endedPairings: model.pairings.filter((p) => p.ended).length,
    pairingVisits: rows.pairings.visits.length,
  };
}
