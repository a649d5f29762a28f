// Phone strings of teams and party members (issue 3), joined into the base bundle.
export const orgPhoneZhCN = {
  orgPhone: {
    myTeam: '我的服务队', myTeamDesc: '队员名单和入队申请', noTeam: '您还没有负责的服务队。请联系社区办公室。',
    pending: '待审核的入队申请', noPending: '没有待审核的入队申请。', members: '队员', approve: '通过 {{name}}', reject: '不通过 {{name}}',
    approved: '已通过 {{name}} 的申请', rejected: '已拒绝 {{name}} 的申请', leader: '队长', call: '拨打 {{phone}}',
    joinTitle: '加入服务队', joinDesc: '选择想参加的服务队，队长审核后加入', join: '申请加入 {{name}}', joined: '已在队', requested: '已申请，等待队长审核',
    joinSent: '已提交申请，请等待队长审核', membersCount: '{{count}} 名队员', noTeams: '社区还没有服务队。',
    kinds: { squad: 'N+ 小分队', culture: '文体队', silver: '银发组', unit_team: '单位服务队' },
    partyTitle: '本网格党员', partyDesc: '网格内的党员和报到情况', noParty: '本网格还没有登记的党员。',
    partyKinds: { in_service: '在职党员', resident: '居住地党员', floating: '流动党员' },
    publicServant: '公职人员', reports: '报到 {{count}} 次', lastReported: '最近报到 {{date}}', neverReported: '尚未报到',
  },
};
