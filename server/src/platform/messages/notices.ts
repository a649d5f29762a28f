// Server messages of the notices area: what staff send (通知) and what a person reads (我的消息). Keys are error codes
// and validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  notice_no_one: '所选范围内没有能收到消息的人（没有人登记了手机号），通知未发送',
  notice_confirm_large: '这条通知将发给 {people} 人，超过 {limit} 人，请确认后再发送',
  notice_urgent_refused: '只有社区书记/主任和社工可以发送紧急通知',
  'notice.title': '请填写通知标题',
  'notice.titleLong': '标题最多 40 个字',
  'notice.text': '请填写通知内容',
  'notice.textLong': '内容最多 500 个字',
  'notice.skill': '请选择技能',
  'entity.notice': '通知',
  'entity.message': '消息',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  notice_no_one: 'Nobody in this audience can receive a message (no one has a phone on record): nothing was sent',
  notice_confirm_large: 'This notice would go to {people} people, more than {limit}: confirm to send it',
  notice_urgent_refused: 'Only the community admin and staff may send an urgent notice',
  'notice.title': 'Write a title',
  'notice.titleLong': 'The title is at most 40 characters',
  'notice.text': 'Write the notice',
  'notice.textLong': 'The notice is at most 500 characters',
  'notice.skill': 'Choose a skill',
  'entity.notice': 'notice',
  'entity.message': 'message',
};
