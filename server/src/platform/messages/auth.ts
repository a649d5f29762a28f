// Server messages of the auth area: signing in, sessions and the lock after failed sign-ins. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  unauthenticated: '请先登录',
  bad_credentials: '手机号或密码不正确',
  bad_code: '验证码不正确或已过期',
  csrf: '页面已过期，请刷新后重试',
  locked: '登录失败次数过多，账号已锁定，请在 {until} 后再试',
  'entity.account': '账号',
  password_too_short: '密码太短：至少要 {min} 位',
  password_too_long: '密码太长：最多 {max} 位',
  password_common: '这个密码太常见了（如 123456、woaini1314），很容易被猜到，请换一个',
  password_contains_phone: '密码里不能含有手机号（或手机号的后 8 位）',
  password_wrong: '当前密码不正确',
  password_reset_code_invalid: '重置验证码不正确或已过期，请找社区工作人员重新发送',
  setup_link_invalid: '设置链接无效、已过期或已用过。请重新启动服务获取新的链接，或在服务器上运行 npm run setup',
  setup_done: '已经设置过社区，不能再次设置',
  setup_phone_taken: '这个手机号已有账号，请换一个手机号',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  unauthenticated: 'Please sign in first',
  bad_credentials: 'Wrong phone number or password',
  bad_code: 'The code is wrong or has expired',
  csrf: 'This page has expired; please reload and try again',
  locked: 'Too many failed sign-ins; the account is locked until {until}',
  'entity.account': 'account',
  password_too_short: 'The password is too short: it needs at least {min} characters',
  password_too_long: 'The password is too long: at most {max} characters',
  password_common: 'This password is too common (like 123456 or woaini1314) and easy to guess; please choose another',
  password_contains_phone: 'The password must not contain the phone number (or its last 8 digits)',
  password_wrong: 'The current password is wrong',
  password_reset_code_invalid: 'The reset code is wrong or has expired; ask the community staff to send a new one',
  setup_link_invalid:
    'This setup link is invalid, expired or already used. Restart the server for a new link, ' +
    'or run npm run setup on it',
  setup_done: 'A community is already set up; setup cannot run again',
  setup_phone_taken: 'This phone number already has an account; please use another',
};
