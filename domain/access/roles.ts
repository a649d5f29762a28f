// Who may do what, and within which bounds. The one table every access decision reads.
export const ROLES = [
  'community_admin',
  'staff',
  'grid_leader',
  'team_leader',
  'unit_coordinator',
  'volunteer',
  'resident',
  // Above the community (PRODUCT.md item 18): offices that compare their communities' figures and never read a
  // record. They hold no community permission; a session in a region carries one of these roles.
  'street_admin',
  'district_admin',
  'city_admin',
] as const;
/** The roles of a region membership (region_membership), never of a community membership. */
export const REGION_ROLES = ['street_admin', 'district_admin', 'city_admin'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'registry.read', // grids, buildings, households, residents (masked)
  'registry.write', // add and edit households, residents, contacts, consents
  'registry.import', // Excel roster import
  'registry.export', // Excel export of a filtered list
  'registry.sensitive', // reveal ID numbers, health, disability, dibao (every reveal is audited)
  'audit.read', // the audit log
  'outbox.read', // the notification outbox (development channel)
  'volunteers.read', // volunteers, skills pool, teams, training and insurance records (ID numbers masked)
  'volunteers.write', // register a volunteer for someone, edit profiles, skills, availability
  'volunteers.approve', // approve or reject registrations
  'volunteers.sensitive', // reveal a volunteer's ID number (audited)
  'volunteers.import', // Excel import of volunteers
  'volunteers.export', // Excel export of volunteers
  'teams.manage', // teams, leaders, members, join requests
  'units.manage', // units and organisations
  'training.manage', // courses, sessions, attendance, certificates
  'insurance.manage', // policies and who they cover
  'party.read', // party members and their community reports
  'party.write', // party membership, reports, the posts list
  'volunteer.self', // my own volunteer profile, card, availability, join requests
  'needs.read', // needs, the household survey and the left-out monitor
  'needs.write', // take requests (hotline, office), record the survey, move a need along
  'needs.match', // rank volunteers for a need, confirm a match, batch matching
  'pairings.manage', // three-fixed pairings: create, change, end
  'appointments.manage', // bookable services, providers and schedules; book for a caller
  'resident.self', // my (or my family's) requests and bookings, ratings, WeChat binding
  'activities.manage', // activities, shifts, festival templates, performances; sign up members; mark attendance
  'hours.verify', // the verification queue: verify or correct hours entries
  'hours.grant', // honour hours, and the community's rounding, star and points rules
  'certificates.issue', // issue and revoke service certificates (志愿服务证明)
  'points.manage', // the love supermarket: items, stock, redemption by scan
  'recognition.nominate', // nominate volunteers for the quarterly commendation
  'recognition.approve', // approve and publish the commendation list
  'badges.manage', // love QR badges: issue, reissue, revoke, print; see scans; the duty phone
  'classroom.manage', // the 4:30 classroom: enrol children and pickup adults, sessions, the tutor rota, figures
  'classroom.attend', // check children in and out, arrival alerts, tutor logs (tutors: only on their rota days)
  'homecare.manage', // home care tasks, hospital accompaniment rotas, holiday delivery runs
  'publicity.manage', // announcements for the public site, the screen, posters and the WeChat group
  'notices.send', // write a notice to a team, a grid, volunteers with a skill, classroom guardians, a building
  'outbox.retry', // send a failed message again; set up the official account's menu
  'regions.read', // the tree of regions and communities the actor may see, and their figures side by side
  'regions.accounts', // the office accounts of the actor's region and the regions under it: add, list, remove
  'indicators.read', // the indicators dashboard: figures only, never a resident's record; the monthly report
  'projects.manage', // projects (志愿者+项目+特色服务): goal, budget, linked work, the report
  'selections.manage', // selections (评选): open, accept nominations, close, publish honours
  'org.read', // the organisation: the leadership group, social workers and their volunteers, the federation
  'org.manage', // edit the leadership group and the federation of social organisations
  'accounts.reset', // send a member of the community a code to set a new password (staff never learn it)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** community: everything in the community; grid: only the actor's grid; none: refused.
 * region: the figures of the communities under the actor's region (street, district or city), never a record. */
export type Scope = 'community' | 'grid' | 'team' | 'unit' | 'self' | 'region';

const ALL: Permission[] = [...PERMISSIONS];

export const ROLE_GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  // Every community permission; the regions overview is the offices' (a community's own tree comes with indicators).
  community_admin: Object.fromEntries(
    ALL.filter((p) => !p.startsWith('regions.')).map((p) => [p, 'community']),
  ) as Record<Permission, Scope>,
  staff: {
    'accounts.reset': 'community',
    'registry.read': 'community',
    'registry.write': 'community',
    'registry.import': 'community',
    'registry.export': 'community',
    'registry.sensitive': 'community',
    'outbox.read': 'community',
    'volunteers.read': 'community',
    'volunteers.write': 'community',
    'volunteers.approve': 'community',
    'volunteers.sensitive': 'community',
    'volunteers.import': 'community',
    'volunteers.export': 'community',
    'teams.manage': 'community',
    'units.manage': 'community',
    'training.manage': 'community',
    'insurance.manage': 'community',
    'party.read': 'community',
    'party.write': 'community',
    'volunteer.self': 'self',
    'needs.read': 'community',
    'needs.write': 'community',
    'needs.match': 'community',
    'pairings.manage': 'community',
    'appointments.manage': 'community',
    'resident.self': 'self',
    // Social workers lead volunteers (case study system 7): they run activities and verify hours;
    // granting honour hours, setting the rules and approving commendations stay with the admin.
    'activities.manage': 'community',
    'hours.verify': 'community',
    'certificates.issue': 'community',
    'points.manage': 'community',
    'recognition.nominate': 'community',
    // Care programmes are run by the social workers.
    'badges.manage': 'community',
    'classroom.manage': 'community',
    'classroom.attend': 'community',
    'homecare.manage': 'community',
    // Social workers write the community's publicity.
    'publicity.manage': 'community',
    'notices.send': 'community',
    'outbox.retry': 'community',
    'indicators.read': 'community',
    // Projects and selections are run by the social workers too.
    'projects.manage': 'community',
    'selections.manage': 'community',
    // The organisation chart is read by the social workers; the secretary's office keeps it.
    'org.read': 'community',
  },
  // A grid leader knows every household of the grid and keeps it current, but sees sensitive fields masked.
  // Import is bulk writing, so it has the same bounds as registry.write: only into the leader's own grid.
  // Party members are managed by grid (网格化管理): a grid leader reads those of the grid.
  // The survey and requests are door-to-door work: a grid leader records and follows the needs of the grid.
  grid_leader: {
    'registry.read': 'grid',
    'registry.write': 'grid',
    'registry.import': 'grid',
    'registry.export': 'grid',
    'party.read': 'grid',
    'volunteer.self': 'self',
    'needs.read': 'grid',
    'needs.write': 'grid',
    'resident.self': 'self',
    'classroom.attend': 'self',
    'indicators.read': 'grid',
  },
  // A team leader runs the team's activities (sign up members, scan cards at check-in) and nominates members.
  team_leader: {
    'volunteers.read': 'team',
    'teams.manage': 'team',
    'volunteer.self': 'self',
    'resident.self': 'self',
    'activities.manage': 'team',
    'recognition.nominate': 'team',
    'classroom.attend': 'self',
    // A team leader tells their own team (集合、调班), nobody else.
    'notices.send': 'team',
  },
  // A unit coordinator manages their own unit's volunteers and nobody else's.
  unit_coordinator: {
    'volunteers.read': 'unit',
    'volunteers.write': 'unit',
    'volunteers.export': 'unit',
    'volunteer.self': 'self',
    'resident.self': 'self',
    'classroom.attend': 'self',
  },
  // classroom.attend 'self': a volunteer tutor (of any role) checks children in and out only on their rota days.
  volunteer: { 'volunteer.self': 'self', 'resident.self': 'self', 'classroom.attend': 'self' },
  resident: { 'volunteer.self': 'self', 'resident.self': 'self' },
  // Figures of the communities under their region, nothing else: no record, not even their own (a street admin who
  // is also a resident switches to that community membership for that).
  street_admin: { 'regions.read': 'region', 'regions.accounts': 'region', 'indicators.read': 'region' },
  district_admin: { 'regions.read': 'region', 'regions.accounts': 'region', 'indicators.read': 'region' },
  city_admin: { 'regions.read': 'region', 'regions.accounts': 'region', 'indicators.read': 'region' },
};

