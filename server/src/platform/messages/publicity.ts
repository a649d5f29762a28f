// Server messages of the publicity area: announcements for the public site, the screen, posters and the group.

export const zh = {
  announcement_not_draft: '只有草稿可以发布；已撤回的宣传不能再发布，请新建一条',
  announcement_not_published: '这条宣传未发布或已撤回',
  announcement_source_gone: '关联的活动已不再发布，或表彰名单未公布，不能发布这条宣传',
  activity_not_published: '只有已发布的活动才能生成海报（海报上的二维码通向报名页）',
  'publicity.titleRequired': '请填写标题（至少 2 个字）',
  'publicity.channelRequired': '请至少选择一个发布渠道',
  'publicity.activityRequired': '活动宣传请选择一个活动',
  'publicity.quarterRequired': '表彰宣传请选择一份已公布的季度名单',
  'publicity.classRequired': '请选择课程类别（市民学校或兴趣班）',
  'publicity.scheduleRequired': '请填写上课时间',
  'publicity.placeRequired': '请填写地点',
  'publicity.windowBackwards': '结束时间要晚于开始时间',
  'entity.announcement': '宣传',
  'entity.community': '社区',
  'entity.shortLink': '短链接',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  announcement_not_draft: 'Only a draft can be published; a withdrawn announcement cannot return: write a new one',
  announcement_not_published: 'This announcement is not published, or has been withdrawn',
  announcement_source_gone:
    'The linked activity is no longer published, or the commendation list is not published: it cannot be announced',
  activity_not_published: 'Only a published activity has a poster (its QR code leads to the sign-up page)',
  'publicity.titleRequired': 'Enter a title (at least 2 characters)',
  'publicity.channelRequired': 'Choose at least one channel',
  'publicity.activityRequired': 'Choose the activity to announce',
  'publicity.quarterRequired': 'Choose a published quarterly commendation list',
  'publicity.classRequired': "Choose the class (citizens' school or an interest class)",
  'publicity.scheduleRequired': 'Enter when the class meets',
  'publicity.placeRequired': 'Enter the place',
  'publicity.windowBackwards': 'The end must be after the start',
  'entity.announcement': 'announcement',
  'entity.community': 'community',
  'entity.shortLink': 'short link',
};
