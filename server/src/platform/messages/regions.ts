// Server messages of the regions area: street, district and city offices above the communities.

export const zh = {
  region_empty: '该辖区下还没有社区，暂时无法登录',
  not_a_member: '您不是该社区或辖区的成员',
  region_session: '街道、区、市级账号只查看辖区的统计数据；办理社区事务请切换到社区身份',
  'entity.region': '辖区',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  region_empty: 'No community belongs to this office yet, so it cannot be signed in to',
  not_a_member: 'You are not a member of that community or office',
  region_session:
    "An office account sees its communities' figures only; switch to a community membership to work in one",
  'entity.region': 'office',
};
