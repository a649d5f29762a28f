// Server messages of the household survey's to-do list and findings. Keys are validation keys; ../i18n.ts joins
// every area into one table per language.

export const zh = {
  'invalid.notAFinding': '这次走访没有记下这类问题',
  'invalid.notInHousehold': '这位居民不在这一户',
  'entity.survey_visit': '走访记录',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  'invalid.notAFinding': 'This visit noted no problem of this kind',
  'invalid.notInHousehold': 'This resident does not live in this household',
  'entity.survey_visit': 'survey visit',
};
