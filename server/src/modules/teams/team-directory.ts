// What other modules may ask about teams by id (projects link them): which exist in a community, and their names.
import type { DbOrTrx } from '../../db/database.ts';

export async function teamBriefs(db: DbOrTrx, communityId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('team')
    .select(['id', 'name'])
    .where('community_id', '=', communityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, label: r.name }));
}
