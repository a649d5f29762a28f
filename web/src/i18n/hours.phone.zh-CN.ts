// Phone strings of the volunteer's own service hours and star level (issue 5).
export const hoursPhoneZhCN = {
  hoursPhone: {
    link: '我的服务时长', linkDesc: '星级、已认定的时长和每一次服务记录',
    title: '我的服务时长', starTitle: '{{count}} 星志愿者', noStar: '还没有星级', starWords: '{{count}} 星',
    toNext: '再服务 {{hours}} 小时可达到 {{next}} 星（以审核通过的时长计算）', topStar: '您已达到最高星级，谢谢您！',
    credit: '已认定', pending: '待审核', honour: '荣誉时长', hours: '{{n}} 小时',
    explain: '每次服务由社工审核后计入“已认定”。星级只按已认定的服务时长计算，不含往返路上的时间，也不含荣誉时长。达到新星级后，社区会先公示 7 天。',
    entries: '服务记录', empty: '还没有服务记录。参加活动、结对探访后会显示在这里。',
    status: { pending: '待审核', verified: '已认定', corrected: '已更正（以新记录为准）', honour: '荣誉时长' },
    correctedWhy: '更正原因：{{reason}}', prev: '上一页', next: '下一页', page: '第 {{page}} / {{pages}} 页',
    disputeButton: '这条有疑问', disputeEntry: '对这条记录提出疑问', disputeMissing: '有服务没有记上？', missingDate: '服务日期',
    disputeReason: '说明情况', disputeHint: '例如：那天我服务了两个小时；重阳节活动没有记上', disputeSend: '提交给社工', cancel: '取消',
    disputeSent: '已提交，社工核实后会短信答复您。', myDisputes: '我的疑问', missingService: '漏记的服务', youSaid: '您说：{{reason}}',
    answer: '社工答复：{{answer}}', waitingAnswer: '等待社工核实',
    notVolunteer: '您还不是志愿者，请先注册。',
  },
};
