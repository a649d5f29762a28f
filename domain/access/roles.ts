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
  grid_leader: { 'registry.read': 'grid', 'registry.write': 'grid', 'registry.export': 'grid' },
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
