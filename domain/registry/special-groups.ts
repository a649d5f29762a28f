// The special groups the case study serves first. Health-related ones are sensitive (PIPL art. 28).
export const SPECIAL_GROUPS = [
  'empty_nest',
  'living_alone',
  'dementia',
  'chronic_illness',
  'disabled',
  'sanwu',
  'shidu',
  'migrant_child',
] as const;
export type SpecialGroup = (typeof SPECIAL_GROUPS)[number];
export const SENSITIVE_GROUPS: ReadonlySet<SpecialGroup> = new Set(['dementia', 'chronic_illness', 'disabled']);

export const SPECIAL_GROUP_LABELS: Record<SpecialGroup, { zh: string; en: string }> = {
  empty_nest: { zh: '空巢老人', en: 'Empty-nest elder' },
  living_alone: { zh: '独居老人', en: 'Living alone' },
  dementia: { zh: '失智老人', en: 'Dementia' },
  chronic_illness: { zh: '慢性病', en: 'Chronic illness' },
  disabled: { zh: '残疾人', en: 'Disabled' },
  sanwu: { zh: '三无老人', en: 'Elder without family or income' },
  shidu: { zh: '失独家庭', en: 'Bereaved parent' },
  migrant_child: { zh: '外来务工人员子女', en: "Migrant worker's child" },
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];
export const RELATION_LABELS: Record<Relation, { zh: string; en: string }> = {
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  child: { zh: '子女', en: 'Child' },
  parent: { zh: '父母', en: 'Parent' },
  grandchild: { zh: '孙辈', en: 'Grandchild' },
  grandparent: { zh: '祖辈', en: 'Grandparent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
};

export const CONSENT_PURPOSES = ['sensitive_data', 'id_number', 'love_badge', 'publicity', 'minor_data'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
