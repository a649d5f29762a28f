// WeChat official account: which messages were already handled (replay protection that survives restarts),
// which WeChat user (openid) is bound to which phone, and the one-time codes that prove the phone.
import type { Kysely } from 'kysely';

const scoped = (db: Kysely<any>, name: string) =>
  db.schema.createTable(name).addColumn('community_id', 'text', (c) => c.notNull().references('community.id'));

export async function up(db: Kysely<any>): Promise<void> {
  // One row per handled MsgId and per used (timestamp, nonce); the primary key refuses a second.
  await scoped(db, 'wechat_inbound')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('openid', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wechat_inbound_pk', ['community_id', 'key'])
    .execute();
  await db.schema.createIndex('wechat_inbound_received_ix').on('wechat_inbound').columns(['received_at']).execute();

  // Residents are found from the phone each time, so a removed family contact loses access at once.
  // resident_id: whom the user acts for now; menu: the numbered slots last shown after "预约".
  await scoped(db, 'wechat_binding')
    .addColumn('openid', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text')
    .addColumn('menu', 'text')
    .addColumn('menu_at', 'text')
    .addColumn('bound_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wechat_binding_pk', ['community_id', 'openid'])
    .execute();
  await db.schema
    .createIndex('wechat_binding_phone_ix')
    .on('wechat_binding')
    .columns(['community_id', 'phone'])
    .execute();

  // At most one live code per WeChat user; a new request replaces it.
  await scoped(db, 'wechat_bind_code')
    .addColumn('openid', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('wechat_bind_code_pk', ['community_id', 'openid'])
    .execute();
  await db.schema
    .createIndex('wechat_bind_code_phone_ix')
    .on('wechat_bind_code')
    .columns(['community_id', 'phone', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['wechat_bind_code', 'wechat_binding', 'wechat_inbound']) await db.schema.dropTable(t).execute();
}
