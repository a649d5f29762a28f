// Phone strings of selections (评选): voting and nominating.
export const selectionsPhoneZhCN = {
  selPhone: {
    link: '社区评选',
    linkDesc: '好家风、美德少年、最美社区人：推荐和投票',
    title: '社区评选',
    back: '返回首页',
    lead: '每位居民在每次评选中只能投一票，投出后不能更改。',
    empty: '现在没有正在推荐或投票的评选。',
    voteWindow: '投票时间：{{from}} 至 {{to}}',
    nominateWindow: '推荐时间：{{from}} 至 {{to}}',
    ballot: '候选名单',
    voteFor: '投票给 {{name}}',
    voted: '投票成功：您投给了 {{name}}',
    alreadyVoted: '您已经投过票了。',
    myChoice: '我投的',
    nominateTitle: '我要推荐',
    nomineeName: '被推荐人姓名（或家庭）',
    reason: '推荐理由',
    nominate: '提交推荐',
    nominated: '推荐已提交，工作人员审核后进入候选名单',
  },
};
