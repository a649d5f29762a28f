// Phone strings of the survey's to-do list and of findings taken as needs. Joined into the base bundle.
export const surveyPhoneZhCN = {
  surveyTodoPhone: {
    todo: '待摸查',
    all: '全部住户',
    listLabel: '还没有摸查的住户',
    count: '还有 {{count}} 户没有摸查',
    empty: '本轮摸查已全部走完，谢谢！',
    priority: '优先',
    priorityHint: '家里有特殊群体成员',
    lastVisit: '上次 {{date}}',
    never: '从未摸查',
    findingsTitle: '把发现的问题转为需求',
    findingsLead: '{{address}}：点“转为需求”，社区就会安排志愿者。',
    forWhom: '为谁登记',
    toNeed: '转为需求',
    taken: '已转为需求',
    alreadyTaken: '这个问题已经登记过需求',
  },
};
