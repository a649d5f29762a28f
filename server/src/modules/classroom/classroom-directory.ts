// What other modules may ask of the 4:30 classroom: who collects its children. Read-only; the notices module
// sends the pickup adults a message through this rather than reading the classroom tables itself.
import type { Db, DbOrTrx } from '../../db/database.ts';

export interface PickupAdultContact {
  id: string;
  name: string;
  phone: string | null;
  childName: string;
}

export class ClassroomDirectory {
  constructor(private readonly db: Db) {}

  /** The active pickup adults (guardians and others allowed to collect) of the children now enrolled. */
  async pickupAdults(communityId: string, db: DbOrTrx = this.db): Promise<PickupAdultContact[]> {
    const rows = await db
      .selectFrom('classroom_adult as a')
      .innerJoin('classroom_child as c', (j) =>
        j.onRef('c.community_id', '=', 'a.community_id').onRef('c.id', '=', 'a.child_id'),
      )
      .select(['a.id', 'a.name', 'a.phone', 'c.name as child_name'])
      .where('a.community_id', '=', communityId)
      .where('a.active', '=', 1)
      .where('c.status', '=', 'active')
      .orderBy('c.name')
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, phone: r.phone || null, childName: r.child_name }));
  }
}
