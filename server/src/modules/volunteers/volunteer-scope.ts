// Limits a query over volunteers (aliased `v`) to those inside a grant's scope, in SQL, so lists of
// certificates, covers or eligible volunteers never show someone the caller may not see.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { Grant } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

type WithV = Database & { v: Database['volunteer'] };

/** An expression for `.where(...)`: true for volunteers the grant covers. A scope we cannot express sees nothing. */
export function volunteerInScope(actor: Actor, grant: Grant) {
  return (eb: ExpressionBuilder<WithV, 'v'>) => {
    switch (grant.scope) {
      case 'community':
        return sql<boolean>`1 = 1`;
      case 'unit':
        return actor.unitId ? eb('v.unit_id', '=', actor.unitId) : sql<boolean>`1 = 0`;
      case 'self':
        return eb('v.account_id', '=', actor.accountId);
      case 'team':
        return actor.teamId
          ? eb.exists(
              eb
                .selectFrom('team_member as tm')
                .select('tm.volunteer_id')
                .whereRef('tm.community_id', '=', 'v.community_id')
                .whereRef('tm.volunteer_id', '=', 'v.id')
                .where('tm.team_id', '=', actor.teamId)
                .where('tm.status', '=', 'active'),
            )
          : sql<boolean>`1 = 0`;
      case 'grid':
        return actor.gridId
          ? eb.exists(
              eb
                .selectFrom('resident as r')
                .select('r.id')
                .whereRef('r.community_id', '=', 'v.community_id')
                .whereRef('r.id', '=', 'v.resident_id')
                .where('r.grid_id', '=', actor.gridId),
            )
          : sql<boolean>`1 = 0`;
      default:
        return sql<boolean>`1 = 0`;
    }
  };
}
