// Console strings of certificates and the love supermarket (issue 5, records).
export const recordsConsoleZhCN = {
  certs: {
    title: '服务证明', lead: '为志愿者出具《志愿服务记录证明》：只统计本社区记录并审核通过的服务时长（谁记录谁证明），荣誉时长单列、不计入服务时长。证明出具后内容固定，之后的更正不会改变已出具的证明；如有错误请撤销后重新出具。',
    issue: '出具证明', volunteer: '志愿者', from: '开始日期', to: '结束日期', periodHint: '不填则为该志愿者全部已认定的服务，截至今天',
    issued: '已出具 {{number}}', number: '编号', name: '志愿者', period: '服务期间', hours: '服务时长（小时）', honour: '荣誉时长', status: '状态',
    issuedAt: '出具', handler: '经办人', download: '下载 PDF', revoke: '撤销', revokeTitle: '撤销证明 {{number}}', reason: '撤销原因', revoked: '已撤销',
    statusValue: { valid: '有效', revoked: '已撤销' }, allStatus: '全部状态', search: '编号或姓名', empty: '还没有出具过证明。',
    settings: '出具单位设置', settingsHint: '证明上印的出具单位、负责人、经办人和联系电话；编号格式为 前缀-年份-序号。', notConfigured: '尚未设置出具单位信息，证明将使用默认值（联系电话为空）。请先完成设置。',
    issuerName: '出具单位', responsiblePerson: '负责人', handlerName: '默认经办人（志愿者自助申请时）', contactPhone: '联系电话', prefix: '编号前缀',
    pointsRules: '积分规则在“服务时长 → 规则设置”中设置。',
  },
  shop: {
    title: '爱心超市', lead: '志愿者凭服务积分兑换物品。扫描志愿者证（或输入证上的编码），选择物品，确认兑换；积分或库存不足时不会扣减任何东西。',
    redeem: '兑换', items: '物品与库存', history: '兑换记录',
    card: '志愿者证编码', cardHint: '扫码枪扫描或手动输入志愿者证二维码中的编码', find: '查找', balance: '可用积分 {{n}}', debt: '待抵扣 {{n}}',
    choose: '选择物品', quantity: '数量', total: '合计 {{n}} 分', confirm: '确认兑换', redeemed: '已兑换，扣除 {{n}} 分', clear: '清空', notEnough: '积分不足',
    addItem: '新增物品', name: '名称', price: '所需积分', stock: '库存', active: '上架', inactive: '已下架', restock: '入库', restockQty: '入库数量', note: '备注',
    saved: '已保存', when: '时间', volunteer: '志愿者', what: '物品', points: '积分', handledBy: '经办人', empty: '还没有物品，请先新增。', noHistory: '还没有兑换记录。',
    edit: '修改',
  },
};
