// Phone strings of activities (issue 5), joined into the base bundle.
export const activitiesPhoneZhCN = {
  actPhone: {
    link: '志愿活动', linkDesc: '报名参加活动，现场扫码签到', title: '志愿活动',
    lead: '选一个活动和岗位报名。活动前一天和开始前两小时会发短信提醒您。',
    open: '可以报名的活动', mine: '我报名的活动', none: '最近没有可以报名的活动。', noMine: '您还没有报名活动。',
    left: '还剩 {{count}} 个名额', full: '已报满，报名后排候补', join: '报名：{{shift}}', joinWait: '排候补：{{shift}}',
    joined: '报名成功！{{title}}', waitlisted: '已排上候补。有人取消时会自动给您补上，并发短信告诉您。',
    statusConfirmed: '已报名', statusWaitlisted: '候补中', statusCancelled: '已取消',
    cancel: '取消报名', cancelAsk: '确定不去“{{title}}”了吗？', cancelYes: '确定取消', cancelNo: '不取消', cancelled: '已取消报名',
    place: '地点：{{place}}', when: '{{date}} {{start}}–{{end}}',
    checkedIn: '已签到 {{time}}', checkedOut: '已签退，记 {{minutes}} 分钟', far: '您签到时离活动地点较远，工作人员会再确认。',
    feed: '我的日历', feedHelp: '把这个地址加到手机日历（订阅日历），报名的活动会自动出现在日历里。不要发给别人。', feedRenew: '换一个地址',
    checkin: {
      title: '现场签到', code: '签到码（6 位数字）', in: '签到', out: '签退', inOk: '签到成功！谢谢您来参加。', outOk: '签退成功！这次服务记 {{minutes}} 分钟，审核后计入您的时长。',
      notSignedUp: '您没有报名这个活动，不能签到。请先联系现场工作人员。', scanAgain: '签退时请再扫一次现场的二维码。', done: '这次活动您已经签退了，谢谢！',
      locating: '正在获取位置…', back: '回到我的活动',
    },
  },
};
