// Server messages of the rest of the case study: projects, selections (评选) and 小小志愿者. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  selection_not_nominating: '本次评选现在不接受推荐（推荐时间 {from} 至 {to}）',
  selection_not_voting: '本次评选现在不在投票时间（{from} 至 {to}）',
  selection_already_voted: '您已经在本次评选中投过票了，每人只能投一票',
  selection_not_on_ballot: '该候选人不在本次评选的候选名单上',
  selection_not_open: '本次评选已经截止',
  selection_not_closed: '请先截止投票、计算结果，再发布',
  selection_already_published: '本次评选结果已经发布',
  selection_consent_missing: '未成年候选人 {name} 还没有监护人同意公开，请先登记监护人同意书',
  junior_adult_required: '“小小志愿者”活动：未成年人报名须写明一位同行的成年人（监护人、家人或已报名的成年志愿者）',
  junior_adult_invalid:
    '同行成年人须是孩子的监护人或家人（同一户的成年人），或是已报名本活动同一班次、已审核通过的成年志愿者',
  'entity.project': '项目',
  'entity.link': '关联',
  'entity.spending': '支出',
  'entity.selection': '评选',
  'entity.nominee': '候选人',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  selection_not_nominating: 'This selection is not taking nominations now (nominations {from} to {to})',
  selection_not_voting: 'This selection is not open for voting now ({from} to {to})',
  selection_already_voted: 'You have already voted in this selection; each resident has one vote',
  selection_not_on_ballot: 'This nominee is not on the ballot of this selection',
  selection_not_open: 'This selection has closed',
  selection_not_closed: 'Close the vote and compute the results before publishing',
  selection_already_published: 'The results of this selection are already published',
  selection_consent_missing:
    "The minor nominee {name} has no guardian's consent to publish yet; record the signed form first",
  junior_adult_required:
    'A 小小志愿者 activity: a minor signs up with an accompanying adult ' +
    '(a guardian, a family member or an adult volunteer signed up)',
  junior_adult_invalid:
    "The accompanying adult must be the child's guardian or family (an adult of the same household), " +
    'or an approved adult volunteer signed up for the same shift of this activity',
  'entity.project': 'project',
  'entity.link': 'link',
  'entity.spending': 'spending line',
  'entity.selection': 'selection',
  'entity.nominee': 'nominee',
};
