// The seam between the indicators and the levels above a community (city → district → street). For now a view is
// the actor's community with its grids (a grid leader: only their grid); the regions module will answer for the
// nodes above a community, and this file will delegate to it. Node ids: `community:<id>`, `grid:<id>`.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { scopeOf } from '../../../../domain/access/roles.ts';

export interface ViewNode {
  id: string;
  kind: 'city' | 'district' | 'street' | 'community' | 'grid';
  name: string;
  children: ViewNode[];
}

const gridOnly = (actor: Actor) => scopeOf(actor.role, 'indicators.read') === 'grid';

/** The tree the actor may look at: their community with its grids, or a grid leader's one grid. */
export async function viewTree(db: Db, actor: Actor): Promise<ViewNode> {
  const grids = await db
    .selectFrom('grid')
    .select(['id', 'name'])
    .where('community_id', '=', actor.communityId)
    .orderBy('code')
    .execute();
  const gridNodes: ViewNode[] = grids.map((g) => ({ id: `grid:${g.id}`, kind: 'grid', name: g.name, children: [] }));
  if (gridOnly(actor)) {
    const own = gridNodes.find((g) => g.id === `grid:${actor.gridId}`);
    return own ?? { id: 'grid:none', kind: 'grid', name: '', children: [] };
  }
  return { id: `community:${actor.communityId}`, kind: 'community', name: actor.communityName, children: gridNodes };
}

/** The communities (and grid) a node covers, if the actor may see it; null when not allowed or unknown. */
export async function communitiesUnder(
  db: Db,
  actor: Actor,
  nodeId: string,
): Promise<{ communityIds: string[]; gridId: string | null } | null> {
  const [kind, id] = splitNode(nodeId);
  if (kind === 'community') {
    if (id !== actor.communityId || gridOnly(actor)) return null;
    return { communityIds: [id], gridId: null };
  }
  if (kind === 'grid') {
    if (gridOnly(actor) && id !== actor.gridId) return null;
    const g = await db
      .selectFrom('grid')
      .select('id')
      .where('community_id', '=', actor.communityId)
      .where('id', '=', id)
      .executeTakeFirst();
    return g ? { communityIds: [actor.communityId], gridId: id } : null;
  }
  return null;
}

function splitNode(nodeId: string): [string, string] {
  const i = nodeId.indexOf(':');
  return i < 0 ? ['', ''] : [nodeId.slice(0, i), nodeId.slice(i + 1)];
}
