// What an actor may see above the community: the tree from its own node down to communities, and the communities
// under any node of it. The seam between accounts (community or region sessions) and every figure that compares
// communities (the regions overview here, the indicators dashboard): figures are computed for the ids this returns.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { byChineseName } from '../../../../domain/shared/collate.ts';

export interface ViewNode {
  id: string;
  kind: 'city' | 'district' | 'street' | 'community' | 'grid';
  name: string;
  children: ViewNode[];
}

type AnyDb = Kysely<Database> | Kysely<any>;

/**
 * The top node the actor may see, with its descendants down to communities (grids are added by whoever shows them).
 * A community actor sees its community only; a region actor its region and everything under it. Three queries
 * whatever the size: the region (and, for a district or city, the regions under it) and their communities.
 */
export async function viewTree(db: AnyDb, actor: Actor): Promise<ViewNode> {
  const d = db as Kysely<Database>;
  if (!actor.regionId) {
    const c = await d
      .selectFrom('community')
      .select(['id', 'name'])
      .where('id', '=', actor.communityId)
      .executeTakeFirst();
    return { id: actor.communityId, kind: 'community', name: c?.name ?? actor.communityName, children: [] };
  }
  const top = await d
    .selectFrom('region')
    .select(['id', 'kind', 'name', 'parent_id'])
    .where('id', '=', actor.regionId)
    .executeTakeFirst();
  if (!top) return { id: actor.regionId, kind: 'street', name: actor.communityName, children: [] };
  // Regions are at most three deep (city → district → street): two levels below the top are enough.
  const below = await d
    .selectFrom('region as r')
    .leftJoin('region as p', 'p.id', 'r.parent_id')
    .select(['r.id', 'r.kind', 'r.name', 'r.parent_id'])
    .where((eb) => eb.or([eb('r.parent_id', '=', top.id), eb('p.parent_id', '=', top.id)]))
    .execute();
  const regions = [top, ...below];
  const streetIds = regions.filter((r) => r.kind === 'street').map((r) => r.id);
  const communities = streetIds.length
    ? await d
        .selectFrom('community')
        .select(['id', 'name', 'street_id'])
        .where('street_id', 'in', streetIds)
        .orderBy('id')
        .execute()
    : [];
  const nodes = new Map<string, ViewNode>(
    regions.map((r) => [r.id, { id: r.id, kind: r.kind, name: r.name, children: [] } satisfies ViewNode]),
  );
  const byName = (a: ViewNode, b: ViewNode) => byChineseName(a.name, b.name);
  for (const r of [...below].sort((a, b) => byChineseName(a.name, b.name)))
    nodes.get(r.parent_id!)?.children.push(nodes.get(r.id)!);
  // Communities keep the order they were created in (the demo's first is Xiguan); regions sort by name.
  for (const c of communities)
    nodes.get(c.street_id!)?.children.push({ id: c.id, kind: 'community', name: c.name, children: [] });
  for (const n of nodes.values()) if (n.kind !== 'street') n.children.sort(byName);
  return nodes.get(top.id)!;
}

/** Every community id in the subtree. */
export function communityIdsOf(node: ViewNode): string[] {
  if (node.kind === 'community') return [node.id];
  return node.children.flatMap(communityIdsOf);
}

/** The node with that id in the tree, or null. */
export function findNode(node: ViewNode, id: string): ViewNode | null {
  if (node.id === id) return node;
  for (const c of node.children) {
    const found = findNode(c, id);
    if (found) return found;
  }
  return null;
}

/**
 * The ids of the communities under a node the actor may see (a region, a community, or a grid of a community it
 * may see); null when the node is not in the actor's tree, which callers answer as forbidden or not found.
 */
export async function communitiesUnder(db: AnyDb, actor: Actor, nodeId: string): Promise<string[] | null> {
  const tree = await viewTree(db, actor);
  const node = findNode(tree, nodeId);
  if (node) return communityIdsOf(node);
  const visible = communityIdsOf(tree);
  if (!visible.length) return null;
  const grid = await (db as Kysely<Database>)
    .selectFrom('grid')
    .select('community_id')
    .where('id', '=', nodeId)
    .where('community_id', 'in', visible)
    .executeTakeFirst();
  return grid ? [grid.community_id] : null;
}
