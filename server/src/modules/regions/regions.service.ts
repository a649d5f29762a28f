// Street, district and city offices compare their communities: counts side by side, a community's grids. Figures
// only — never a row of anyone — and each list of communities costs the same few grouped queries however long.
import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { communitiesUnder, communityIdsOf, findNode, viewTree, type ViewNode } from './regions-scope.ts';

export interface CommunityFigures {
  id: string;
  name: string;
  street: string | null;
  grids: number;
  households: number;
  residents: number;
  volunteers: number;
}

export interface GridFigures {
  id: string;
  name: string;
  households: number;
  residents: number;
  volunteers: number;
}

/** count(*) per community_id of a table, for the given communities: one grouped query. */
async function countBy(
  db: Kysely<Database>,
  table: 'grid' | 'household' | 'resident' | 'volunteer',
  ids: string[],
): Promise<Map<string, number>> {
  let q = db
    .selectFrom(table)
    .select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', 'in', ids)
    .groupBy('community_id');
  // Residents who moved away or died, and volunteers not (yet) approved, are not counted.
  if (table === 'resident') q = q.where('status' as any, '=', 'active');
  if (table === 'volunteer') q = q.where('status' as any, '=', 'approved');
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
}

export class RegionsService {
  constructor(private readonly db: Db) {}

  tree(actor: Actor): Promise<ViewNode> {
    return viewTree(this.db, actor);
  }

  /** The node (default: the actor's top) and its communities' figures side by side. */
  async communities(actor: Actor, nodeId?: string) {
    const tree = await viewTree(this.db, actor);
    const node = nodeId ? findNode(tree, nodeId) : tree;
    if (!node || node.kind === 'grid') throw new AppError('not_found', { entity: 'region' });
    const ids = communityIdsOf(node);
    return { node: { id: node.id, kind: node.kind, name: node.name }, communities: await this.figures(tree, ids) };
  }

  /** Figures for these communities, in the tree's order. Five queries whatever the number. */
  async figures(tree: ViewNode, ids: string[]): Promise<CommunityFigures[]> {
    if (!ids.length) return [];
    const db = this.db as Kysely<Database>;
    const [names, grids, households, residents, volunteers] = await Promise.all([
      db
        .selectFrom('community as c')
        .leftJoin('region as s', 's.id', 'c.street_id')
        .select(['c.id', 'c.name', 's.name as street'])
        .where('c.id', 'in', ids)
        .execute(),
      countBy(db, 'grid', ids),
      countBy(db, 'household', ids),
      countBy(db, 'resident', ids),
      countBy(db, 'volunteer', ids),
    ]);
    const byId = new Map(names.map((n) => [n.id, n]));
    const order = communityIdsOf(tree);
    return order
      .filter((id) => byId.has(id) && ids.includes(id))
      .map((id) => ({
        id,
        name: byId.get(id)!.name,
        street: byId.get(id)!.street ?? null,
        grids: grids.get(id) ?? 0,
        households: households.get(id) ?? 0,
        residents: residents.get(id) ?? 0,
        volunteers: volunteers.get(id) ?? 0,
      }));
  }

  /** One community's grids with their counts: the drill below the community. */
  async grids(actor: Actor, communityId: string) {
    const allowed = await communitiesUnder(this.db, actor, communityId);
    if (!allowed || allowed.length !== 1 || allowed[0] !== communityId)
      throw new AppError('not_found', { entity: 'community' });
    const db = this.db as Kysely<Database>;
    const grid = (table: 'household' | 'resident') =>
      db
        .selectFrom(table)
        .select(['grid_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('community_id', '=', communityId)
        .$if(table === 'resident', (q) => q.where('status' as any, '=', 'active'))
        .groupBy('grid_id')
        .execute();
    const [community, grids, households, residents, volunteers] = await Promise.all([
      db.selectFrom('community').select(['id', 'name']).where('id', '=', communityId).executeTakeFirstOrThrow(),
      db
        .selectFrom('grid')
        .select(['id', 'name', 'code'])
        .where('community_id', '=', communityId)
        .orderBy('code')
        .execute(),
      grid('household'),
      grid('resident'),
      // A volunteer belongs to the grid they live in, when they are a resident.
      db
        .selectFrom('volunteer as v')
        .innerJoin('resident as r', (j) =>
          j.onRef('r.community_id', '=', 'v.community_id').onRef('r.id', '=', 'v.resident_id'),
        )
        .select(['r.grid_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('v.community_id', '=', communityId)
        .where('v.status', '=', 'approved')
        .groupBy('r.grid_id')
        .execute(),
    ]);
    const map = (rows: Array<{ grid_id: string | null; n: number }>) =>
      new Map(rows.map((r) => [r.grid_id, Number(r.n)]));
    const [h, r, v] = [map(households), map(residents), map(volunteers)];
    return {
      community: { id: community.id, name: community.name },
      grids: grids.map((g): GridFigures => ({
        id: g.id,
        name: g.name,
        households: h.get(g.id) ?? 0,
        residents: r.get(g.id) ?? 0,
        volunteers: v.get(g.id) ?? 0,
      })),
    };
  }
}
