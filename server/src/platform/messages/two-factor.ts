// Server messages of two-factor sign-in and of the sign-in wait (issue 16).

export const zh = {
  sign_in_wait: '尝试次数过多，为保护账号安全，请 {minutes} 分钟后再试',
  two_factor_bad_code: '动态验证码或恢复码不正确。请打开验证器 App 输入最新的 6 位数字，或输入一个未用过的恢复码',
  two_factor_expired: '登录已超时，请重新输入手机号和密码',
  two_factor_enrolment_required: '社区要求您开启两步验证。请先在“两步验证”页面完成设置，再使用其他功能',
  two_factor_not_started: '请先点“开始设置”，再输入验证器 App 上的数字',
  two_factor_already_on: '两步验证已经开启',
  two_factor_not_on: '两步验证尚未开启',
  two_factor_reset_self: '不能重置自己的两步验证。请用验证器上的数字或恢复码自己关闭，或请另一位管理员重置',
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  sign_in_wait: 'Too many attempts. To keep the account safe, please try again in {minutes} min',
  two_factor_bad_code:
    'The code is wrong. Enter the latest 6 digits from your authenticator app, or a recovery code you have not used',
  two_factor_expired: 'The sign-in took too long; please enter your phone number and password again',
  two_factor_enrolment_required:
    'Your community requires two-step verification. Set it up on the "Two-step verification" page first',
  two_factor_not_started: 'Press "Start" first, then enter the digits from your authenticator app',
  two_factor_already_on: 'Two-step verification is already on',
  two_factor_not_on: 'Two-step verification is not on',
  two_factor_reset_self:
    'You cannot reset your own two-step verification. Turn it off with a code, or ask another admin to reset it',
};
