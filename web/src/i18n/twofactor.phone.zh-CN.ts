// Strings of two-step verification (两步验证) in the base bundle: the sign-in page's second step.
export const twoFactorPhoneZhCN = {
  twoStep: {
    title: '两步验证',
    lead: '您的账号开启了两步验证。请打开手机上的验证器 App（如腾讯身份验证器、Google Authenticator、Microsoft Authenticator），输入“邻里 Linli”下显示的 6 位数字。',
    code: '验证器上的 6 位数字',
    codeHint: '手机不在身边？可以输入一个恢复码（如 abcd-efgh-jkmn），每个恢复码只能用一次。',
    codeInvalid: '请输入 6 位数字或一个恢复码',
    submit: '验证并登录',
    back: '返回，换个账号登录',
  },
};
