// The keyring check: a keyring meeting a database records its keys' check values; a later keyring whose key under a
// known id, or whose blind-index key, differs is refused; a key added to rotate is recorded; a dropped key is
// named. And of two servers making a keyring at once on one data folder, the second keeps the first's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FieldCipher, generateKeyring, INDEX_KEY_CHECK_ID, loadKeyring, type Keyring } from '../src/platform/crypto.ts';
import { checkKeyring, KeyringMismatch } from '../src/platform/keyring-check.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

const cipherOf = (ring: Keyring) => new FieldCipher(ring);

for (const kind of testDatabaseKinds()) {
  describe(`keyring check on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    it('records the first keyring, accepts it, refuses another, records a rotation, names a lost key', async () => {
      const first = generateKeyring();
      assert.deepEqual(await checkKeyring(t.handle.db, cipherOf(first)), []);
      const rows = await t.handle.db.selectFrom('keyring_check').selectAll().orderBy('key_id').execute();
      assert.deepEqual(
        rows.map((r) => r.key_id),
        [INDEX_KEY_CHECK_ID, 'k1'],
      );
      // The check values are not the keys.
      for (const r of rows)
        assert.ok(!Object.values(first.keys).includes(r.check_value) && r.check_value !== first.index);
      assert.deepEqual(await checkKeyring(t.handle.db, cipherOf(first)), []);

      // Another keyring, made as each server would make its own: both its keys differ.
      await assert.rejects(checkKeyring(t.handle.db, cipherOf(generateKeyring())), (err: Error) => {
        assert.ok(err instanceof KeyringMismatch);
        assert.match(err.message, /加密密钥（index, k1）/);
        assert.match(err.message, /encryption keyring \(index, k1\)/);
        return true;
      });
      // The same encryption key with another blind-index key is refused too.
      await assert.rejects(
        checkKeyring(t.handle.db, cipherOf({ ...first, index: generateKeyring().index })),
        KeyringMismatch,
      );

      // Rotation: a new active key beside the old one is recorded.
      const rotated: Keyring = { ...first, active: 'k2', keys: { ...first.keys, k2: generateKeyring().keys.k1! } };
      assert.deepEqual(await checkKeyring(t.handle.db, cipherOf(rotated)), []);
      assert.equal(await countRows(t), 3);
      // k2 under other bytes is now refused as k1 is.
      const otherK2: Keyring = { ...rotated, keys: { ...first.keys, k2: generateKeyring().keys.k1! } };
      await assert.rejects(checkKeyring(t.handle.db, cipherOf(otherK2)), /k2/);
      // A keyring without k1 starts, and says which key it lacks.
      const dropped: Keyring = { active: 'k2', keys: { k2: rotated.keys.k2! }, index: first.index };
      assert.deepEqual(await checkKeyring(t.handle.db, cipherOf(dropped)), ['k1']);
      assert.equal(await countRows(t), 3, 'a refused or lacking keyring wrote nothing');
    });

    it('of two servers starting together with different keyrings, exactly one is refused', async () => {
      await t.handle.db.deleteFrom('keyring_check').execute();
      const results = await Promise.allSettled([
        checkKeyring(t.handle.db, cipherOf(generateKeyring())),
        checkKeyring(t.handle.db, cipherOf(generateKeyring())),
      ]);
      assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    });
  });
}

async function countRows(t: TestDatabase): Promise<number> {
  return (await t.handle.db.selectFrom('keyring_check').select('key_id').execute()).length;
}

describe('a keyring made on one data folder by two servers at once', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-keyring-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps the keyring the other server wrote after this one looked, and leaves no partial file', () => {
    const file = path.join(dir, 'keyring.json');
    const theirs = generateKeyring();
    // The other server writes its keyring just after this one found none: this one's look says "not there".
    const existsSync = fs.existsSync;
    fs.existsSync = (p: fs.PathLike) => {
      if (String(p) !== file) return existsSync(p);
      if (!existsSync(file)) fs.writeFileSync(file, JSON.stringify(theirs));
      return false;
    };
    let ours: Keyring;
    try {
      ours = loadKeyring({ dataDir: dir, warn: () => assert.fail('no new keyring may be announced') });
    } finally {
      fs.existsSync = existsSync;
    }
    assert.deepEqual(ours, theirs);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), theirs);
    assert.deepEqual(fs.readdirSync(dir), ['keyring.json']);
  });
});
