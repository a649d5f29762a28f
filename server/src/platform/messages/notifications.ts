// Server messages of the notifications area: the outbox's delivery status and the official account's menu. Keys are
// error codes and validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  outbox_not_failed: '只有发送失败的消息才能重发',
  outbox_code_not_resent: '验证码不能重发：请本人重新获取验证码',
  wechat_not_configured: '尚未配置公众号的 AppID 和 AppSecret（LINLI_WECHAT_APP_ID / LINLI_WECHAT_APP_SECRET）',
  'entity.outboxMessage': '消息',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  outbox_not_failed: 'Only a message that failed can be sent again',
  outbox_code_not_resent: 'A code is not sent again: ask the person to request a new code',
  wechat_not_configured:
    'The official account has no AppID and AppSecret configured (LINLI_WECHAT_APP_ID / LINLI_WECHAT_APP_SECRET)',
  'entity.outboxMessage': 'message',
};
