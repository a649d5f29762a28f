// The seam between the indicators and the levels above a community (city → district → street → community → grid).
// The regions module decides what an account may see above its community (regions-scope.ts); this file turns
// that into the dashboard's tree, adds each community's grids, and answers which communities (and grid) a node
// covers. Node ids carry their kind: `street:<id>`, `community:<id>`, `grid:<id>`.
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { scopeOf } from '../../../../domain/access/roles.ts';
import * as regions from '../regions/regions-scope.ts';

export interface ViewNode {
  id: string;
  kind: 'city' | 'district' | 'street' | 'community' | 'grid';
  name: string;
  children: ViewNode[];
}

const gridOnly = (actor: Actor) => scopeOf(actor.role, 'indicators.read') === 'grid';

/** The grids of these communities as tree nodes, by community, in one query. */
async function gridsOf(db: Db, communityIds: readonly string[]): Promise<Map<string, ViewNode[]>> {
  const out = new Map<string, ViewNode[]>();
  if (!communityIds.length) return out;
  const grids = await db
    .selectFrom('grid')
    .select(['community_id', 'id', 'name'])
    .where('community_id', 'in', [...communityIds])
    .orderBy('community_id')
    .orderBy('code')
    .execute();
  for (const g of grids) {
    const list = out.get(g.community_id) ?? [];
    list.push({ id: `grid:${g.id}`, kind: 'grid', name: g.name, children: [] });
    out.set(g.community_id, list);
  }
  return out;
}

/** The region tree with kind-prefixed ids and each community's grids under it. */
function withPrefixes(node: regions.ViewNode, grids: Map<string, ViewNode[]>): ViewNode {
  if (node.kind === 'community')
    return { id: `community:${node.id}`, kind: 'community', name: node.name, children: grids.get(node.id) ?? [] };
  return {
    id: `${node.kind}:${node.id}`,
    kind: node.kind,
    name: node.name,
    children: node.children.map((c) => withPrefixes(c, grids)),
  };
}

/**
 * The tree the actor may look at: a street, district or city office's region down to grids; a community's staff
 * their community with its grids; a grid leader their one grid.
 */
export async function viewTree(db: Db, actor: Actor): Promise<ViewNode> {
  if (actor.regionId) {
    const top = await regions.viewTree(db, actor);
    return withPrefixes(top, await gridsOf(db, regions.communityIdsOf(top)));
  }
  const gridNodes = (await gridsOf(db, [actor.communityId])).get(actor.communityId) ?? [];
  if (gridOnly(actor)) {
    const own = gridNodes.find((g) => g.id === `grid:${actor.gridId}`);
    return own ?? { id: 'grid:none', kind: 'grid', name: '', children: [] };
  }
  return { id: `community:${actor.communityId}`, kind: 'community', name: actor.communityName, children: gridNodes };
}

/** The communities (and grid) a node of the actor's tree covers; `parent` is the communities of its parent node. */
export function coverageOf(
  node: ViewNode,
  parent: readonly string[],
): { communityIds: string[]; gridId: string | null } {
  if (node.kind === 'grid') return { communityIds: [...parent], gridId: node.id.slice('grid:'.length) };
  const ids: string[] = [];
  const walk = (n: ViewNode) => {
    if (n.kind === 'community') ids.push(n.id.slice('community:'.length));
    else n.children.forEach(walk);
  };
  walk(node);
  return { communityIds: ids, gridId: null };
}

/** The communities (and grid) a node covers, if the actor may see it; null when not allowed or unknown. */
export async function communitiesUnder(
  db: Db,
  actor: Actor,
  nodeId: string,
): Promise<{ communityIds: string[]; gridId: string | null } | null> {
  const [kind, id] = splitNode(nodeId);
  if (actor.regionId) {
    // The regions module checks the node (a region, a community or a grid) is inside the office's region.
    if (!['city', 'district', 'street', 'community', 'grid'].includes(kind)) return null;
    const ids = await regions.communitiesUnder(db, actor, id);
    if (!ids) return null;
    return { communityIds: ids, gridId: kind === 'grid' ? id : null };
  }
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
