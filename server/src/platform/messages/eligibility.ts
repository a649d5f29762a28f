// Server messages of the one gate for every assignment (domain/volunteers/work-policy.ts): the refusals the work
// policy adds to the eligibility reasons, the refusal itself, and work recorded done before it starts. Keys are
// error codes and validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  'reason.minor_overnight': '未成年人不能参加通宵服务',
  'reason.minor_late_hours': '未成年人只能在早上 6 点至晚上 9 点之间服务',
  'reason.minor_personal_care': '未成年人不能做洗澡等个人护理',
  'reason.minor_hospital': '未成年人不能参加住院陪护',
  'reason.minor_alone_with_adult': '未成年人不能单独一对一服务非监护人的成年人',
  'reason.junior_adult_required': '未成年人须写明一位同行的成年人',
  'reason.junior_adult_invalid': '同行成年人须是孩子的家人，或已报名同一班次的成年志愿者',
  work_not_eligible: '{name}不能安排这项工作：{reasons}',
  work_override_refused: '{name}不能安排这项工作：{reasons}。这些原因不允许破例安排',
  work_not_started: '这项工作在 {startsOn} 才开始，不能提前标记完成',
  'invalid.overrideReason': '破例安排请写明理由',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  'reason.minor_overnight': 'minors do not serve overnight',
  'reason.minor_late_hours': 'minors serve only between 06:00 and 21:00',
  'reason.minor_personal_care': 'minors do not give bathing or personal care',
  'reason.minor_hospital': 'minors do not take hospital shifts',
  'reason.minor_alone_with_adult': 'a minor is never alone one-to-one with an adult who is not their guardian',
  'reason.junior_adult_required': 'a minor names an accompanying adult',
  'reason.junior_adult_invalid':
    "the accompanying adult is the child's family or an adult volunteer signed up for the same shift",
  work_not_eligible: '{name} cannot be put on this work: {reasons}',
  work_override_refused: '{name} cannot be put on this work: {reasons}. These reasons cannot be overridden',
  work_not_started: 'This work starts on {startsOn}; it cannot be marked done before then',
  'invalid.overrideReason': 'Give a reason for the override',
};
