// English strings of passwords and first setup.
import type { Translation } from './resource.ts';
import type { accountsZhCN } from './accounts.phone.zh-CN.ts';

export const accountsEn: Translation<typeof accountsZhCN> = {
  accounts: {
    changeTitle: 'Change password',
    changeLink: 'Change password',
    changeLead: 'After the change you are signed out on your other phones and computers; this device stays signed in.',
    current: 'Current password',
    newPassword: 'New password',
    newHint: 'At least 10 characters. Not a common one like 123456 or woaini1314, and not your phone number.',
    confirm: 'New password again',
    mismatch: 'The two new passwords differ',
    required: 'Please fill this in',
    save: 'Save the new password',
    saving: 'Saving…',
    changed: 'Password changed. You were signed out on your other devices.',
    forgotLink: 'Forgot your password?',
    resetTitle: 'Set a new password with a code',
    resetLead:
      'If you forgot your password, ask the community staff to send a password reset code to your phone, then ' +
      'enter it here with a new password. Staff see neither the code nor your new password.',
    code: 'Reset code',
    codeHint: 'The 6 digits in the text message, valid for 30 minutes',
    codeInvalid: 'Enter the 6 digits from the text message',
    resetSubmit: 'Set the new password',
    resetDone: 'Your new password is set. Please sign in with it.',
    toSignIn: 'Sign in',
    sendTitle: 'Reset a password',
    sendLead:
      'Enter the phone number of a member of this community: the reset code goes to their own phone. You see ' +
      'neither the code nor the new password. Tell them to tap “Forgot your password?” on the sign-in page and ' +
      'set a new one with the code.',
    sendPhone: 'Member’s phone number',
    send: 'Send a reset code',
    sent: 'Sent to {{phone}}; valid for {{minutes}} minutes.',
    setupTitle: 'First setup: the community and its admin',
    setupLead:
      'This is the one-time link the server printed at start; it works once. It creates the first community ' +
      'and its admin account.',
    setupPlace: 'Where the community is',
    setupAdmin: 'Admin',
    communityName: 'Community name',
    city: 'City',
    district: 'District (county)',
    street: 'Street office',
    adminName: 'Admin’s name',
    adminPhone: 'Admin’s mobile number',
    password: 'Admin’s password',
    setupSubmit: 'Create the community',
    setupDone: 'Community {{name}} is set up. Sign in with the admin’s phone number and the password you chose.',
    setupNoToken: 'The link is incomplete: copy the whole link the server printed, including the part after #.',
  },
};
