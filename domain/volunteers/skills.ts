// The skills pool (专业服务人才资源库): seven professional categories and one for special groups.
export const SKILL_CATEGORIES = [
  'medical',
  'legal',
  'education',
  'culture',
  'psychological',
  'household',
  'science_digital',
  'special_groups',
] as const;
export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

export interface SkillDef {
  code: string;
  category: SkillCategory;
  zh: string;
  en: string;
  licensed?: boolean;
}

export const CATEGORY_LABELS: Record<SkillCategory, { zh: string; en: string }> = {
  medical: { zh: '医疗护理', en: 'Medical and care' },
  legal: { zh: '法律服务', en: 'Legal services' },
  education: { zh: '教育辅导', en: 'Education and tutoring' },
  culture: { zh: '文体艺术', en: 'Culture and arts' },
  psychological: { zh: '心理疏导', en: 'Psychological support' },
  household: { zh: '家政维修', en: 'Household skills and repairs' },
  science_digital: { zh: '科普信息', en: 'Science and digital help' },
  special_groups: { zh: '特殊群体服务', en: 'Services for special groups' },
};

// `licensed`: the law requires a licence to practise (doctors, nurses, lawyers, electricians…).
export const SKILLS: readonly SkillDef[] = [
  { code: 'doctor', category: 'medical', zh: '执业医师', en: 'Doctor', licensed: true },
  { code: 'nurse', category: 'medical', zh: '护士', en: 'Nurse', licensed: true },
  { code: 'tcm', category: 'medical', zh: '中医推拿', en: 'Traditional Chinese medicine', licensed: true },
  { code: 'first_aid', category: 'medical', zh: '急救', en: 'First aid' },
  { code: 'elder_care', category: 'medical', zh: '养老护理', en: 'Elder care' },
  { code: 'lawyer', category: 'legal', zh: '律师', en: 'Lawyer', licensed: true },
  { code: 'mediation', category: 'legal', zh: '人民调解', en: 'Mediation' },
  { code: 'legal_advice', category: 'legal', zh: '法律咨询', en: 'Legal advice' },
  { code: 'tutoring', category: 'education', zh: '课业辅导', en: 'Homework tutoring' },
  { code: 'calligraphy', category: 'education', zh: '书法', en: 'Calligraphy' },
  { code: 'painting', category: 'education', zh: '绘画', en: 'Painting' },
  { code: 'music', category: 'culture', zh: '音乐', en: 'Music' },
  { code: 'qinqiang', category: 'culture', zh: '秦腔', en: 'Qinqiang opera' },
  { code: 'dance', category: 'culture', zh: '舞蹈', en: 'Dance' },
  { code: 'recitation', category: 'culture', zh: '朗诵', en: 'Recitation' },
  { code: 'photography', category: 'culture', zh: '摄影', en: 'Photography' },
  { code: 'counselling', category: 'psychological', zh: '心理咨询', en: 'Counselling', licensed: true },
  { code: 'companionship', category: 'psychological', zh: '陪伴聊天', en: 'Companionship' },
  { code: 'haircut', category: 'household', zh: '理发', en: 'Haircut' },
  { code: 'sewing', category: 'household', zh: '缝补被褥', en: 'Sewing and quilts' },
  { code: 'plumbing', category: 'household', zh: '水暖维修', en: 'Plumbing' },
  { code: 'electrician', category: 'household', zh: '电工', en: 'Electrician', licensed: true },
  { code: 'appliance_repair', category: 'household', zh: '家电维修', en: 'Appliance repair' },
  { code: 'cooking', category: 'household', zh: '烹饪', en: 'Cooking' },
  { code: 'smartphone_help', category: 'science_digital', zh: '智能手机教学', en: 'Smartphone help' },
  { code: 'science_talks', category: 'science_digital', zh: '科普讲座', en: 'Science talks' },
  { code: 'anti_fraud', category: 'science_digital', zh: '防诈骗宣传', en: 'Anti-fraud awareness' },
  { code: 'dementia_care', category: 'special_groups', zh: '失智照护', en: 'Dementia care' },
  { code: 'sign_language', category: 'special_groups', zh: '手语', en: 'Sign language' },
  { code: 'disability_support', category: 'special_groups', zh: '助残服务', en: 'Disability support' },
  { code: 'child_care', category: 'special_groups', zh: '儿童看护', en: 'Child care' },
];

export const SKILL_BY_CODE: ReadonlyMap<string, SkillDef> = new Map(SKILLS.map((s) => [s.code, s]));
export const SKILL_LEVELS = ['basic', 'skilled', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
