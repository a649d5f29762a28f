// Console strings of recognition (star notices, quarterly commendation, health check) and party indicators (issue 5).
export const recognitionConsoleZhCN = {
  recognition: {
    title: '表彰嘉许', lead: '星级评定先公示再授予；每季度按规则排出候选人，队长推荐、书记审批后发布表彰名单（只列出本人同意公开的志愿者）。',
    tabs: { notices: '星级公示', ranking: '季度排名', nominations: '推荐与审批', health: '年度体检名单' },
    quarter: '季度', quarterLabel: '{{year}}年第{{n}}季度',
    notices: {
      lead: '志愿者审核通过的服务时长达到更高星级时，系统每天自动发起公示，公示 {{days}} 天后无异议即授予星级。异议成立的，可撤回公示。',
      scan: '立即检查并公示', scanned: '新公示 {{opened}} 人，授予星级 {{awarded}} 人', name: '姓名', teams: '服务队', level: '星级', hours: '服务时长（小时）',
      period: '公示期', status: '状态', open: '公示中', awarded: '已授予', withdrawn: '已撤回', lapsed: '未授予（时长已变更）', all: '全部', withdraw: '撤回',
      withdrawTitle: '撤回 {{name}} 的公示', reason: '撤回原因', reasonHint: '写明异议内容和核实结果', withdrawn_ok: '公示已撤回', empty: '暂无公示。',
      days: '公示天数', saveDays: '保存', daysSaved: '已保存', stars: '★{{n}}',
    },
    ranking: {
      lead: '按规则计分：每服务 1 小时 +1 分；居民评价平均 4.5 分以上 +10、4 分以上 +5、低于 3 分 −10；活动出勤率 90% 以上 +5、75% 以上 +2；每缺席一次 −5。同分时服务时长多者在前。',
      noAttendance: '活动签到数据尚未接入，本次排名暂不含出勤率和缺席。', rank: '名次', score: '得分', explanation: '计分说明', nominate: '推荐', nominated: '已推荐',
      nominateTitle: '推荐 {{name}}', reason: '推荐理由', reasonHint: '写明这位志愿者本季度的突出事迹', done: '已推荐，等待书记审批', empty: '这个季度还没有审核通过的服务时长。',
      status: { nominated: '待审批', approved: '已通过', rejected: '未通过' },
    },
    nominations: {
      lead: '书记审批后点“发布名单”。公开页面和海报只显示本人同意公开的志愿者的姓名、服务队和时长。', approve: '通过', reject: '不通过', rejectTitle: '不通过：{{name}}',
      note: '说明', approved: '已通过', rejected: '已退回', publish: '发布名单', published: '已于 {{at}} 由 {{by}} 发布', publishedOk: '已发布：通过 {{approved}} 人，公开姓名 {{named}} 人',
      publicPage: '查看公开页面', poster: '下载海报（PDF）', consent: '同意公开', consentYes: '已同意', consentNo: '未同意', paperConsent: '登记纸质同意书',
      paperConsentOk: '已登记', reason: '推荐理由', nominatedBy: '推荐人', empty: '这个季度还没有推荐。', decidedBy: '审批人',
    },
    health: { lead: '当年任一季度受到表彰的志愿者，安排年度健康体检。', year: '年份', export: '导出 Excel', gender: '性别', age: '年龄', phone: '手机号', quarters: '受表彰季度', empty: '这一年还没有受表彰的志愿者。', male: '男', female: '女' },
  },
  partyIndicators: {
    title: '党员指标', lead: '在职党员、居住地党员参加社区志愿服务的情况：服务时长（审核通过）、服务次数、积分、认领岗位。按党员、按支部、按单位查看，并可导出给所在单位。',
    from: '开始日期', to: '结束日期', view: '查看方式', member: '按党员', branch: '按支部', unit: '按单位', name: '姓名', branchCol: '党支部', unitCol: '单位', members: '人数',
    hours: '服务时长（小时）', services: '服务次数', activities: '活动', visits: '结对探访', appointments: '预约服务', posts: '认领岗位', points: '积分',
    noUnit: '未填写单位', total: '合计', export: '导出各单位报表', exportOne: '导出本单位报表', pointsPending: '积分账户接入后显示积分。', empty: '还没有党员。',
  },
};
