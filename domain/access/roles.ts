// Who may do what, and within which bounds. The one table every access decision reads.
export const ROLES = ['community_admin', 'staff', 'grid_leader', 'team_leader', 'unit_coordinator', 'volunteer', 'resident'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'registry.read',          // grids, buildings, households, residents (masked)
  'registry.write',         // add and edit households, residents, contacts, consents
  'registry.import',        // Excel roster import
  'registry.export',        // Excel export of a filtered list
  'registry.sensitive',     // reveal ID numbers, health, disability, dibao (every reveal is audited)
  'audit.read',             // the audit log
  'outbox.read',            // the notification outbox (development channel)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** community: everything in the community; grid: only the actor's grid; none: refused. */
export type Scope = 'community' | 'grid' | 'team' | 'unit' | 'self';

const ALL: Permission[] = [...PERMISSIONS];

export const ROLE_GRANTS: Record<Role, Partial<Record<Permission, Scope>>> = {
  community_admin: Object.fromEntries(ALL.map((p) => [p, 'community'])) as Record<Permission, Scope>,
  staff: {
    'registry.read': 'community', 'registry.write': 'community', 'registry.import': 'community',
    'registry.export': 'community', 'registry.sensitive': 'community', 'outbox.read': 'community',
  },
  // A grid leader knows every household of the grid and keeps it current, but sees sensitive fields masked.
  // Import is bulk writing, so it has the same bounds as registry.write: only into the leader's own grid.
  grid_leader: { 'registry.read': 'grid', 'registry.write': 'grid', 'registry.import': 'grid', 'registry.export': 'grid' },
  team_leader: {},
  unit_coordinator: {},
  volunteer: {},
  resident: {},
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
};

export const PERMISSION_LABELS: Record<Permission, { zh: string; en: string }> = {
  'registry.read': { zh: '查看居民档案', en: 'read the registry' },
  'registry.write': { zh: '修改居民档案', en: 'change the registry' },
  'registry.import': { zh: '导入居民名单', en: 'import rosters' },
  'registry.export': { zh: '导出名单', en: 'export lists' },
  'registry.sensitive': { zh: '查看敏感信息', en: 'see sensitive fields' },
  'audit.read': { zh: '查看审计日志', en: 'read the audit log' },
  'outbox.read': { zh: '查看消息发件箱', en: 'read the outbox' },
};
