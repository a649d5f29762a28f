// Phone strings of certificates (志愿服务记录证明), points and the public verify page (issue 5, records).
export const recordsPhoneZhCN = {
  certPhone: {
    link: '我的服务证明', linkDesc: '申请并下载志愿服务记录证明（PDF）',
    title: '我的服务证明',
    explain: '证明由社区居委会出具，只包含社区记录并审核通过的服务时长（不含待审核和荣誉时长）。出具后内容不再改变；扫描证明上的二维码可核验真伪。',
    request: '申请证明', requestAll: '全部已认定的服务', from: '开始日期（可不填）', to: '结束日期（可不填）', requesting: '正在出具…',
    issued: '证明已出具：{{number}}', list: '已出具的证明', empty: '还没有证明。有审核通过的服务时长后，点“申请证明”即可。',
    number: '编号 {{number}}', period: '{{from}} 至 {{to}}', hours: '服务时长 {{n}} 小时', download: '下载 PDF（{{number}}）',
    status: { valid: '有效', revoked: '已撤销' }, revokedWhy: '撤销原因：{{reason}}',
    notVolunteer: '您还不是志愿者，请先注册。',
  },
  pointsPhone: {
    link: '我的积分', linkDesc: '积分余额、获得和兑换记录（爱心超市）',
    title: '我的积分', balance: '可用积分', earned: '累计获得', debt: '待抵扣',
    rule: '每认定 1 小时服务得 {{rate}} 分', dailyCap: '每天最多 {{n}} 分', totalCap: '累计最多 {{n}} 分',
    explain: '积分只按审核通过的服务时长计算，荣誉时长不计积分。时长被更正减少时，相应积分会扣回；已兑换用掉的部分记为“待抵扣”，从以后获得的积分中扣除。带上志愿者证到社区爱心超市，工作人员扫码即可兑换。',
    history: '积分记录', redemptions: '兑换记录', empty: '还没有积分记录。', noRedemptions: '还没有兑换过物品。',
    kind: { earn: '服务获得', reverse: '更正扣回', redeem: '爱心超市兑换' }, points: '{{n}} 分', serviceOf: '服务日期 {{date}}',
    shortfall: '其中 {{n}} 分已用掉，记为待抵扣', handledBy: '经办：{{name}}',
    notVolunteer: '您还不是志愿者，请先注册。',
  },
  verify: {
    title: '志愿服务记录证明核验', genuine: '此证明真实有效', revoked: '此证明已被撤销', notFound: '找不到这份证明',
    notFoundBody: '二维码或链接可能不完整。请向出具证明的社区居委会核实。',
    number: '证明编号', name: '志愿者', issuer: '出具单位', period: '服务期间', hours: '志愿服务时长', issuedOn: '出具日期', revokedOn: '撤销日期', revokeReason: '撤销原因',
    hoursValue: '{{n}} 小时', periodValue: '{{from}} 至 {{to}}',
    note: '本页面由邻里平台根据出具单位的记录显示，姓名已部分隐藏。',
  },
};
