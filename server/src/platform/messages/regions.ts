// Server messages of the regions area: street, district and city offices above the communities.

export const zh = {
  region_empty: '该辖区下还没有社区，暂时无法登录',
  not_a_member: '您不是该社区或辖区的成员',
  'entity.region': '辖区',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  region_empty: 'No community belongs to this office yet, so it cannot be signed in to',
  not_a_member: 'You are not a member of that community or office',
  'entity.region': 'office',
};
