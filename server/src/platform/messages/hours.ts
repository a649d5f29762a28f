// Server messages of the hours area (issue 5), merged into the tables in ../i18n.ts. Keys are error codes and validation keys.
export const zh: Record<string, string> = {
  hours_overlap: '这段时间已记录了其他服务（{description}），同一时间不能重复记录',
  hours_duplicate: '这次服务的时长已经记录过了',
  correction_conflict: '这条记录刚被其他人更正过，请刷新后再看',
  'hours.minutesPositive': '时长应为大于 0 的整数分钟',
  'hours.minutesNegative': '时长不能为负数',
  'hours.minutesTooMany': '一条记录最多 16 小时；更长的服务请分成几条',
  'hours.endBeforeStart': '结束时间应晚于开始时间',
  'invalid.integer': '应为整数',
  'invalid.tooMany': '一次选择的太多了',
  'entity.hours_entry': '时长记录',
  'appointments.notProvider': '只能为这项服务的服务者登记时长',
  'stars.threshold_not_positive': '星级门槛应大于 0', 'stars.thresholds_count': '星级门槛应为 5 个', 'stars.thresholds_not_increasing': '星级门槛应逐级递增',
  'points.rate_invalid': '每小时积分应大于 0、不超过 100', 'points.daily_cap_invalid': '每日上限应为不小于 0 的整数', 'points.total_cap_invalid': '累计上限应为不小于 0 的整数',
};

export const en: Record<string, string> = {
  hours_overlap: 'Service is already recorded for this time ({description}); the same time cannot be recorded twice',
  hours_duplicate: 'The hours of this service are already recorded',
  correction_conflict: 'Someone has just corrected this entry; please reload',
  'hours.minutesPositive': 'Minutes must be a whole number above 0',
  'hours.minutesNegative': 'Minutes cannot be negative',
  'hours.minutesTooMany': 'One entry holds at most 16 hours; record longer service as several entries',
  'hours.endBeforeStart': 'The end must be after the start',
  'invalid.integer': 'Must be a whole number',
  'invalid.tooMany': 'Too many selected at once',
  'entity.hours_entry': 'hours entry',
  'appointments.notProvider': 'Hours can be recorded only for the providers of this service',
  'stars.threshold_not_positive': 'Star thresholds must be above 0', 'stars.thresholds_count': 'There are 5 star thresholds', 'stars.thresholds_not_increasing': 'Each star threshold must be higher than the one before',
  'points.rate_invalid': 'Points per hour must be above 0 and at most 100', 'points.daily_cap_invalid': 'The daily cap must be a whole number, 0 or more', 'points.total_cap_invalid': 'The total cap must be a whole number, 0 or more',
};
