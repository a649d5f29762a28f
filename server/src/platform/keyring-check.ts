// A server must encrypt with the keyring the database's values were encrypted with. Each key id's check value is
// stored the first time a keyring meets the database (platform/crypto.ts keyChecks); a server whose key under a known
// id, or whose blind-index key, is another one is refused at start: its writes would be unreadable to the other
// servers and its searches would find nothing. Typical cause: several servers each made their own keyring in their
// own data folder instead of sharing LINLI_KEYRING.
import type { Db } from '../db/database.ts';
import { INDEX_KEY_CHECK_ID, type FieldCipher } from './crypto.ts';

export class KeyringMismatch extends Error {}

/**
 * Records the check values of keys the database has not met (a new database, a key added to rotate) and compares
 * the rest. Throws KeyringMismatch, with a message in Chinese and English, on a key that differs. Returns the key
 * ids the database has met that this keyring lacks: values sealed with them cannot be opened by this server.
 */
export async function checkKeyring(db: Db, cipher: FieldCipher, now: Date = new Date()): Promise<string[]> {
  const mine = cipher.keyChecks();
  // Insert-or-keep first, then compare: of two servers starting at once with different keyrings, the second to
  // insert is the one refused.
  await db
    .insertInto('keyring_check')
    .values(
      Object.entries(mine).map(([key_id, check_value]) => ({ key_id, check_value, created_at: now.toISOString() })),
    )
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
  const stored = await db.selectFrom('keyring_check').select(['key_id', 'check_value']).execute();
  const differ = stored.filter((r) => r.key_id in mine && mine[r.key_id] !== r.check_value).map((r) => r.key_id);
  if (differ.length) throw new KeyringMismatch(keyringMismatchMessage(differ));
  return stored.filter((r) => !(r.key_id in mine)).map((r) => r.key_id);
}

function keyringMismatchMessage(keyIds: string[]): string {
  const names = keyIds.map((id) => (id === INDEX_KEY_CHECK_ID ? 'index' : id)).join(', ');
  return [
    '',
    `  邻里拒绝启动：加密密钥（${names}）与这个数据库里的数据所用的不同。用这套密钥写入的内容，别的服务器将无法读取。`,
    '  每台服务器必须用同一套密钥：把第一台的 LINLI_KEYRING（或数据目录里的 keyring.json）配置给其他服务器。',
    '',
    `  Linli refuses to start: its encryption keyring (${names}) is not the one this database's data was encrypted`,
    '  with; what it wrote could not be read by the other servers. Every server must share one keyring: give the',
    "  others the first server's LINLI_KEYRING (or the keyring.json in its data folder).",
    '',
  ].join('\n');
}
