// English console strings of two-step verification.
import type { Translation } from './resource.ts';
import type { twoFactorConsoleZhCN } from './twofactor.console.zh-CN.ts';

export const twoFactorConsoleEn: Translation<typeof twoFactorConsoleZhCN> = {
  twoFactor: {
    menu: 'Two-step verification',
    title: 'Two-step verification',
    lead:
      'Once on, signing in needs, besides the password (or text code), the 6 digits an authenticator ' +
      'app on your phone shows, changing every 30 seconds. Someone who learns your password still ' +
      'cannot sign in.',
    requiredAlert: 'Your community requires two-step verification. Set it up below before using anything else.',
    mine: 'My two-step verification',
    on: 'On (since {{date}})',
    off: 'Off',
    codesLeft: '{{n}} recovery codes left',
    apps:
      'First install an authenticator app on your phone: Tencent Authenticator (腾讯身份验证器), Google ' +
      'Authenticator or Microsoft Authenticator.',
    start: 'Start',
    scan: 'Step 1: scan this QR code with the authenticator app',
    qrAlt: 'Two-step verification QR code: scan it with an authenticator app',
    manual: 'Cannot scan? In the app choose “Enter a setup key”, put your phone number as the account, and this key:',
    copySecret: 'Copy the key',
    copied: 'Copied',
    confirmStep: 'Step 2: enter the 6 digits the app shows',
    code: '6 digits',
    confirm: 'Turn on',
    codeInvalid: 'Enter the 6 digits',
    recoveryTitle: 'Keep your recovery codes',
    recoveryLead:
      'If your phone is lost or replaced, a recovery code signs you in instead of the app’s digits; ' +
      'each works once. They are shown only now: write them down or print them and keep them safe.',
    copyCodes: 'Copy all recovery codes',
    saved: 'I have kept the recovery codes',
    disableTitle: 'Turn two-step verification off',
    disableLead: 'Enter the app’s current 6 digits (or a recovery code) to turn it off.',
    disableCode: '6 digits or a recovery code',
    disable: 'Turn off',
    disabled: 'Two-step verification is off',
    policyTitle: 'Community requirement',
    policyLead:
      'Graded protection (等保) asks administrators to sign in with two factors. When required, people ' +
      'who have not set it up can only set it up after signing in.',
    admins: 'Require it of admins',
    staff: 'Require it of social workers',
    saved2: 'Saved',
    people: 'Admins and social workers',
    name: 'Name',
    role: 'Role',
    state: 'Two-step verification',
    stateOn: 'On',
    stateOff: 'Off',
    stateMissing: 'Off (required)',
    actions: 'Actions',
    reset: 'Reset',
    resetConfirm:
      'Reset two-step verification of {{name}}? They will sign in with the password alone and set it ' +
      'up again when needed. They are told by text, and it is audited.',
    resetDone: 'Reset; they have been told by text',
  },
};
