// Phone strings of appointments (issue 4), joined into the base bundle.
export const appointmentsPhoneZhCN = {
  apptPhone: {
    link: '预约服务', linkDesc: '预约义诊、义剪、法律咨询', title: '预约服务',
    lead: '选一项服务，再选一个时间。服务前一天会发短信提醒您。',
    kinds: { clinic: '义诊', haircut: '义剪', legal: '法律咨询', other: '服务' },
    step1: '第一步：选服务', step2: '第二步：为谁预约', step3: '第三步：选时间',
    choose: '选择 {{name}}', chosen: '已选：{{name}}', change: '换一项服务',
    forWhom: '为谁预约', me: '我自己', family: '家人', noPeople: '没有找到您在本社区的居民登记，暂时不能在网上预约。请打电话给社区办公室预约。',
    left: '还剩 {{count}} 个名额', noSlots: '最近没有可以预约的时间。请过几天再看，或打电话给社区办公室。',
    bookAt: '预约 {{date}} {{weekday}} {{time}}', booked: '预约成功：{{name}}，{{date}} {{time}}，{{place}}',
    mine: '我的预约', noBookings: '还没有预约。', cancel: '取消这个预约', cancelAsk: '确定要取消 {{service}}（{{date}} {{time}}）的预约吗？', cancelYes: '确定取消', cancelNo: '不取消',
    cancelledOk: '已取消预约', statusConfirmed: '已预约', statusCancelled: '已取消', place: '地点：{{place}}', forName: '预约人：{{name}}',
    weekdays: { d1: '周一', d2: '周二', d3: '周三', d4: '周四', d5: '周五', d6: '周六', d7: '周日' },
    loadingSlots: '正在查找可以预约的时间…',
  },
};