export function scopeOf(role: Role, permission: Permission): Scope | null {
  return ROLE_GRANTS[role]?.[permission] ?? null;
}

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  community_admin: { zh: '书记/主任', en: 'Community admin' },
  staff: { zh: '社工', en: 'Staff' },
  grid_leader: { zh: '网格长', en: 'Grid leader' },
  team_leader: { zh: '队长', en: 'Team leader' },
  unit_coordinator: { zh: '驻区单位联络人', en: 'Unit coordinator' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
  resident: { zh: '居民/家属', en: 'Resident / family' },
  street_admin: { zh: '街道管理员', en: 'Street office admin' },
  district_admin: { zh: '区级管理员', en: 'District admin' },
  city_admin: { zh: '市级管理员', en: 'City admin' },
};

export const PERMISSION_LABELS: Record<Permission, { zh: string; en: string }> = {
  'registry.read': { zh: '查看居民档案', en: 'read the registry' },
  'registry.write': { zh: '修改居民档案', en: 'change the registry' },
  'registry.import': { zh: '导入居民名单', en: 'import rosters' },
  'registry.export': { zh: '导出名单', en: 'export lists' },
  'registry.sensitive': { zh: '查看敏感信息', en: 'see sensitive fields' },
  'audit.read': { zh: '查看审计日志', en: 'read the audit log' },
  'outbox.read': { zh: '查看消息发件箱', en: 'read the outbox' },
  'volunteers.read': { zh: '查看志愿者', en: 'read volunteers' },
  'volunteers.write': { zh: '登记和修改志愿者', en: 'register and edit volunteers' },
  'volunteers.approve': { zh: '审核志愿者注册', en: 'approve registrations' },
  'volunteers.sensitive': { zh: '查看志愿者身份证号', en: "see volunteers' ID numbers" },
  'volunteers.import': { zh: '导入志愿者', en: 'import volunteers' },
  'volunteers.export': { zh: '导出志愿者', en: 'export volunteers' },
  'teams.manage': { zh: '管理服务队', en: 'manage teams' },
  'units.manage': { zh: '管理驻区单位', en: 'manage units' },
  'training.manage': { zh: '管理培训', en: 'manage training' },
  'insurance.manage': { zh: '管理服务保险', en: 'manage insurance' },
  'party.read': { zh: '查看党员', en: 'read party members' },
  'party.write': { zh: '管理党员报到', en: 'manage party members' },
  'volunteer.self': { zh: '管理我的志愿者信息', en: 'manage my volunteer profile' },
  'needs.read': { zh: '查看需求和摸查', en: 'read needs and the survey' },
  'needs.write': { zh: '登记和处理需求', en: 'take and handle needs' },
  'needs.match': { zh: '需求对接（匹配志愿者）', en: 'match needs to volunteers' },
  'pairings.manage': { zh: '管理三定结对', en: 'manage three-fixed pairings' },
  'appointments.manage': { zh: '管理预约服务', en: 'manage appointments' },
  'resident.self': { zh: '我的求助和预约', en: 'my requests and bookings' },
  'activities.manage': { zh: '管理志愿活动', en: 'manage activities' },
  'hours.verify': { zh: '审核服务时长', en: 'verify service hours' },
  'hours.grant': { zh: '授予荣誉时长和设置规则', en: 'grant honour hours and set the rules' },
  'certificates.issue': { zh: '开具服务证明', en: 'issue service certificates' },
  'points.manage': { zh: '管理爱心超市', en: 'manage the love supermarket' },
  'recognition.nominate': { zh: '推荐表彰人选', en: 'nominate for commendation' },
  'recognition.approve': { zh: '审批表彰名单', en: 'approve commendations' },
  'badges.manage': { zh: '管理爱心二维码', en: 'manage love badges' },
  'classroom.manage': { zh: '管理四点半课堂', en: 'manage the 4:30 classroom' },
  'classroom.attend': { zh: '四点半课堂签到签退', en: '4:30 classroom check-in and check-out' },
  'homecare.manage': { zh: '管理居家照护和节日慰问', en: 'manage home care and holiday deliveries' },
  'publicity.manage': {
    zh: '发布宣传（公开页、大屏、海报、群消息）',
    en: 'publish announcements (site, screen, posters, group text)',
  },
  'notices.send': { zh: '发送通知', en: 'send notices' },
  'outbox.retry': {
    zh: '重发失败的消息、设置公众号菜单',
    en: 'resend failed messages and set the official account menu',
  },
  'regions.read': { zh: '查看辖区社区', en: 'see the communities under an office' },
  'regions.accounts': { zh: '管理辖区账号', en: "manage the office accounts of one's region" },
  'indicators.read': { zh: '查看指标看板', en: 'read the indicators dashboard' },
  'projects.manage': { zh: '管理志愿服务项目', en: 'manage projects' },
  'selections.manage': { zh: '管理评选', en: 'manage selections' },
  'org.read': { zh: '查看组织架构', en: 'read the organisation' },
  'org.manage': { zh: '管理领导小组和社会组织联合会', en: 'manage the leadership group and the federation' },
  'accounts.reset': {
    zh: '为他人重置密码（验证码发给本人）',
    en: 'reset another person’s password (the code goes to them)',
  },
};
