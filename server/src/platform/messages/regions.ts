// Server messages of the regions area: street, district and city offices above the communities.

export const zh = {
  region_empty: '该辖区下还没有社区，暂时无法登录',
  not_a_member: '您不是该社区或辖区的成员',
  region_session: '街道、区、市级账号只查看辖区的统计数据；办理社区事务请切换到社区身份',
  'entity.region': '辖区',
  'entity.office_account': '辖区账号',
  office_account_exists: '这个手机号已是{region}的账号',
  office_account_self: '不能取消自己的账号权限，请由同级或上级账号办理',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  region_empty: 'No community belongs to this office yet, so it cannot be signed in to',
  not_a_member: 'You are not a member of that community or office',
  region_session:
    "An office account sees its communities' figures only; switch to a community membership to work in one",
  'entity.region': 'office',
  'entity.office_account': 'office account',
  office_account_exists: 'This number already has an account of {region}',
  office_account_self: 'You cannot take away your own office role; another account of your office or above can',
};
