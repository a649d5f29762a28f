// Console strings of appointments (issue 4), joined into the console bundle.
export const appointmentsConsoleZhCN = {
  appt: {
    title: '预约服务',
    lead: '义诊、义剪、法律咨询等专业服务：设置服务人员和排班，查看每天的预约，替来电居民预约。',
    tabs: { day: '当天预约', services: '服务与排班', book: '电话预约' },
    kinds: { clinic: '义诊', haircut: '义剪', legal: '法律咨询', other: '其他' },
    channels: { wechat: '微信', phone: '电话', online: '网上', office: '到社区' },
    status: { confirmed: '已预约', cancelled: '已取消' },
    weekdays: { d1: '周一', d2: '周二', d3: '周三', d4: '周四', d5: '周五', d6: '周六', d7: '周日' },
    everyLine: '每{{weekday}} {{start}}–{{end}}', monthLine: '{{nth}}{{weekday}} {{start}}–{{end}}',
    monthWeeks: { every: '每周', w1: '每月第一个', w2: '每月第二个', w3: '每月第三个', w4: '每月第四个', w5: '每月最后一个' },
    f: {
      name: '服务名称', kind: '类别', description: '说明', place: '地点', slotMinutes: '每个时段（分钟）', placesPerSlot: '每个时段名额', windowDays: '可提前预约（天）',
      noticeHours: '最晚提前（小时）', active: '开放预约', providers: '服务人员', schedule: '排班', weekday: '星期', start: '开始', end: '结束', repeat: '重复',
      addRule: '添加一行排班', removeRule: '删除这一行', time: '时间', resident: '居民', phone: '电话', channel: '方式', statusCol: '状态', service: '服务', note: '备注',
    },
    add: '新增服务', edit: '编辑', editTitle: '编辑服务', addTitle: '新增预约服务', saved: '已保存', inactive: '暂停预约',
    perSlot: '每 {{minutes}} 分钟 {{places}} 人', window: '提前 {{days}} 天内可约，最晚提前 {{hours}} 小时', noServices: '还没有预约服务。点“新增服务”设置义诊、义剪或法律咨询。',
    feed: '日历订阅', feedTitle: '{{name}} 的日历订阅地址', feedHelp: '把这个地址添加到手机日历（订阅日历），就能看到有人预约的时段。不要公开这个地址；泄露后点“换一个地址”。',
    feedRenew: '换一个地址', copied: '已复制', copy: '复制',
    date: '日期', allServices: '全部服务', noBookings: '这一天没有预约。', cancel: '取消预约', cancelConfirm: '确定取消 {{name}} 的预约？名额会空出来。', cancelled: '已取消',
    callerLabel: '来电号码或姓名', callerHint: '输入来电号码（居民本人或家属的）或姓名、拼音', find: '查找', noResident: '没有找到。请换个号码或姓名试试。',
    via: { phone: '本人号码', contact: '家属号码', name: '姓名' },
    chooseResident: '为谁预约', chooseService: '预约什么服务', chooseSlot: '选择时段', left: '剩 {{count}} 个名额', noSlots: '近期没有可预约的时段。',
    bookFor: '为 {{name}} 预约', booked: '已为 {{name}} 预约 {{service}}：{{time}}', born: '{{year}} 年生',
  },
};
