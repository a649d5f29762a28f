// Server messages of the recognition area: star-level notices, nominations and commendations. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  already_nominated: '{name}这个季度已经被推荐过了',
  already_decided: '这条推荐刚被审批过了，请刷新后再看',
  notice_closed: '这条公示已经结束或已撤回',
  nothing_to_publish: '这个季度还没有审批通过的人选，不能发布',
  'recognition.badQuarter': '季度格式应为 2026Q3 这样的“年份 + Q + 1 到 4”',
  'recognition.quarterNotBegun': '这个季度还没有开始',
  'recognition.noServiceInQuarter': '这位志愿者这个季度还没有审核通过的服务时长，不能推荐',
  'recognition.noticeDays': '公示天数应为 1 到 30 天',
  'recognition.periodOrder': '结束日期不能早于开始日期',
  'entity.star_notice': '星级公示',
  'entity.nomination': '推荐',
  'entity.commendation': '已发布的表彰名单',
  'entity.health_check': '体检预约',
  'healthCheck.notCommended': '这位志愿者这一年没有受到表彰，不在体检名单上',
  'healthCheck.notYet': '还没到预约的体检日期，体检后再记录结果',
  'healthCheck.placeRequired': '请填写体检地点（医院或体检中心）',
  'healthCheck.time': '时间格式应为 09:30 这样的“时:分”',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  already_nominated: '{name} is already nominated for this quarter',
  already_decided: 'This nomination has just been decided; please reload',
  notice_closed: 'This notice has already ended or been withdrawn',
  nothing_to_publish: 'No nomination of this quarter is approved yet, so there is nothing to publish',
  'recognition.badQuarter': 'A quarter is written like 2026Q3: the year, Q, then 1 to 4',
  'recognition.quarterNotBegun': 'This quarter has not begun yet',
  'recognition.noServiceInQuarter': 'This volunteer has no verified hours in this quarter, so cannot be nominated',
  'recognition.noticeDays': 'A notice lasts 1 to 30 days',
  'recognition.periodOrder': 'The end date cannot be before the start date',
  'entity.star_notice': 'star-level notice',
  'entity.nomination': 'nomination',
  'entity.commendation': 'published commendation list',
  'entity.health_check': 'health-check booking',
  'healthCheck.notCommended': 'This volunteer was not commended this year, so is not on the health-check list',
  'healthCheck.notYet': 'The booked day has not come yet; record the result after the check',
  'healthCheck.placeRequired': 'Enter where the check takes place (hospital or health centre)',
  'healthCheck.time': 'Write the time like 09:30 (hours:minutes)',
};
