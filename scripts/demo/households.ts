// Who lives together. Builds the community's households as plain objects (no database, no encryption) so
// that the totals are exact: the case study's 2,265 households, 5,823 residents and 1,050 people aged 60+.
//
// How the totals come out exact:
//   1. Households with elders are made first, their elders' ages drawn at once, until exactly `aged60Plus`
//      elders exist (elders alone, elder couples, bereaved mothers, then three-generation families).
//   2. The remaining households (migrant families, young families, people on their own) have no elders.
//   3. Every family has a flexible number of children within a range (0–3, say). Children are always
//      under 60, so adding or removing one changes only the under-60 total: we nudge random families'
//      child counts up or down until the resident total is exact.
import type { Relation } from '../../domain/registry/special-groups.ts';
import { birthDateForAge } from './identity.ts';
import { randomName, randomSurname, surnameOf, type Gender } from './names.ts';
import type { Rng } from './random.ts';

export type HouseholdKind =
  | 'elder_alone' // one person aged 60+: 独居老人
  | 'elder_couple' // two elders whose children live elsewhere: 空巢老人
  | 'shidu' // a mother (and maybe her husband) who lost her only child: 失独
  | 'three_gen' // grandparents, parents, children
  | 'elder_with_child' // one or two elders with a grown child (unmarried, divorced) at home
  | 'migrant_family' // migrant workers with their children: 外来务工人员子女
  | 'migrant_adults' // migrant workers without children here
  | 'nuclear' // a couple, with or without children
  | 'single_parent'
  | 'single_adult';

export interface Member {
  name: string;
  gender: Gender;
  birthDate: string;
  /** Whole years on the reference date. */
  age: number;
  relation: Relation;
  /** True for elders whose children (living here or elsewhere) should be their family contacts. */
  wantsFamilyContacts: boolean;
}

export interface HouseholdModel {
  kind: HouseholdKind;
  isMigrant: boolean;
  members: Member[];
  /** The surname the elders' children carry (for family contacts who do not live here). */
  childSurname: string;
}

export interface HouseholdTargets {
  households: number;
  residents: number;
  aged60Plus: number;
}

/** The case study's figures for Xiguan. */
export const XIGUAN_TARGETS: HouseholdTargets = { households: 2265, residents: 5823, aged60Plus: 1050 };

/** A household whose children are not drawn yet: only how many, and from whom they take age and surname. */
interface Plan {
  household: HouseholdModel;
  kids: number;
  minKids: number;
  maxKids: number;
  /** The mother (or lone parent) whose age bounds the children's ages. */
  parentAge: number;
  kidRelation: Relation;
  kidSurname: string;
}

// ---- ages ----

type Band = readonly [number, number];
const ELDER_AGES: readonly (readonly [Band, number])[] = [
  [[60, 64], 26],
  [[65, 69], 24],
  [[70, 74], 18],
  [[75, 79], 14],
  [[80, 84], 10],
  [[85, 89], 6],
  [[90, 98], 2],
];
// Elders living alone are older, mostly widows.
const ALONE_AGES: readonly (readonly [Band, number])[] = [
  [[62, 69], 20],
  [[70, 79], 35],
  [[80, 89], 35],
  [[90, 98], 10],
];

