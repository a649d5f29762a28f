// Server messages of the records area: service certificates, points and the points supermarket. Keys are error codes
// and validation keys; ../i18n.ts joins every area into one table per language.

export const zh = {
  certificate_revoked: '证明 {number} 已撤销，不能再下载或撤销',
  insufficient_points: '积分不足：现有 {balance} 分，这次兑换需要 {needed} 分，未做任何扣减',
  out_of_stock: '“{item}”库存不足：剩 {stock} 件，要兑换 {wanted} 件，未做任何扣减',
  'certificates.periodReversed': '开始日期不能晚于结束日期',
  'certificates.noService': '这段时间内没有经核实的志愿服务记录，无法出具证明',
  'certificates.reasonRequired': '请填写撤销原因（至少 2 个字）',
  'certificates.prefixInvalid': '编号前缀应为 1–6 个大写英文字母，如 XG',
  'certificates.phoneInvalid': '请填写有效的联系电话（座机或手机）',
  'points.priceInvalid': '所需积分应为 1 到 100000 之间的整数',
  'points.stockInvalid': '库存应为 0 到 100000 之间的整数',
  'points.quantityInvalid': '数量应为正整数',
  'points.nothingChosen': '请至少选择一件物品',
  'points.itemUnavailable': '该物品不存在或已下架',
  'entity.service_certificate': '志愿服务记录证明',
  'entity.supermarket_item': '爱心超市物品',
} satisfies Record<string, string>;

// English has exactly the keys of the Chinese table: the type refuses a missing or an extra one.
export const en: Record<keyof typeof zh, string> = {
  certificate_revoked: 'Certificate {number} has been revoked; it can no longer be downloaded or revoked',
  insufficient_points: 'Not enough points: {balance} available, this redemption needs {needed}. Nothing was deducted',
  out_of_stock: 'Not enough "{item}" in stock: {stock} left, {wanted} wanted. Nothing was deducted',
  'certificates.periodReversed': 'The start date cannot be after the end date',
  'certificates.noService': 'There is no verified volunteer service in this period, so no certificate can be issued',
  'certificates.reasonRequired': 'Give the reason for revoking (at least 2 characters)',
  'certificates.prefixInvalid': 'The number prefix is 1–6 capital letters, such as XG',
  'certificates.phoneInvalid': 'Enter a valid contact phone (landline or mobile)',
  'points.priceInvalid': 'The price is a whole number of points from 1 to 100000',
  'points.stockInvalid': 'Stock is a whole number from 0 to 100000',
  'points.quantityInvalid': 'The quantity must be a whole number above 0',
  'points.nothingChosen': 'Choose at least one item',
  'points.itemUnavailable': 'This item does not exist or is off the shelf',
  'entity.service_certificate': 'service certificate',
  'entity.supermarket_item': 'love supermarket item',
};
