import type { Role } from '../../../../domain/access/roles.ts';

/** Which "coming soon" note a role reads on its phone home (keys of home.coming.*). */
export function comingKey(role: Role): 'volunteer' | 'resident' | 'team_leader' | 'unit_coordinator' | 'staff' {
  if (role === 'volunteer' || role === 'resident' || role === 'team_leader' || role === 'unit_coordinator') return role;
  return 'staff';
}
