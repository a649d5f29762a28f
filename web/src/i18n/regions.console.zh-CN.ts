// Console strings of the offices above the community (街道, 区, 市).
export const regionsConsoleZhCN = {
  regions: {
    title: {
      street: '街道总览',
      district: '区级总览',
      city: '市级总览',
      community: '社区总览',
    },
    lead: '辖区各社区的数据并排对比，可逐级查看到网格。这里只有统计数字，不含任何居民或志愿者的个人档案。',
    tree: '辖区',
    treeHint: '选择街道或社区查看',
    communities: '{{name}}的社区（{{count}} 个）',
    community: '社区',
    street: '街道',
    grid: '网格',
    grids: '网格数',
    households: '户数',
    residents: '常住居民',
    volunteers: '志愿者',
    total: '合计',
    gridsOf: '{{name}}的网格',
    open: '查看网格',
    back: '返回 {{name}}',
    none: '该辖区下还没有社区',
    kind: { city: '市', district: '区', street: '街道', community: '社区', grid: '网格' },
  },
};
