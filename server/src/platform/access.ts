// The one place that decides access. Routes declare a permission (or `public`); this checks the role
// holds it and returns the scope it holds it in. Services then call `inScope` for each record they touch.
import { scopeOf, type Permission, type Scope } from '../../../domain/access/roles.ts';
import type { Actor } from './actor.ts';
import { AppError } from './errors.ts';

export interface Grant {
  permission: Permission;
  scope: Scope;
}

export function authorize(actor: Actor, permission: Permission): Grant {
  const scope = scopeOf(actor.role, permission);
  if (!scope) throw new AppError('forbidden', { role: actor.role, permission });
  return { permission, scope };
}

export function can(actor: Actor, permission: Permission): boolean {
  return scopeOf(actor.role, permission) !== null;
}

/** What a record belongs to, as far as scopes go. Community is already fixed by the session. */
export interface Owner {
  gridId?: string | null;
  unitId?: string | null;
  teamIds?: readonly string[];
  accountId?: string | null;
}

/** Does a record with these owners fall inside the grant? */
export function inScope(actor: Actor, grant: Grant, owner: Owner): boolean {
  switch (grant.scope) {
    case 'community':
      return true;
    case 'grid':
      return !!actor.gridId && owner.gridId === actor.gridId;
    case 'unit':
      return !!actor.unitId && owner.unitId === actor.unitId;
    case 'team':
      return !!actor.teamId && !!owner.teamIds?.includes(actor.teamId);
    case 'self':
      return owner.accountId === actor.accountId;
    default:
      return false;
  }
}

export function assertInScope(actor: Actor, grant: Grant, owner: Owner): void {
  if (!inScope(actor, grant, owner)) throw new AppError('out_of_scope', { scope: grant.scope });
}

/** The grid a list must be limited to, or null for the whole community. */
export function gridFilter(actor: Actor, grant: Grant): string | null {
  if (grant.scope === 'community') return null;
  if (grant.scope === 'grid' && actor.gridId) return actor.gridId;
  // A scope we cannot express as a grid sees nothing rather than everything.
  return '\u0000none';
}
