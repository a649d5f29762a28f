// The session as React sees it: who is signed in, what they may do, and where their home is.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { scopeOf, type Permission, type Role, type Scope } from '../../../../domain/access/roles.ts';
import { fetchMe, signOut } from './api.ts';
import type { Me } from './types.ts';

export const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
}

/** Use under a guard that has already loaded the session. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in route');
  return data;
}

export function useCan(permission: Permission): boolean {
  const { data } = useMe();
  return !!data?.permissions.includes(permission);
}

/** How far a permission reaches for the signed-in role (community, team, ...), from the same table the server
 * reads; the server still decides, this only keeps the page from offering what it would refuse. */
export function useScope(permission: Permission): Scope | null {
  const { data } = useMe();
  return data && data.permissions.includes(permission) ? scopeOf(data.role, permission) : null;
}

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return !!me?.permissions.includes(permission);
}

/** The office works at a desk (the console); everyone else, grid and team leaders and unit coordinators included,
 * starts on the phone home, which leads on to the console pages of their work. */
export function roleHome(role: Role): string {
  if (role === 'community_admin' || role === 'staff') return '/console';
  // Street, district and city offices compare their communities at a desk.
  if (role === 'street_admin' || role === 'district_admin' || role === 'city_admin') return '/console/regions';
  return '/m';
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return null;
  return next;
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}
