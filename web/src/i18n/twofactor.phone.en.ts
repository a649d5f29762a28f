// English strings of two-step verification in the base bundle.
import type { Translation } from './resource.ts';
import type { twoFactorPhoneZhCN } from './twofactor.phone.zh-CN.ts';

export const twoFactorPhoneEn: Translation<typeof twoFactorPhoneZhCN> = {
  twoStep: {
    title: 'Two-step verification',
    lead:
      'Your account uses two-step verification. Open the authenticator app on your phone (Tencent ' +
      'Authenticator, Google Authenticator, Microsoft Authenticator) and enter the 6 digits shown ' +
      'under “邻里 Linli”.',
    code: '6 digits from the app',
    codeHint: 'Phone not with you? Enter a recovery code (like abcd-efgh-jkmn); each works once.',
    codeInvalid: 'Enter the 6 digits or a recovery code',
    submit: 'Verify and sign in',
    back: 'Back, sign in with another account',
  },
};
