// Server messages of the pairings area: three-fixed pairings, their visits and schedule rules. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  not_your_pairing: '这不是您的结对，只能为自己的结对登记探访',
  volunteer_not_eligible: '该志愿者不符合这项服务的要求（原因见下方）',
  pairing_ended: '该结对已结束（{endedOn}），不能再修改或登记该日期之后的探访',
  visit_already_logged: '{visitedOn} 的探访已经登记过了',
  'rrule.syntax': '服务时间的规则格式不正确',
  'rrule.freq': '服务时间只能按周或按月重复',
  'rrule.interval': '间隔应为 1 到 12',
  'rrule.byDay': '请至少选择一个星期几',
  'rrule.byMonthDay': '请选择每月的哪几天（1–31 日或月末）',
  'rrule.unsupported': '服务时间的规则中有不支持的设置',
  'pairing.itemNoteRequired': '服务项目选“其他”时，请写明具体内容',
  'pairing.minutes': '服务时长应在 5 到 480 分钟之间',
  'pairing.visitInFuture': '不能登记今天以后的探访',
  'pairing.visitOutsidePairing': '这一天不在结对的起止日期之内',
  'pairing.visitTooOld': '只能补登 60 天以内的探访，更早的请联系社工',
  'pairing.duplicate': '这位志愿者已经和这位居民结对了同一服务项目',
  'pairing.residentInactive': '该居民不在本社区或已注销',
  'entity.pairing': '结对',
  'entity.visit': '探访记录',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  not_your_pairing: 'This is not your pairing: you can log visits only for your own',
  volunteer_not_eligible: 'This volunteer does not meet what this service asks (reasons below)',
  pairing_ended: 'This pairing ended on {endedOn}: it cannot be changed, nor visits logged after that day',
  visit_already_logged: 'A visit on {visitedOn} is already logged',
  'rrule.syntax': 'The schedule rule is not written correctly',
  'rrule.freq': 'A schedule repeats weekly or monthly',
  'rrule.interval': 'The interval must be 1 to 12',
  'rrule.byDay': 'Choose at least one weekday',
  'rrule.byMonthDay': 'Choose days of the month (1–31, or the last day)',
  'rrule.unsupported': 'The schedule rule has a setting Linli does not support',
  'pairing.itemNoteRequired': 'With “Other”, say what the service is',
  'pairing.minutes': 'Duration must be 5 to 480 minutes',
  'pairing.visitInFuture': 'A visit cannot be logged for a day after today',
  'pairing.visitOutsidePairing': 'That day is outside the pairing’s start and end',
  'pairing.visitTooOld': 'Visits can be logged up to 60 days back; ask staff for older ones',
  'pairing.duplicate': 'This volunteer is already paired with this resident for this item',
  'pairing.residentInactive': 'This resident is not active in this community',
  'entity.pairing': 'pairing',
  'entity.visit': 'visit',
};
