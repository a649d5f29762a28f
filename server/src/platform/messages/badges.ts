// Server messages of the badges area: the love QR badge (爱心二维码). Keys are error codes and validation keys; ../i18n.ts
// joins every area into one table per language.

export const zh = {
  badge_exists: '这位居民已有一张在用的爱心二维码；如需新卡，请在原卡上“重新制作”',
  badge_not_active: '这张爱心二维码已停用或已被新卡替换，不能再修改、打印或停用',
  'badges.phoneInvalid': '请填写有效的电话号码（座机或手机）',
  'badges.mobileInvalid': '请填写 11 位手机号码',
  'badges.labelRequired': '请填写称呼（如：儿子、女儿）',
  'badges.nicknameRequired': '请填写昵称（扫码页面上显示的称呼，不要用真实姓名）',
  'badges.nicknameTooLong': '昵称最多 20 个字',
  'badges.cautionsTooLong': '嘱托最多 300 个字',
  'badges.contactRequired': '至少需要一位家人的电话',
  'badges.tooManyContacts': '最多 5 位联系人',
  'badges.tooManyPhones': '值班通知号码最多 10 个',
  'badges.reasonRequired': '请填写停用原因（至少 2 个字）',
  'entity.badge': '爱心二维码',
  badge_consent_required: '这位居民的爱心二维码同意已撤回或从未登记：请先登记本人或监护人的同意，再制作新卡',
  'badges.consentRequired': '请登记本人或监护人对爱心二维码的同意（扫码页会显示家人电话，并记录老人被发现的位置）',
  'badges.nicknameIsName': '昵称不能包含老人的真实姓名',
  'badges.cautionsHaveName': '嘱托不能包含老人的真实姓名',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  badge_exists: 'This resident already has a working love badge; to make a new card, reissue that one',
  badge_not_active:
    'This love badge has been stopped or replaced by a new card; it can no longer be changed, printed or stopped',
  'badges.phoneInvalid': 'Enter a valid phone number (landline or mobile)',
  'badges.mobileInvalid': 'Enter an 11-digit mobile number',
  'badges.labelRequired': 'Enter how the contact is called (e.g. son, daughter)',
  'badges.nicknameRequired': 'Enter a nickname (shown on the page; not the real name)',
  'badges.nicknameTooLong': 'A nickname is at most 20 characters',
  'badges.cautionsTooLong': 'Cautions are at most 300 characters',
  'badges.contactRequired': "At least one family member's phone is needed",
  'badges.tooManyContacts': 'At most 5 contacts',
  'badges.tooManyPhones': 'At most 10 duty notification phones',
  'badges.reasonRequired': 'Give the reason for stopping it (at least 2 characters)',
  'entity.badge': 'love badge',
  badge_consent_required:
    "This resident's love badge consent was withdrawn or never recorded: record the consent of the person or their " +
    'guardian before making a new card',
  'badges.consentRequired':
    "Record the consent of the person or their guardian to the love badge (the page shows the family's phones and " +
    'logs where the person was found)',
  'badges.nicknameIsName': "The nickname must not contain the person's real name",
  'badges.cautionsHaveName': "The cautions must not contain the person's real name",
};
