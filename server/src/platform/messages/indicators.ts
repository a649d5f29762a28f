// Server messages of the indicators dashboard. Keys are validation keys; ../i18n.ts joins every area.

export const zh = {
  'indicators.month': '月份应写作 YYYY-MM，年份在 1950 到 2100 之间',
  'indicators.periodReversed': '开始日期不能晚于结束日期',
  'indicators.periodTooLong': '统计期间最长三年',
  'entity.indicatorsReport': '月度报告',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  'indicators.month': 'Write the month as YYYY-MM, a year from 1950 to 2100',
  'indicators.periodReversed': 'The start date cannot be after the end date',
  'indicators.periodTooLong': 'The period can be at most three years',
  'entity.indicatorsReport': 'monthly report',
};
