// Phone strings of recognition: my star and notice, my consent to publication, and the public commendation page.
export const recognitionPhoneZhCN = {
  recPhone: {
    link: '我的星级和表彰', linkDesc: '星级、公示进度、是否公开我的姓名', title: '我的星级', back: '返回',
    awarded: '已评定星级', none: '还没有评定星级', stars: '{{n}} 星志愿者', hours: '审核通过的服务时长', hoursValue: '{{n}} 小时',
    inNotice: '★{{n}} 公示中，到 {{date}} 结束', reached: '服务时长已达到 ★{{n}}，系统将发起公示',
    consentTitle: '表彰名单公开', consentLead: '受到季度表彰时，是否在社区公开的表彰名单和海报上显示我的姓名、服务队和服务时长。不同意也不影响评选。',
    consentOn: '同意公开我的姓名', consentOff: '不公开我的姓名', consentNow: '目前：{{state}}', yes: '同意公开', no: '不公开', paper: '（社区按纸质同意书登记）', saved: '已保存',
  },
  recPublic: {
    title: '{{community}}优秀志愿者', quarter: '{{year}}年第{{n}}季度', lead: '感谢以下志愿者的奉献', hours: '{{n}} 小时', empty: '名单中的志愿者都没有同意公开姓名。',
    notFound: '没有找到这份表彰名单，可能还没有发布。', poster: '下载海报', publishedOn: '发布日期：{{date}}',
  },
};
