// Phone strings of three-fixed pairings (the volunteer's own), and the item and weekday words both faces use.
export const pairingsPhoneZhCN = {
  pairPhone: {
    link: '我的结对', linkDesc: '三定结对：探访谁、什么时候去，登记探访',
    title: '我的结对', lead: '这是社区为您安排的固定结对（定人、定点、定项）。每次上门后，请登记一次探访。',
    empty: '您还没有结对。社区社工为您安排后会显示在这里。',
    where: '地点', when: '时间', item: '服务项目', resident: '服务对象', since: '开始日期',
    due: '待登记：{{dates}}', next: '下次：{{dates}}', none: '无', missed: '近四周漏访 {{count}} 次：{{dates}}', missedNone: '近四周没有漏访，谢谢您！',
    lastVisits: '最近的探访', noVisits: '还没有登记过探访。', minutesShort: '{{count}} 分钟',
    logTitle: '登记探访', logFor: '登记对{{name}}的探访', date: '探访日期', today: '今天', yesterday: '昨天', otherDay: '其他日期',
    minutes: '服务时长', notes: '备注（可不填）', notesHint: '例如：老人精神不错；药快吃完了', submit: '登记这次探访', saving: '正在登记…',
    saved: '已登记 {{date}} 的探访，谢谢您！', cancel: '取消', notVolunteer: '您还不是志愿者，请先注册。',
    items: {
      weekly_visit: '每周探访', medicine_reminder: '用药提醒', shopping: '代购', cleaning: '打扫卫生', haircut: '理发', chat: '谈心',
      meal_delivery: '送餐', escort_medical: '陪同就医', other: '其他',
    },
    weekdays: { MO: '周一', TU: '周二', WE: '周三', TH: '周四', FR: '周五', SA: '周六', SU: '周日' },
    rule: { weekly: '每周{{days}}', everyWeeks: '每 {{n}} 周的{{days}}', monthly: '每月 {{days}}', everyMonths: '每 {{n}} 个月的 {{days}}', day: '{{d}} 日', lastDay: '月末', sep: '、' },
  },
};
