// Phone strings of the classroom area (issue 6).
export const classroomPhoneZhCN = {
  classroom: {
    phone: {
      link: '四点半课堂',
      linkDesc: '今天值班：孩子签到、交给家长签退、辅导记录',
      title: '四点半课堂',
      noSession: '今天没有四点半课堂（周末、节假日或还没有排课）。',
      date: '时间', place: '地点', tutors: '值班老师', counts: '人数',
      countsValue: '待到 {{expected}} · 在班 {{inside}} · 已接走 {{out}} · 请假 {{absent}}',
      alerts: '还没到的孩子',
      notArrived: '{{name}} 到点未到（{{time}} 已通知家长）',
      clearNote: '处理情况', clearHint: '例如：家长已来电：今天生病请假',
      clear: '已核实，关闭提醒', cleared: '提醒已关闭',
      checkArrivals: '检查还没到的孩子', arrivalsDone: '新发出 {{n}} 条未到提醒',
      children: '今天的孩子', noChildren: '今天没有孩子需要来。',
      state: { expected: '待签到', in: '在班', out: '已接走', absent: '已请假', off: '今天不上课' },
      inAt: '{{time}} 签到（{{by}}）', outAt: '{{time}} 由 {{adult}} 接走',
      checkIn: '签到', checkInOf: '{{name}} 签到', checkedIn: '{{name}} {{time}} 签到，已短信告诉家长',
      checkOut: '签退', checkOutOf: '{{name}} 签退',
      whichAdult: '交给哪位接送人？', proof: '怎么核对', byCode: '接送码（6位数字）', byPhone: '登记的手机号',
      code: '接送码', phone: '手机号', confirmOut: '核对并交给家长',
      handedOver: '{{name}} 已交给 {{adult}}（{{time}}），已短信告诉监护人',
      subjects: { math: '数学', chinese: '语文', english: '英语', reading: '阅读', calligraphy: '书法', drawing: '绘画', music: '音乐', other: '其他' },
      logTitle: '辅导记录', subject: '科目', logChild: '哪个孩子', everyone: '全班', content: '辅导了什么', saveLog: '保存记录', logSaved: '记录已保存',
    },
  },
};
