// Console strings of the skills pool, units, teams and party members (issue 3), joined into the console bundle.
export const orgConsoleZhCN = {
  org: {
    kinds: {
      school: '学校', party_school: '党校', hospital: '医院', company: '企业', residents_committee: '居委会', youth_league: '团支部',
      womens_federation: '妇联', elderly_association: '老年协会', disabled_association: '残疾人协会', social_org: '社会组织',
    },
    teamKinds: { squad: 'N+ 小分队', culture: '文体队', silver: '银发组', unit_team: '单位服务队' },
    partyKinds: { in_service: '在职党员', resident: '居住地党员', floating: '流动党员' },
    levels: { basic: '初级', skilled: '熟练', expert: '专家' },
    memberStatus: { active: '在队', requested: '申请中', rejected: '未通过', removed: '已移出' },
    roles: { leader: '队长', member: '队员' },
    common: {
      name: '名称', kind: '类别', add: '新增', save: '保存', cancel: '取消', delete: '删除', deleteConfirm: '确定删除？', all: '全部', search: '搜索',
      searchPlaceholder: '姓名、拼音、首字母或手机尾号', description: '说明', empty: '暂无数据', phone: '手机号', approve: '通过', reject: '不通过', remove: '移出',
      done: '已完成', count: '人数', edit: '编辑', deleted: '已删除', gotIt: '知道了',
    },
    skills: {
      title: '专业服务人才资源库', lead: '审核通过的志愿者按专业技能分为七个专业类别和一个特殊群体服务类别。点击类别卡片筛选。',
      category: '类别', skill: '技能', level: '水平', licence: '执业证书', licenceAny: '证书不限', licenceValid: '证书有效', licenceExpired: '证书过期',
      name: '姓名', age: '年龄', gender: '性别', unit: '单位', skills: '技能', expires: '有效期至 {{date}}', expired: '已过期', people: '{{count}} 人',
      empty: '没有符合条件的志愿者。换个条件试试，或在志愿者档案中登记技能。', clear: '清除筛选',
    },
    units: {
      title: '驻区单位', lead: '学校、党校、医院、企业和社会组织。单位联络人只能管理本单位的志愿者。', address: '地址', contactName: '联系人', contactPhone: '联系电话',
      volunteers: '志愿者', teams: '服务队', addTitle: '新增驻区单位', empty: '还没有驻区单位。点“新增”登记第一个。', members: '本单位志愿者',
      editTitle: '编辑驻区单位', cannotDelete: '不能删除“{{name}}”', cannotDeleteHint: '请先把该单位的志愿者改到其他单位，并删除或改挂该单位的服务队，再删除单位。',
    },
    teams: {
      title: '服务队', lead: '12 支 N+ 小分队、9 支文体队、银发组和单位服务队。一名志愿者可以参加多支服务队。', leaders: '队长', members: '队员', requests: '待审核申请',
      unit: '所属单位', addTitle: '新增服务队', roster: '队员名单', pending: '入队申请', noRequests: '没有待审核的入队申请。', empty: '还没有服务队。点“新增”建立第一支。',
      requestedAt: '申请时间', status: '状态', role: '角色', open: '查看队员',
      editTitle: '编辑服务队', addMember: '加入本队', memberAdded: '已加入本队', mine: '您是队长：这里只列出您带领的服务队。可以审核入队申请、移出队员、修改本队说明。',
      leaderFields: '服务队的名称、类别和所属单位由社区工作人员修改。',
    },
    party: {
      title: '党员', lead: '在职党员、居住地党员和流动党员按网格管理；在职党员到居住地社区报到并认领岗位。', members: '党员名单', reports: '报到记录', posts: '岗位清单',
      kind: '类型', publicServant: '公职人员', partyOrg: '所属党组织', workUnit: '工作单位', grid: '网格', joinedOn: '入党日期', reportCount: '报到次数', lastReported: '最近报到',
      reportedOn: '报到日期', unitPartyOrg: '单位党组织', claimedPosts: '认领岗位', postTitle: '岗位', capacity: '名额', claimed: '已认领', unlimited: '不限',
      addPost: '新增岗位', emptyMembers: '还没有登记党员。在志愿者档案中登记党员信息后会出现在这里。', emptyReports: '还没有报到记录。', emptyPosts: '还没有岗位。点“新增岗位”发布需求清单。',
      yes: '是', no: '否',
    },
  },
};