function ageIn(rng: Rng, bands: readonly (readonly [Band, number])[]): number {
  const [lo, hi] = rng.weighted(bands);
  return rng.int(lo, hi);
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** Draws the things every member needs; `age` decides the naming fashion through the birth year. */
function member(rng: Rng, today: string, gender: Gender, age: number, relation: Relation, surname?: string): Member {
  const birthDate = birthDateForAge(rng, age, today);
  return {
    name: randomName(rng, gender, Number(birthDate.slice(0, 4)), surname),
    gender,
    birthDate,
    age,
    relation,
    wantsFamilyContacts: false,
  };
}

const other = (g: Gender): Gender => (g === 'male' ? 'female' : 'male');

// ---- one function per kind of household ----

function elderAlone(rng: Rng, today: string): Plan {
  const gender: Gender = rng.chance(0.7) ? 'female' : 'male';
  const surname = randomSurname(rng);
  const elder = member(rng, today, gender, ageIn(rng, ALONE_AGES), 'head', surname);
  elder.wantsFamilyContacts = true;
  // A widow's children carry her late husband's surname.
  const childSurname = gender === 'male' ? surname : randomSurname(rng);
  return withoutChildren({ kind: 'elder_alone', isMigrant: false, members: [elder], childSurname });
}

function elderCouple(rng: Rng, today: string): Plan {
  const surname = randomSurname(rng);
  const husbandAge = Math.max(62, ageIn(rng, ELDER_AGES));
  const husband = member(rng, today, 'male', husbandAge, 'head', surname);
  const wife = member(rng, today, 'female', Math.max(60, husbandAge - rng.int(0, 5)), 'spouse');
  husband.wantsFamilyContacts = wife.wantsFamilyContacts = true;
  return withoutChildren({ kind: 'elder_couple', isMigrant: false, members: [husband, wife], childSurname: surname });
}

function shidu(rng: Rng, today: string): Plan {
  const motherAge = rng.int(50, 72);
  const surname = randomSurname(rng);
  const members: Member[] = [];
  if (rng.chance(0.6)) {
    members.push(member(rng, today, 'male', clamp(motherAge + rng.int(0, 4), motherAge, 75), 'head', surname));
    members.push(member(rng, today, 'female', motherAge, 'spouse'));
  } else {
    members.push(member(rng, today, 'female', motherAge, 'head'));
  }
  return withoutChildren({ kind: 'shidu', isMigrant: false, members, childSurname: surname });
}

/** Grandparents, a middle generation and children. Either generation of adults may head the household. */
function threeGenerations(rng: Rng, today: string, elders: 1 | 2): Plan {
  const surname = randomSurname(rng);
  const elderHead = rng.chance(0.35);
  const grandAges = elders === 2 ? twoElderAges(rng) : [ageIn(rng, ELDER_AGES)];
  const youngestGrand = Math.min(...grandAges);
  const middleAge = clamp(youngestGrand - rng.int(22, 34), 25, 59);
  const members: Member[] = [];

  const grandGenders: Gender[] = elders === 2 ? ['male', 'female'] : [rng.chance(0.7) ? 'female' : 'male'];
  grandGenders.forEach((g, i) => {
    const relation: Relation = elderHead ? (i === 0 ? 'head' : 'spouse') : 'parent';
    members.push(member(rng, today, g, grandAges[i]!, relation, g === 'male' ? surname : undefined));
  });
  for (const m of members) m.wantsFamilyContacts = true;

  // The middle generation: usually the elders' son and his wife; sometimes a daughter and her husband.
  const blood: Gender = rng.chance(0.7) ? 'male' : 'female';
  const child = member(rng, today, blood, middleAge, elderHead ? 'child' : 'head', surname);
  members.push(child);
  let motherAge = middleAge;
  let kidSurname = surname;
  if (rng.chance(0.9)) {
    const inLawAge = clamp(middleAge + (blood === 'male' ? -rng.int(0, 4) : rng.int(0, 4)), 22, 59);
    const inLaw = member(rng, today, other(blood), inLawAge, elderHead ? 'other' : 'spouse');
    members.push(inLaw);
    if (blood === 'male') motherAge = inLawAge;
    else kidSurname = surnameOf(inLaw.name);
  }
  const household: HouseholdModel = { kind: 'three_gen', isMigrant: false, members, childSurname: surname };
  return {
    household,
    kids: rng.weighted(KIDS_THREE_GEN),
    minKids: 0,
    maxKids: 3,
    parentAge: motherAge,
    kidRelation: elderHead ? 'grandchild' : 'child',
    kidSurname,
  };
}

/** One or two elders and a grown child who never left (or came back). */
function elderWithChild(rng: Rng, today: string, elders: 1 | 2): Plan {
  const surname = randomSurname(rng);
  const ages = elders === 2 ? twoElderAges(rng) : [ageIn(rng, ELDER_AGES)];
  const genders: Gender[] = elders === 2 ? ['male', 'female'] : [rng.chance(0.65) ? 'female' : 'male'];
  const members = genders.map((g, i) =>
    member(rng, today, g, ages[i]!, i === 0 ? 'head' : 'spouse', g === 'male' ? surname : undefined),
  );
  for (const m of members) m.wantsFamilyContacts = true;
  const childAge = clamp(Math.min(...ages) - rng.int(24, 34), 25, 59);
  const childGender: Gender = rng.chance(0.5) ? 'male' : 'female';
  members.push(member(rng, today, childGender, childAge, 'child', surname));
  const household: HouseholdModel = { kind: 'elder_with_child', isMigrant: false, members, childSurname: surname };
  return {
    household,
    kids: rng.chance(0.25) ? 1 : 0,
    minKids: 0,
    maxKids: 1,
    parentAge: childAge,
    kidRelation: 'grandchild',
    kidSurname: surname,
  };
}

/**
 * A couple of working age, the husband the head and the wife up to four years younger, and how many children (up to
 * three) they have: migrant families and young families differ only in their ages and their children.
 */
function couple(
  rng: Rng,
  today: string,
  kind: HouseholdKind,
  isMigrant: boolean,
  ages: { husband: Band; wife: Band },
  kids: { weights: readonly (readonly [number, number])[]; min: number },
): Plan {
  const surname = randomSurname(rng);
  const husbandAge = rng.int(ages.husband[0], ages.husband[1]);
  const wifeAge = clamp(husbandAge - rng.int(0, 4), ages.wife[0], ages.wife[1]);
  const members = [
    member(rng, today, 'male', husbandAge, 'head', surname),
    member(rng, today, 'female', wifeAge, 'spouse'),
  ];
  const household: HouseholdModel = { kind, isMigrant, members, childSurname: surname };
  return {
    household,
    kids: rng.weighted(kids.weights),
    minKids: kids.min,
    maxKids: 3,
    parentAge: wifeAge,
    kidRelation: 'child',
    kidSurname: surname,
  };
}

function migrantFamily(rng: Rng, today: string): Plan {
  return couple(
    rng,
    today,
    'migrant_family',
    true,
    { husband: [26, 45], wife: [23, 45] },
    { weights: KIDS_MIGRANT, min: 1 },
  );
}

function migrantAdults(rng: Rng, today: string): Plan {
  const surname = randomSurname(rng);
  const headGender: Gender = rng.chance(0.7) ? 'male' : 'female';
  const headAge = rng.int(20, 40);
  const members = [member(rng, today, headGender, headAge, 'head', surname)];
  // Two workers from one village share a flat as often as a couple does.
  if (rng.chance(0.5)) {
    members.push(
      rng.chance(0.5)
        ? member(rng, today, other(headGender), clamp(headAge + rng.int(-3, 3), 20, 45), 'spouse')
        : member(
            rng,
            today,
            headGender,
            rng.int(19, 40),
            rng.chance(0.5) ? 'sibling' : 'other',
            rng.chance(0.5) ? surname : undefined,
          ),
    );
  }
  return withoutChildren({ kind: 'migrant_adults', isMigrant: true, members, childSurname: surname });
}

function nuclear(rng: Rng, today: string): Plan {
  return couple(rng, today, 'nuclear', false, { husband: [24, 59], wife: [22, 59] }, { weights: KIDS_NUCLEAR, min: 0 });
}

function singleParent(rng: Rng, today: string): Plan {
  const gender: Gender = rng.chance(0.75) ? 'female' : 'male';
  const age = rng.int(28, 59);
  const surname = randomSurname(rng);
  const head = member(rng, today, gender, age, 'head', surname);
  // After a divorce the children usually keep their father's surname.
  const kidSurname = gender === 'male' ? surname : randomSurname(rng);
  const household: HouseholdModel = {
    kind: 'single_parent',
    isMigrant: false,
    members: [head],
    childSurname: kidSurname,
  };
  return {
    household,
    kids: rng.chance(0.8) ? 1 : 2,
    minKids: 1,
    maxKids: 2,
    parentAge: age,
    kidRelation: 'child',
    kidSurname,
  };
}

function singleAdult(rng: Rng, today: string): Plan {
  const gender: Gender = rng.chance(0.55) ? 'male' : 'female';
  const head = member(rng, today, gender, rng.int(20, 59), 'head');
  return withoutChildren({
    kind: 'single_adult',
    isMigrant: false,
    members: [head],
    childSurname: surnameOf(head.name),
  });
}

const KIDS_NUCLEAR: readonly (readonly [number, number])[] = [
  [0, 25],
  [1, 58],
  [2, 15],
  [3, 2],
];
const KIDS_THREE_GEN: readonly (readonly [number, number])[] = [
  [0, 10],
  [1, 60],
  [2, 27],
  [3, 3],
];
const KIDS_MIGRANT: readonly (readonly [number, number])[] = [
  [1, 65],
  [2, 32],
  [3, 3],
];

/** A household whose size never changes when the totals are balanced. */
function withoutChildren(household: HouseholdModel): Plan {
  return {
    household,
    kids: 0,
    minKids: 0,
    maxKids: 0,
    parentAge: 0,
    kidRelation: 'child',
    kidSurname: household.childSurname,
  };
}

function twoElderAges(rng: Rng): number[] {
  const husband = Math.max(62, ageIn(rng, ELDER_AGES));
  return [husband, Math.max(60, husband - rng.int(0, 5))];
}

// ---- the whole community ----

const LOCAL_KINDS: readonly (readonly [(rng: Rng, today: string) => Plan, number])[] = [
  [nuclear, 62],
  [singleParent, 6],
  [singleAdult, 32],
];

/** Plans every household, then fixes the number of children so the totals match `targets` exactly. */
export function planHouseholds(rng: Rng, today: string, targets: HouseholdTargets = XIGUAN_TARGETS): HouseholdModel[] {
  // Scale the special household counts with the community (Xiguan's figures at 2,265 households).
  const scale = targets.households / XIGUAN_TARGETS.households;
  const around = (n: number, spread: number): number => Math.round(scale * rng.int(n - spread, n + spread));

  const plans: Plan[] = [];
  for (let i = 0, n = around(150, 8); i < n; i++) plans.push(elderAlone(rng, today));
  for (let i = 0, n = around(150, 8); i < n; i++) plans.push(elderCouple(rng, today));
  for (let i = 0, n = around(8, 1); i < n; i++) plans.push(shidu(rng, today));

  let eldersLeft = targets.aged60Plus - countElders(plans);
  if (eldersLeft < 0) throw new Error('planHouseholds: too few elders for the elder households');
  while (eldersLeft > 0) {
    const elders: 1 | 2 = eldersLeft >= 2 && rng.chance(0.55) ? 2 : 1;
    plans.push(rng.chance(0.75) ? threeGenerations(rng, today, elders) : elderWithChild(rng, today, elders));
    eldersLeft -= elders;
  }

  for (let i = 0, n = around(110, 6); i < n; i++)
    plans.push(rng.chance(0.8) ? migrantFamily(rng, today) : migrantAdults(rng, today));

  const localCount = targets.households - plans.length;
  if (localCount <= 0) throw new Error('planHouseholds: the special households alone exceed the household target');
  for (let i = 0; i < localCount; i++) plans.push(rng.weighted(LOCAL_KINDS)(rng, today));

  balanceChildren(rng, plans, targets.residents);
  return plans.map((p) => addChildren(rng, today, p));
}

function countElders(plans: readonly Plan[]): number {
  let n = 0;
  for (const p of plans) for (const m of p.household.members) if (m.age >= 60) n++;
  return n;
}

/** Moves child counts up or down, one family at a time, until the resident total is exact. */
function balanceChildren(rng: Rng, plans: Plan[], residents: number): void {
  let total = 0;
  for (const p of plans) total += p.household.members.length + p.kids;
  let diff = residents - total;
  // Visit families in a random order, round after round, so the change is spread thinly.
  while (diff !== 0) {
    let moved = false;
    for (const p of rng.shuffle(plans)) {
      if (diff > 0 && p.kids < p.maxKids) {
        p.kids++;
        diff--;
        moved = true;
      } else if (diff < 0 && p.kids > p.minKids) {
        p.kids--;
        diff++;
        moved = true;
      }
      if (diff === 0) break;
    }
    if (!moved) throw new Error(`planHouseholds: cannot reach ${residents} residents (off by ${diff})`);
  }
}

function addChildren(rng: Rng, today: string, plan: Plan): HouseholdModel {
  const { household } = plan;
  for (let i = 0; i < plan.kids; i++) {
    // Mothers here had children between 20 and 42; migrant workers' children in the city are minors.
    const oldest = household.isMigrant ? Math.min(17, plan.parentAge - 20) : plan.parentAge - 21;
    const youngest = Math.max(0, plan.parentAge - 42);
    const age = rng.int(Math.min(youngest, oldest), oldest);
    const gender: Gender = rng.chance(0.52) ? 'male' : 'female';
    household.members.push(member(rng, today, gender, age, plan.kidRelation, plan.kidSurname));
  }
  return household;
}
