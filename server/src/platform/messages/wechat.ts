// Server messages of the wechat area: the WeChat official account endpoint. Keys are error codes and validation keys;
// ../i18n.ts joins every area into one table per language.

export const zh = {
  bad_signature: '签名校验失败',
  stale_request: '请求已过期或重复',
  'entity.wechat': '微信公众号接入',
  'invalid.xml': 'XML 格式不正确',
  'invalid.xmlDoctype': '不接受 DOCTYPE 或实体声明',
  'invalid.xmlEntity': '不接受自定义实体',
  'invalid.xmlNested': '不接受嵌套元素',
  'invalid.xmlTooLarge': '消息过大（最多 16 KB）',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  bad_signature: 'The signature does not match',
  stale_request: 'The request is too old or was already handled',
  'entity.wechat': 'WeChat endpoint',
  'invalid.xml': 'Malformed XML',
  'invalid.xmlDoctype': 'DOCTYPE and entity declarations are refused',
  'invalid.xmlEntity': 'Custom entities are refused',
  'invalid.xmlNested': 'Nested elements are refused',
  'invalid.xmlTooLarge': 'The message is too large (at most 16 KB)',
};
