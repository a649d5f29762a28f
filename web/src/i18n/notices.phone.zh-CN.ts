// Phone strings of 我的消息: the messages a person got, in plain words.
export const noticesPhoneZhCN = {
  noticesPhone: {
    title: '我的消息',
    link: '我的消息',
    linkDesc: '社区发给我的通知',
    linkUnread: '有 {{count}} 条新消息',
    none: '还没有消息。社区发通知给您时，会在这里看到。',
    unread: '新消息',
    urgent: '紧急',
    from: '来自 {{from}}',
    gotIt: '我知道了',
    allRead: '全部标为已读',
    unreadCount: '{{count}} 条没看过',
    more: '看更早的消息',
    newer: '看更新的消息',
  },
};
