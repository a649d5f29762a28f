// The people who can sign in to the demo: Xiguan's 12 staff (the secretary and the director lead), a leader
// for each grid, a team leader, a unit coordinator, a volunteer and a resident's family member. Their phone
// numbers are 1380000 + four digits; other demo communities use another seven-digit prefix.
import type { Role } from '../../domain/access/roles.ts';

export const DEMO_PHONE_PREFIX = '1380000';

/** The volunteer account's resident: a retired woman who volunteers. */
export const VOLUNTEER_NAME = '刘红梅';
/** The family account's resident, also the registry's search example: his widowed mother lives alone nearby. */
export const FAMILY_NAME = '李泽钦';

export interface DemoPerson {
  /** The last four digits of the phone number. */
  suffix: string;
  name: string;
  role: Role;
  title: string | null;
  /** For grid leaders: which grid (0 = the first). */
  gridIndex?: number;
  /** Volunteer and family accounts are residents too: their membership points at them. */
  resident?: 'volunteer' | 'family';
}

const STAFF: DemoPerson[] = [
  { suffix: '0001', name: '杨淑芳', role: 'community_admin', title: '书记' },
  { suffix: '0002', name: '赵婷', role: 'staff', title: '社工' },
  { suffix: '0010', name: '陈志刚', role: 'community_admin', title: '主任' },
  { suffix: '0011', name: '王丽娟', role: 'staff', title: '副主任' },
  { suffix: '0012', name: '张海燕', role: 'staff', title: '民政专干' },
  { suffix: '0013', name: '刘军', role: 'staff', title: '党建专干' },
  { suffix: '0014', name: '高晓梅', role: 'staff', title: '残联专干' },
  { suffix: '0015', name: '何涛', role: 'staff', title: '综治专干' },
  { suffix: '0016', name: '周雪', role: 'staff', title: '社保专干' },
  { suffix: '0017', name: '吴彩霞', role: 'staff', title: '计生专干' },
  { suffix: '0018', name: '郭鹏', role: 'staff', title: '文书' },
  { suffix: '0019', name: '宋佳怡', role: 'staff', title: '社工' },
];

// The first grid's leader has the easy number 13800000003; the others 13800000031, 32, …
const GRID_LEADER_NAMES = [
  '马建军',
  '冯建平',
  '田秀娟',
  '任永强',
  '白丽萍',
  '侯小军',
  '魏春梅',
  '薛斌',
  '康文博',
  '秦丽华',
  '段海涛',
  '乔晓燕',
];

export function demoPeople(grids: number): DemoPerson[] {
  const leaders: DemoPerson[] = [];
  for (let g = 0; g < grids; g++) {
    leaders.push({
      suffix: g === 0 ? '0003' : String(30 + g).padStart(4, '0'),
      name: GRID_LEADER_NAMES[g % GRID_LEADER_NAMES.length]!,
      role: 'grid_leader',
      title: '网格长',
      gridIndex: g,
    });
  }
  return [
    ...STAFF,
    ...leaders,
    { suffix: '0004', name: '党卫东', role: 'team_leader', title: '邻里互助服务队队长' },
    { suffix: '0005', name: '孙丽华', role: 'unit_coordinator', title: '宝鸡市第一中学联络人' },
    { suffix: '0006', name: VOLUNTEER_NAME, role: 'volunteer', title: null, resident: 'volunteer' },
    { suffix: '0007', name: FAMILY_NAME, role: 'resident', title: null, resident: 'family' },
  ];
}

export interface DemoSignIn {
  phone: string;
  role: Role;
  name: string;
  title: string | null;
  sees: { zh: string; en: string };
}

// What each role sees, for the sign-in list.
const SEES: Record<string, { zh: string; en: string }> = {
  '0001': {
    zh: '全社区：居民台账（敏感信息可查看，每次留痕）、审计日志、通知发件箱',
    en:
      'The whole community: the registry (sensitive fields on request, each reveal audited), the audit log, ' +
      'the outbox',
  },
  '0002': {
    zh: '全社区居民台账：登记、导入导出、敏感信息查看（留痕）；爱心二维码、四点半课堂、居家照护和节日慰问',
    en:
      'The whole registry: add and edit, import and export, reveal sensitive fields (audited); love badges, the ' +
      '4:30 classroom, home care and holiday deliveries',
  },
  '0003': {
    zh: '第一网格的楼栋、住户和居民（敏感信息打码）',
    en: "Grid 1's buildings, households and residents (sensitive fields masked)",
  },
  '0004': {
    zh: '所带的邻里互助服务队：队员、入队申请和活动签到（他本人也是志愿者）',
    en: 'The squad he leads (邻里互助服务队): its members, join requests and activity check-in (he is a volunteer too)',
  },
  '0005': {
    zh: '宝鸡市第一中学的13名在职党员教师志愿者及其服务时长（她也是其中一员）',
    en: "Baoji No. 1 Middle School's 13 party-member teacher volunteers and their hours (she is one of them)",
  },
  '0006': {
    zh: '自己的志愿者证、服务队、技能、培训、保险、时长、星级和积分；四点半课堂值班（上课日）、居家照护任务和春节慰问（她也是社区居民）',
    en:
      'Her volunteer card, squad, skills, training, insurance, hours, star level and points; 4:30 classroom duty ' +
      'on school days, home care tasks and the Spring Festival deliveries (she is a resident too)',
  },
  '0007': {
    zh: '自己家和独居母亲的求助、预约与爱心二维码',
    en: 'Requests, bookings and the love badge for his household and his mother, who lives alone',
  },
};

/**
 * One account per role, as the server prints them on start and the README lists them (the password is DEMO_PASSWORD in
 * server/src/demo.ts).
 */
export const DEMO_SIGN_INS: DemoSignIn[] = demoPeople(8)
  .filter((p) => SEES[p.suffix])
  .sort((a, b) => a.suffix.localeCompare(b.suffix))
  .map((p) => ({
    phone: DEMO_PHONE_PREFIX + p.suffix,
    role: p.role,
    name: p.name,
    title: p.title,
    sees: SEES[p.suffix]!,
  }));
