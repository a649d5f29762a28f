// Phone strings of needs (issue 4): asking for help, my requests, the household survey. Joined into the base bundle.
export const needsPhoneZhCN = {
  needsPhone: {
    link: '我要求助', linkDesc: '请志愿者上门帮忙，看求助办得怎样', title: '我要求助',
    lead: '说说需要什么帮助，社区会找合适的志愿者联系您。',
    emergency: '情况紧急（生病、摔倒、着火）请直接打 120、119 或 110。',
    stepWho: '第一步：为谁求助', stepWhat: '第二步：需要什么帮助', stepSay: '第三步：说一说', stepWhen: '第四步：什么时候方便',
    me: '我自己', family: '家人', noPeople: '没有找到您在本社区的居民登记，暂时不能在网上求助。请打电话给社区办公室。',
    cat: {
      medical: '看病护理', legal: '法律帮助', education: '学习辅导', culture: '文体活动',
      psychological: '谈心解闷', household: '家务维修', science_digital: '手机电脑', special_groups: '照顾老幼残',
    },
    catHint: {
      medical: '量血压、换药、陪同看病', legal: '法律咨询、写材料', education: '辅导孩子功课', culture: '唱歌、跳舞、书法',
      psychological: '有人聊聊天、解解闷', household: '修水电、理发、缝补', science_digital: '教用手机、防诈骗', special_groups: '看护老人、孩子、残疾人',
    },
    catIcon: {
      medical: '医', legal: '法', education: '学', culture: '文', psychological: '心', household: '修', science_digital: '机', special_groups: '护',
    },
    chosen: '已选：{{name}}', change: '换一项',
    description: '需要做什么', descriptionHint: '比如：厨房水龙头漏水，想请人来修', tooShort: '请多写几个字，说清需要做什么', chooseCategory: '请先在第二步选需要什么帮助',
    dayLabel: '哪一天', partLabel: '什么时候',
    day: { any: '哪天都行', today: '今天', tomorrow: '明天', after: '后天' },
    part: { any: '什么时候都行', morning: '上午（9–12 点）', afternoon: '下午（2–5 点）', evening: '晚上（6–8 点）' },
    urgent: '比较急，希望今天就有人联系',
    submit: '提交求助', sending: '正在提交…', sent: '已收到您的求助。社区会尽快找志愿者联系您。',
    mine: '我的求助', noNeeds: '还没有求助记录。需要帮助时，在上面提交就行。',
    status: {
      new: '已收到，正在找志愿者', matched: '已找到志愿者', scheduled: '已约好上门时间', in_progress: '正在服务',
      done: '已办好，请评价', reviewed: '已评价', cancelled: '已取消', declined: '社区暂时办不了',
    },
    forName: '求助人：{{name}}', volunteer: '志愿者：{{name}}', visitAt: '上门时间：{{when}}', reason: '原因：{{reason}}', askedOn: '{{date}} 提交',
    rateTitle: '服务怎么样？点星星打分', star: '{{n}} 星', rateSubmit: '提交评价', rated: '谢谢您的评价！', yourRating: '您的评价：{{n}} 星', chooseStars: '请先点几颗星',
  },
  surveyPhone: {
    link: '入户摸查', linkDesc: '登记每户需要什么帮助', title: '入户摸查',
    lead: '选一户，勾上这户需要的帮助，保存。没有需要也保存一下，算作已走访。',
    building: '楼栋', allBuildings: '全部楼栋', stepHousehold: '第一步：选一户', stepNeeds: '第二步：这户需要什么帮助（可多选）',
    chosen: '已选：{{address}}', change: '换一户', choose: '选 {{address}}',
    note: '备注（可不填）', noteHint: '比如：独居，腿脚不便，希望每周有人来看看', visitedOn: '走访日期',
    save: '保存摸查', saved: '已保存 {{address}} 的摸查。', lastVisit: '上次摸查：{{date}}，{{name}}', neverVisited: '这户还没有摸查过。', doneNow: '✓ 刚刚摸查',
    noHouseholds: '没有找到住户。', count: '共 {{count}} 户', forbidden: '只有网格长和社区工作人员可以入户摸查。', head: '户主 {{name}}', members: '{{count}} 人',
  },
};
