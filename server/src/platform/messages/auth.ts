// Server messages of the auth area: signing in and sessions (the wait after failed sign-ins is in two-factor.ts). Keys
// are error codes and validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  unauthenticated: '请先登录',
  bad_credentials: '手机号或密码不正确',
  bad_code: '验证码不正确或已过期',
  csrf: '页面已过期，请刷新后重试',
  'entity.account': '账号',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  unauthenticated: 'Please sign in first',
  bad_credentials: 'Wrong phone number or password',
  bad_code: 'The code is wrong or has expired',
  csrf: 'This page has expired; please reload and try again',
  'entity.account': 'account',
};
