// What other modules may ask about needs by id (projects link them): which exist in a community and a short label
// that names the need, never the resident. Read-only.
import type { DbOrTrx } from '../../db/database.ts';

export async function needBriefs(db: DbOrTrx, communityId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('need')
    .select(['id', 'description', 'created_at'])
    .where('community_id', '=', communityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({ id: r.id, label: `${r.created_at.slice(0, 10)} ${r.description.slice(0, 30)}` }));
}
