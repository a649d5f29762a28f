// Server messages of the auth area: signing in, sessions and the lock after failed sign-ins. Keys are error codes and
// validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  unauthenticated: '请先登录',
  bad_credentials: '手机号或密码不正确',
  bad_code: '验证码不正确或已过期',
  csrf: '页面已过期，请刷新后重试',
  locked: '登录失败次数过多，账号已锁定，请在 {until} 后再试',
  'entity.account': '账号',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  unauthenticated: 'Please sign in first',
  bad_credentials: 'Wrong phone number or password',
  bad_code: 'The code is wrong or has expired',
  csrf: 'This page has expired; please reload and try again',
  locked: 'Too many failed sign-ins; the account is locked until {until}',
  'entity.account': 'account',
};
