// Server messages of the classroom area: the 4:30 after-school classroom. Keys are error codes and validation keys;
// ../i18n.ts joins every area into one table per language.

export const zh = {
  classroom_not_on_rota: '您不在 {date} 四点半课堂的值班表上，只有当天值班的老师和社区工作人员可以签到签退',
  classroom_pickup_refused:
    '不能把{name}交给这位接送人：接送码或手机号与登记的接送人不符（或已停用）。请核对后再试，或联系家长',
  classroom_already_in: '{name}已经签到了（{time} {by}），不用再签',
  classroom_already_out: '{name}已经签退了 {time}',
  classroom_not_in: '{name}今天还没有签到，不能签退',
  classroom_not_enrolled: '{name}这一天不在四点半课堂的名单上（尚未入班或已离班）',
  classroom_session_closed: '{date} 的课堂已经结束归档，不能再改',
  classroom_alert_cleared: '这条提醒已经处理过了',
  classroom_pickup_locked:
    '{name}今天已有 {tries} 次接送码或手机号核对不上。为了孩子安全，值班老师暂时不能再签退，请联系社区工作人员核实后办理',
  classroom_not_today:
    '这是 {date} 的课堂，不是今天的。值班老师只能处理当天的课堂；还没到的日子不能签到签退，以前的记录请社区工作人员更正',
  classroom_children_inside: '还有 {count} 个孩子签到了还没有签退（{names}），请先把他们交给接送人签退，再结束课堂',
  'classroom.birthDate': '出生日期要早于入班日期',
  'classroom.lastGuardian': '这是孩子唯一有效的监护人，停用后签到签退没有人收到短信。请先登记另一位监护人',
  'classroom.weekdays': '上课日用 1–5 表示周一到周五，例如 12345',
  'classroom.guardianRequired': '至少要登记一位监护人（家长）',
  'classroom.adultPhoneTwice': '同一个手机号已经登记为这个孩子的接送人',
  'classroom.times': '应到时间要在开始和结束之间',
  'classroom.codeFormat': '接送码是 6 位数字',
  'classroom.notOnRota': '这位志愿者不在这天的值班表上',
  'classroom.sessionExists': '这一天已经有课堂了',
  'entity.classroom_child': '孩子',
  'entity.classroom_adult': '接送人',
  'entity.classroom_session': '课堂',
  'entity.classroom_alert': '提醒',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  classroom_not_on_rota:
    'You are not on the 4:30 classroom rota for {date}; only that day’s tutors and community staff can check ' +
    'children in and out',
  classroom_pickup_refused:
    '{name} cannot be handed to this person: the pickup code or phone does not match an authorised adult (or theirs ' +
    'is no longer active). Please check, or call the family',
  classroom_already_in: '{name} is already checked in ({time} {by})',
  classroom_already_out: '{name} was already checked out {time}',
  classroom_not_in: '{name} has not been checked in today, so cannot be checked out',
  classroom_not_enrolled: '{name} is not on the 4:30 classroom roll that day (not yet enrolled, or left)',
  classroom_session_closed: 'The session of {date} is closed and can no longer be changed',
  classroom_alert_cleared: 'This alert has already been dealt with',
  classroom_pickup_locked:
    'There have been {tries} pickup codes or phones for {name} today that did not match. For the child’s safety ' +
    'tutors cannot check them out now; please ask community staff to check and do it',
  classroom_not_today:
    'This is the session of {date}, not today’s. Tutors can only work today’s session; no one can check children in ' +
    'or out of a session still to come, and earlier records are corrected by community staff',
  classroom_children_inside:
    '{count} children are checked in and not yet checked out ({names}); hand them to an authorised adult and check ' +
    'them out before closing the session',
  'classroom.birthDate': 'The birth date must be before the enrolment date',
  'classroom.lastGuardian':
    'This is the child’s only active guardian: without them nobody would get the check-in and check-out messages. ' +
    'Register another guardian first',
  'classroom.weekdays': 'Weekdays are 1–5 for Monday to Friday, e.g. 12345',
  'classroom.guardianRequired': 'Register at least one guardian (parent)',
  'classroom.adultPhoneTwice': 'This phone number is already registered as an adult for this child',
  'classroom.times': 'The expected-by time must be between the start and the end',
  'classroom.codeFormat': 'A pickup code is 6 digits',
  'classroom.notOnRota': 'This volunteer is not on that day’s rota',
  'classroom.sessionExists': 'There is already a session on this day',
  'entity.classroom_child': 'child',
  'entity.classroom_adult': 'authorised adult',
  'entity.classroom_session': 'session',
  'entity.classroom_alert': 'alert',
};
