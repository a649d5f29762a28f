// Console strings of needs and matching (issue 4), joined into the console bundle.
export const needsConsoleZhCN = {
  needs: {
    status: { new: '待对接', matched: '已对接', scheduled: '已约时间', in_progress: '服务中', done: '已完成', reviewed: '已回访', cancelled: '已取消', declined: '不受理', open: '未办结' },
    channel: { phone: '电话', online: '网上', wechat: '微信', office: '到社区', survey: '摸查' },
    urgency: { normal: '一般', urgent: '较急', emergency: '紧急' },
    level: { basic: '入门', skilled: '熟练', expert: '专家' },
    f: {
      resident: '居民', category: '类别', skill: '所需技能', urgency: '紧急程度', channel: '来源', status: '状态', grid: '网格', date: '希望日期', start: '开始时间',
      end: '结束时间', place: '地点', description: '需求内容', createdAt: '登记时间', volunteer: '志愿者', waiting: '已等待', preferred: '希望时间', scheduledFor: '上门时间',
      closeReason: '取消或不受理原因', rating: '评价', callerPhone: '来电号码',
    },
    board: {
      title: '需求列表', lead: '所有需求：紧急的排在最前，然后是等得最久的。点居民姓名查看详情、对接志愿者。',
      allStatus: '全部状态', allCategories: '全部类别', allUrgency: '全部紧急程度', allChannels: '全部来源', allGrids: '全部网格',
      empty: '没有符合条件的需求。来电请点“热线登记”。', total: '共 {{count}} 项', export: '导出 Excel', hotline: '热线登记', batch: '批量对接', filters: '筛选',
      hours: '{{n}} 小时', days: '{{n}} 天',
    },
    stats: {
      title: '近一年的需求', total: '需求总数', open: '未办结', toMatch: '登记到对接', toDone: '登记到完成', spread: '中位数 {{median}} 小时，90% 在 {{p90}} 小时内',
      rating: '平均评分', ratingValue: '{{avg}} 分（{{count}} 次）', byChannel: '按来源', byCategory: '按类别', none: '暂无', count: '{{n}} 项',
    },
    hotline: {
      viaFamily: '·家属来电', title: '热线登记', lead: '输入来电号码回车，选居民，选类别，写需求，回车提交。默认：电话来源、一般紧急。',
      phone: '来电号码', find: '查找', notFound: '没有居民登记这个号码（本人或家属）。可以按姓名查找。', byName: '或按姓名查找居民',
      byNameHint: '姓名、拼音或首字母', pick: '为谁登记', openNeeds: '已有 {{count}} 项未办结', noOpen: '没有未办结的需求',
      submit: '登记（回车）', taken: '已登记 {{name}} 的需求。', goMatch: '去对接志愿者', skillAny: '不限技能', timeHint: '如 09:00',
      descriptionHint: '回车提交，Shift+回车换行', needResident: '请先找到并选定居民', chosen: '已选居民：{{name}}', badTime: '请按 09:00 的格式填写',
      placeHint: '默认是居民住址',
      badPhone: '请输入来电号码（至少 5 位数字）',
    },
    detail: {
      title: '需求详情', history: '处理记录', moves: '下一步', noMoves: '这项需求已办结，不能再改变状态。', moved: '已更新',
      to_new: '退回，重新对接', to_scheduled: '约定上门时间', to_in_progress: '开始服务', to_done: '服务完成', to_cancelled: '取消', to_declined: '不受理',
      reason: '原因（会告知居民）', when: '上门时间', review: '记录回访评价', reviewTitle: '回访评价', stars: '评分', starN: '{{n}} 星', comment: '居民的话（可不填）',
      reviewed: '已记录评价', created: '登记（{{channel}}）', moveTo: '{{from}} → {{to}}', confirmMove: '确定要“{{action}}”吗？', ok: '确定', cancel: '取消',
      backToList: '需求列表',
    },
    match: {
      title: '对接志愿者', lead: '符合条件的志愿者按合适程度排序，分数由下面各项相加。', eligible: '符合条件的志愿者共 {{count}} 人',
      none: '没有符合条件的志愿者。可以退回改时间，或去掉技能要求后重新登记。', score: '{{score}} 分', confirm: '确认对接', confirmAsk: '确认由 {{name}} 提供这项服务？',
      matched: '已对接 {{name}}', rank: '第 {{n}} 名', why: '为什么合适（加减分）', noPoints: '没有加减分', neutral: '不加不减：{{list}}', notNew: '只有待对接的需求可以对接志愿者。',
    },
    why: {
      skill_exact: '持有所需技能 {{skill}}（{{level}}）', skill_category: '{{category}}技能 {{skill}}（{{level}}）', skill_none: '没有{{category}}技能',
      availability_any_time: '时间不限', availability_slot: '{{date}} {{start}}–{{end}} 登记了有空', availability_unstated: '没有登记固定空闲时间',
      nearness_same_building: '同楼', nearness_same_grid: '同网格', nearness_unknown: '住址未知', nearness_elsewhere: '不在同一网格',
      load_open_tasks: '已有 {{count}} 项任务', continuity_past_services: '曾服务 {{count}} 次', preference_preferred_volunteer: '居民点名要这位志愿者',
      preference_gender_match: '符合性别意愿（{{gender}}）', preference_gender_mismatch: '不符合性别意愿（{{gender}}）', unknown: '{{detail}}',
    },
    batch: {
      title: '批量对接', lead: '一次为所有待对接的需求安排志愿者：让总体最合适，每位志愿者不超过上限，等得久的优先。先预览，满意再确认。',
      loadCap: '每位志愿者最多同时承担（项）', preview: '预览方案', apply: '确认对接', applyAsk: '按这个方案对接 {{count}} 项需求？', applied: '已对接 {{applied}} 项。',
      skipped: '{{count}} 项在这期间已被他人处理，已跳过。', open: '待对接需求 {{count}} 项', assignments: '对接方案', compare: '和“先到先得”比一比',
      empty: '现在没有待对接的需求。', fit: '匹配分', waiting: '已等待', days: '{{n}} 天', plan: '本方案', fcfs: '先到先得', measure: '比较项',
      matchedRow: '对接上的需求', fitRow: '总匹配分', waitRow: '没对接上的需求中等得最久的', leftOutRow: '有人能做却没对接上的需求',
      sentMatched: '本方案对接 {{a}} 项，先到先得对接 {{b}} 项。', sentFit: '本方案总匹配分 {{a}}，先到先得 {{b}}，{{diff}}。',
      sentWait: '没对接上的需求中，本方案下等得最久的已等 {{a}} 天，先到先得下是 {{b}} 天。', sentUnservable: '另有 {{count}} 项需求眼下没有空闲的合适志愿者，哪种办法都对接不上。',
      more: '高出 {{n}} 分', same: '两者相同', less: '低 {{n}} 分', previewFirst: '先点“预览方案”看看会怎样对接。',
    },
    survey: {
      title: '摸查进度', lead: '全面摸查：每户需要什么帮助。网格长在手机上“入户摸查”登记，这里看各网格摸查了多少户、发现了哪些需求。',
      since: '统计起始日', overall: '已摸查 {{surveyed}} / {{households}} 户（{{share}}%）', grid: '网格', households: '户数', surveyed: '已摸查户数', share: '覆盖率',
      needs: '摸查发现的需求', category: '类别', needHouseholds: '有此需求的户数', empty: '这段时间还没有摸查记录。网格长在手机上“入户摸查”后会显示在这里。',
    },
  },
};
