// What other modules may ask about activities by id (projects link them): which exist in a community, and how
// people recognise them. Read-only.
import type { DbOrTrx } from '../../db/database.ts';

export interface ActivityBrief {
  id: string;
  label: string;
  date: string;
  /** 小小志愿者: minors sign up with an accompanying adult. */
  juniorVolunteers?: boolean;
}

export async function activityBriefs(
  db: DbOrTrx,
  communityId: string,
  ids: readonly string[],
): Promise<ActivityBrief[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('activity')
    .select(['id', 'title', 'date', 'junior_volunteers'])
    .where('community_id', '=', communityId)
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: `${r.date} ${r.title}`,
    date: r.date,
    juniorVolunteers: !!r.junior_volunteers,
  }));
}
