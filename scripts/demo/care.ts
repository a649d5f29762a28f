// Who belongs to which special group, and the health and disability details that go with it. The numbers
// are what a community of Xiguan's size plausibly has (the case study names the groups, not all their sizes):
// about 150 elders living alone, 300 empty-nest elders, 40 with dementia, 400 with a chronic illness,
// 120 disabled residents, 10 elders without family or income (三无), 8 bereaved mothers (失独), and the
// children of migrant workers.
import type { HouseholdModel } from './households.ts';
import type { Person } from './model.ts';
import type { Rng } from './random.ts';

const CHRONIC: readonly (readonly [string, number])[] = [
  ['高血压', 40],
  ['糖尿病', 20],
  ['冠心病', 12],
  ['慢性阻塞性肺疾病', 8],
  ['脑卒中后遗症', 6],
  ['骨关节炎', 8],
  ['慢性肾病', 3],
  ['慢性胃炎', 5],
];
const CHRONIC_NOTES = [
  '每月到社区卫生服务站复查',
  '长期服药，需提醒按时吃药',
  '需定期测量血压血糖',
  '行动较慢，上下楼需搀扶',
];
const DEMENTIA: readonly (readonly [string, number])[] = [
  ['阿尔茨海默病', 6],
  ['血管性痴呆', 3],
  ['老年痴呆（未分型）', 2],
];
const DEMENTIA_NOTES = [
  '认知下降，外出易走失',
  '外出需家人陪同',
  '记忆力明显减退，能认出家人',
  '白天由家人照看，夜间不宜独处',
];

/** The seven categories of the disability certificate, with the digit the certificate number uses. */
export const DISABILITY_KINDS: readonly (readonly [string, number])[] = [
  ['肢体', 50],
  ['视力', 14],
  ['听力', 13],
  ['言语', 3],
  ['智力', 8],
  ['精神', 8],
  ['多重', 4],
];
export const DISABILITY_DIGIT: Record<string, string> = {
  视力: '1',
  听力: '2',
  言语: '3',
  肢体: '4',
  智力: '5',
  精神: '6',
  多重: '7',
};
const GRADES: readonly (readonly ['1' | '2' | '3' | '4', number])[] = [
  ['1', 10],
  ['2', 20],
  ['3', 35],
  ['4', 35],
];

/** Assigns special groups, health and disability to the people of the community (mutates them). */
export function assignSpecialGroups(rng: Rng, people: readonly Person[]): void {
  const elders = people.filter((p) => p.age >= 60);
  const of = (kind: HouseholdModel['kind']) => people.filter((p) => p.household.kind === kind);

  for (const p of of('elder_alone')) p.groups.add('living_alone');
  for (const p of of('elder_couple')) p.groups.add('empty_nest');
  for (const p of of('shidu')) if (p.gender === 'female') p.groups.add('shidu');
  for (const p of people) if (p.household.isMigrant && p.age < 18) p.groups.add('migrant_child');

  // 三无: elders living alone with no children, no income and no one obliged to support them.
  const sanwu = rng.sample(
    of('elder_alone').filter((p) => p.age >= 70),
    rng.int(8, 12),
  );
  for (const p of sanwu) {
    p.groups.add('sanwu');
    p.wantsFamilyContacts = false;
  }

  // Dementia rises steeply with age: weight by the square of years past 65.
  const dementia = rng.weightedSample(
    elders.filter((p) => p.age >= 65),
    rng.int(36, 44),
    (p) => (p.age - 63) ** 2,
  );
  for (const p of dementia) {
    p.groups.add('dementia');
    p.health = { conditions: [rng.weighted(DEMENTIA)], note: rng.pick(DEMENTIA_NOTES) };
  }

  const chronicElders = rng.weightedSample(elders, rng.int(330, 350), (p) => p.age - 50);
  const chronicAdults = rng.sample(
    people.filter((p) => p.age >= 40 && p.age < 60),
    rng.int(45, 65),
  );
  for (const p of [...chronicElders, ...chronicAdults]) addChronicIllness(rng, p);

  // Disability is commoner with age, but children and working-age adults have it too.
  const disabled = rng.weightedSample(people, rng.int(110, 130), (p) => (p.age >= 60 ? 6 : p.age >= 40 ? 3 : 1));
  for (const p of disabled) {
    p.groups.add('disabled');
    p.disability = { kind: rng.weighted(DISABILITY_KINDS), grade: rng.weighted(GRADES) };
  }
}

/** Adds the chronic-illness group and its conditions (kept beside any dementia diagnosis). */
export function addChronicIllness(rng: Rng, p: Person, conditions: string[] = drawConditions(rng)): void {
  p.groups.add('chronic_illness');
  const note = rng.chance(0.6) ? rng.pick(CHRONIC_NOTES) : undefined;
  if (p.health) p.health.conditions.push(...conditions.filter((c) => !p.health!.conditions.includes(c)));
  else p.health = note ? { conditions, note } : { conditions };
}

const CONDITION_COUNTS: readonly (readonly [number, number])[] = [
  [1, 55],
  [2, 35],
  [3, 10],
];

/** One to three different chronic conditions, the common ones more often. */
function drawConditions(rng: Rng): string[] {
  const count = rng.weighted(CONDITION_COUNTS);
  const chosen: string[] = [];
  while (chosen.length < count) {
    const c = rng.weighted(CHRONIC);
    if (!chosen.includes(c)) chosen.push(c);
  }
  return chosen;
}

/** Whether someone else must consent for this person: a child, or an adult who cannot decide alone. */
export function needsGuardian(p: Person): boolean {
  if (p.age < 18 || p.groups.has('dementia')) return true;
  return (
    !!p.disability &&
    (p.disability.kind === '智力' || p.disability.kind === '精神') &&
    (p.disability.grade === '1' || p.disability.grade === '2')
  );
}
