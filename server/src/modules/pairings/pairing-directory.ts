// What other modules may ask about pairings by id (projects link them): which exist in a community and a label
// (the volunteer and the service item). Read-only.
import type { DbOrTrx } from '../../db/database.ts';
import { PAIRING_ITEM_LABELS, type PairingItem } from '../../../../domain/pairings/schemas.ts';

export async function pairingBriefs(db: DbOrTrx, communityId: string, ids: readonly string[]) {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('pairing as p')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'p.community_id').onRef('v.id', '=', 'p.volunteer_id'),
    )
    .select(['p.id', 'p.item', 'v.name'])
    .where('p.community_id', '=', communityId)
    .where('p.id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: `${r.name} · ${PAIRING_ITEM_LABELS[r.item as PairingItem]?.zh ?? r.item}`,
  }));
}
