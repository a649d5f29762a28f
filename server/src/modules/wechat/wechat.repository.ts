// WeChat's own tables: handled messages, bindings, bind codes. Rows stay here; the service gets plain values.
import type { DbOrTrx } from '../../db/database.ts';
import type { WechatBindCodeTable, WechatBindingTable } from '../../db/schema/index.ts';

export async function communityExists(db: DbOrTrx, communityId: string): Promise<boolean> {
  return !!(await db.selectFrom('community').select('id').where('id', '=', communityId).executeTakeFirst());
}

/** Claims the keys of one inbound message; false when any of them was claimed before (a replay). */
export async function claimInbound(
  db: DbOrTrx,
  communityId: string,
  openid: string,
  keys: string[],
  at: string,
): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      for (const key of keys)
        await trx
          .insertInto('wechat_inbound')
          .values({ community_id: communityId, key, openid, received_at: at })
          .execute();
    });
    return true;
  } catch (err) {
    // A unique violation on either database: SQLite's SQLITE_CONSTRAINT_PRIMARYKEY, PostgreSQL's 23505.
    const e = err as { code?: string };
    if (e?.code === '23505' || /^SQLITE_CONSTRAINT/.test(e?.code ?? '')) return false;
    throw err;
  }
}

/** Frees a claim so WeChat's retry of a message that failed on our side is handled. */
export async function releaseInbound(db: DbOrTrx, communityId: string, keys: string[]): Promise<void> {
  if (keys.length)
    await db.deleteFrom('wechat_inbound').where('community_id', '=', communityId).where('key', 'in', keys).execute();
}

export async function purgeInbound(db: DbOrTrx, before: string): Promise<void> {
  await db.deleteFrom('wechat_inbound').where('received_at', '<', before).execute();
  await db.deleteFrom('wechat_bind_code').where('expires_at', '<', before).execute();
}

export async function binding(
  db: DbOrTrx,
  communityId: string,
  openid: string,
): Promise<WechatBindingTable | undefined> {
  return db
    .selectFrom('wechat_binding')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .executeTakeFirst();
}

export async function saveBinding(db: DbOrTrx, b: WechatBindingTable): Promise<void> {
  await db
    .deleteFrom('wechat_binding')
    .where('community_id', '=', b.community_id)
    .where('openid', '=', b.openid)
    .execute();
  await db.insertInto('wechat_binding').values(b).execute();
}

export async function updateBinding(
  db: DbOrTrx,
  communityId: string,
  openid: string,
  set: Partial<Pick<WechatBindingTable, 'resident_id' | 'menu' | 'menu_at' | 'updated_at'>>,
): Promise<void> {
  await db
    .updateTable('wechat_binding')
    .set(set)
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .execute();
}

export async function deleteBinding(db: DbOrTrx, communityId: string, openid: string): Promise<boolean> {
  const r = await db
    .deleteFrom('wechat_binding')
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function bindCode(
  db: DbOrTrx,
  communityId: string,
  openid: string,
): Promise<WechatBindCodeTable | undefined> {
  return db
    .selectFrom('wechat_bind_code')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .executeTakeFirst();
}

/** When the last code went to this phone from any WeChat user (so no one floods a phone with texts). */
export async function lastCodeToPhone(db: DbOrTrx, communityId: string, phone: string): Promise<string | null> {
  const r = await db
    .selectFrom('wechat_bind_code')
    .select('created_at')
    .where('community_id', '=', communityId)
    .where('phone', '=', phone)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.created_at ?? null;
}

export async function saveBindCode(db: DbOrTrx, c: WechatBindCodeTable): Promise<void> {
  await db
    .deleteFrom('wechat_bind_code')
    .where('community_id', '=', c.community_id)
    .where('openid', '=', c.openid)
    .execute();
  await db.insertInto('wechat_bind_code').values(c).execute();
}

/**
 * Uses up one attempt at a code, if any are left: a conditional update, so parallel guesses cannot exceed the limit.
 */
export async function takeAttempt(db: DbOrTrx, communityId: string, openid: string, max: number): Promise<boolean> {
  const r = await db
    .updateTable('wechat_bind_code')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .where('attempts', '<', max)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteBindCode(db: DbOrTrx, communityId: string, openid: string): Promise<void> {
  await db
    .deleteFrom('wechat_bind_code')
    .where('community_id', '=', communityId)
    .where('openid', '=', openid)
    .execute();
}
