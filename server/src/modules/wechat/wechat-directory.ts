// What other modules may ask of the official account: which bound followers (openids) a phone has, so a notice
// reaches them there as well as by SMS. The bindings belong to this module; others ask here.
import type { DbOrTrx } from '../../db/database.ts';

/** The openids bound to this phone in the community (none when the person does not follow the account). */
export async function openidsOf(db: DbOrTrx, communityId: string, phone: string): Promise<string[]> {
  const rows = await db
    .selectFrom('wechat_binding')
    .select('openid')
    .where('community_id', '=', communityId)
    .where('phone', '=', phone)
    .execute();
  return rows.map((r) => r.openid);
}
