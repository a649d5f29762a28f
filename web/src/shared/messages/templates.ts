// The outbox's template keys (every `template:` the server's notices use) as names people read, in zh and en: the
// console's outbox and the phone's 我的消息 both show them. An unknown key (a notice added later) is shown as it is.
const TEMPLATE_LABELS: Record<string, { zh: string; en: string }> = {
  sign_in_code: { zh: '登录验证码', en: 'Sign-in code' },
  password_reset_code: { zh: '重置密码验证码', en: 'Password reset code' },
  password_changed: { zh: '密码已修改通知', en: 'Password changed' },
  volunteer_registration_code: { zh: '志愿者注册验证码', en: 'Volunteer registration code' },
  wechat_bind_code: { zh: '绑定微信验证码', en: 'WeChat binding code' },
  'volunteer.guardian_consent_code': { zh: '监护人同意验证码', en: 'Guardian consent code' },
  'volunteer.guardian_consent_confirmed': { zh: '监护人已同意', en: 'Guardian consent confirmed' },
  'volunteer.guardian_consent_withdrawn': { zh: '监护人撤回同意', en: 'Guardian consent withdrawn' },
  'activities.cancelled': { zh: '活动取消通知', en: 'Activity cancelled' },
  'activities.promoted': { zh: '候补转正通知', en: 'Moved up from the waitlist' },
  'activities.reminder_day': { zh: '活动前一天提醒', en: 'Activity reminder (day before)' },
  'activities.reminder_soon': { zh: '活动开始前提醒', en: 'Activity reminder (soon)' },
  'activities.swap_taken_offerer': { zh: '换班成功（告知让班人）', en: 'Swap taken (to the one who offered)' },
  'activities.swap_taken_taker': { zh: '换班成功（告知接班人）', en: 'Swap taken (to the one who took it)' },
  'regions.office_granted': { zh: '辖区账号开通通知', en: 'Office account granted' },
  'activities.swap_taken_organiser': { zh: '换班通知（告知组织者）', en: 'Swap made (to the organiser)' },
  'activities.junior_unaccompanied': {
    zh: '小小志愿者：同行成年人已取消，孩子的报名一并取消',
    en: 'Junior volunteer: the accompanying adult cancelled, so did the child’s sign-up',
  },
  'activities.junior_unaccompanied_organiser': {
    zh: '小小志愿者：同行成年人取消（告知组织者）',
    en: 'Junior volunteer unaccompanied (to the organiser)',
  },
  'appointments.reminder': { zh: '预约服务提醒', en: 'Appointment reminder' },
  'badges.message': { zh: '爱心二维码留言', en: 'Love badge message' },
  'badges.scanned': { zh: '爱心二维码被扫描', en: 'Love badge scanned' },
  'classroom.checkedIn': { zh: '孩子已签到', en: 'Child checked in' },
  'classroom.checkedOut': { zh: '孩子已被接走', en: 'Child collected' },
  'classroom.notArrived': { zh: '孩子未到（告知家长）', en: 'Child not arrived (to parent)' },
  'classroom.notArrivedStaff': { zh: '孩子未到（告知工作人员）', en: 'Child not arrived (to staff)' },
  'classroom.rotaSwapOfferer': { zh: '课堂换班成功（告知让班人）', en: 'Rota day taken (to the one who offered)' },
  'classroom.rotaSwapTaker': { zh: '课堂换班成功（告知接班人）', en: 'Rota day taken (to the one who took it)' },
  'classroom.rotaSwapStaff': { zh: '课堂换班通知（告知工作人员）', en: 'Rota day swapped (to staff)' },
  'homecare.run_outstanding': { zh: '派送未完成', en: 'Delivery run unfinished' },
  'homecare.shift_cancelled': { zh: '陪护班次取消', en: 'Care shift cancelled' },
  'homecare.shifts_uncovered': { zh: '陪护班次无人', en: 'Care shifts uncovered' },
  'hours.dispute_resolved': { zh: '时长申诉已处理', en: 'Hours dispute resolved' },
  'insurance.expiring': { zh: '服务保险即将到期', en: 'Insurance expiring' },
  'training.expiring': { zh: '培训证书即将到期', en: 'Training expiring' },
  'monitor.left_out': { zh: '遗漏监测提醒', en: 'Left-out residents alert' },
  'recognition.health_check_booked': { zh: '年度体检预约通知', en: 'Health check booked' },
  'needs.declined': { zh: '志愿者婉拒需求', en: 'Volunteer declined a need' },
  'needs.matched': { zh: '需求已匹配志愿者', en: 'Need matched' },
  'needs.volunteer_coming': { zh: '志愿者将上门', en: 'Volunteer on the way' },
  'needs.released': { zh: '需求已收回', en: 'Need taken back' },
  'notice.staff': { zh: '社区通知', en: 'Community notice' },
};

export function templateLabel(key: string, lang: string): string {
  const l = TEMPLATE_LABELS[key];
  return l ? (lang === 'en' ? l.en : l.zh) : key;
}
