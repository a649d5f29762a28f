// The love badge demo, seeded into a fresh database (SQLite always; PostgreSQL when TEST_DATABASE_URL is set):
// settings with the hotline, a working badge for every elder (60+) tagged dementia or chronic illness who has a
// family contact — exactly the server's own suggestion list before issuing — 李泽钦's mother among them with a
// finder's message and location, a few scans, and pages that open and show the nickname, not the name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import type { Db } from '../../server/src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../server/test/databases.ts';
import { FieldCipher, generateKeyring } from '../../server/src/platform/crypto.ts';
import { AuditLog } from '../../server/src/platform/audit.ts';
import { Notifier } from '../../server/src/platform/notify.ts';
import { groupTag } from '../../server/src/modules/registry/tags.ts';
import { BadgesService } from '../../server/src/modules/badges/badges.service.ts';
import { RegistryService } from '../../server/src/modules/registry/registry.service.ts';
import { ageOn, todayInShanghai } from '../../domain/shared/dates.ts';
import { seedDemoForTest } from './test-seed.ts';
import { BADGE_HOTLINE } from './badges.ts';

const NOW = new Date('2026-11-28T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const CID = '00000000-0000-7000-8000-0000000000b6';

for (const kind of testDatabaseKinds()) {
  describe(`love badge demo on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let cipher: FieldCipher;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.handle.db;
      cipher = new FieldCipher(generateKeyring());
      await seedDemoForTest(db, cipher, CID, NOW);
    });
    after(async () => {
      await t.dispose();
    });

    it('has the hotline, the duty phone and the staff member to tell', async () => {
      const s = await db
        .selectFrom('badge_settings')
        .selectAll()
        .where('community_id', '=', CID)
        .executeTakeFirstOrThrow();
      assert.equal(s.hotline, BADGE_HOTLINE);
      assert.deepEqual(JSON.parse(s.notify_phones), ['13800000002']);
    });

    it('badges exactly the elders (60+) with dementia or a chronic illness who have family to call', async () => {
      const tags = [groupTag(cipher, CID, 'dementia'), groupTag(cipher, CID, 'chronic_illness')];
      const tagged = await db
        .selectFrom('resident as r')
        .select(['r.id', 'r.birth_date'])
        .where('r.community_id', '=', CID)
        .where('r.status', '=', 'active')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('resident_tag as t')
              .select('t.tag')
              .whereRef('t.community_id', '=', 'r.community_id')
              .whereRef('t.resident_id', '=', 'r.id')
              .where('t.tag', 'in', tags),
          ),
        )
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('family_contact as c')
              .select('c.id')
              .whereRef('c.community_id', '=', 'r.community_id')
              .whereRef('c.resident_id', '=', 'r.id'),
          ),
        )
        .execute();
      const expected = tagged
        .filter((r) => ageOn(r.birth_date, TODAY) >= 60)
        .map((r) => r.id)
        .sort();
      const badges = await db.selectFrom('badge').selectAll().where('community_id', '=', CID).execute();
      assert.ok(expected.length >= 20, `a real list, got ${expected.length}`);
      assert.deepEqual(badges.map((b) => b.resident_id).sort(), expected);
      assert.ok(
        badges.every((b) => b.status === 'active' && /^[0-9a-f]{64}$/.test(b.token_hash) && b.nickname.length <= 20),
      );
      assert.equal(new Set(badges.map((b) => b.token_hash)).size, badges.length);
      const contacts = await db
        .selectFrom('badge_contact')
        .select(['badge_id'])
        .where('community_id', '=', CID)
        .execute();
      assert.equal(new Set(contacts.map((c) => c.badge_id)).size, badges.length, 'every badge has someone to call');
      // Every badge stands on a live love_badge consent, recorded in the registry's consent_record.
      const consents = await db
        .selectFrom('consent_record')
        .select(['resident_id', 'given_by_relation'])
        .where('community_id', '=', CID)
        .where('purpose', '=', 'love_badge')
        .where('withdrawn_at', 'is', null)
        .execute();
      assert.deepEqual([...new Set(consents.map((c) => c.resident_id))].sort(), expected);
      assert.ok(
        consents.every((c) => c.given_by_relation === '本人' || c.given_by_relation.startsWith('监护人')),
        'given by the elder or the guardian',
      );
    });

    it("has a few scans, and on 李泽钦's mother's badge a finder's message with the location", async () => {
      const mother = await db
        .selectFrom('badge as b')
        .innerJoin('badge_contact as c', (j) =>
          j.onRef('c.community_id', '=', 'b.community_id').onRef('c.badge_id', '=', 'b.id'),
        )
        .select(['b.id', 'b.nickname'])
        .where('b.community_id', '=', CID)
        .where('c.phone', '=', '13800000007')
        .execute();
      assert.equal(mother.length, 1);
      const scans = await db.selectFrom('badge_scan').selectAll().where('community_id', '=', CID).execute();
      assert.ok(scans.length >= 5 && scans.length <= 10, `${scans.length} scans`);
      const message = scans.find((s) => s.kind === 'message')!;
      assert.equal(message.badge_id, mother[0]!.id);
      assert.ok(message.place && Number(message.lat) > 34 && Number(message.lng) > 107);
    });

    it("opens the mother's page with her nickname and her son's phone, not her name", async () => {
      const audit = new AuditLog(db, kind);
      const svc = new BadgesService(
        db,
        cipher,
        audit,
        new Notifier(pino({ level: 'silent' })),
        new RegistryService(db, cipher, audit),
      );
      const row = await db
        .selectFrom('badge as b')
        .innerJoin('resident as r', (j) =>
          j.onRef('r.community_id', '=', 'b.community_id').onRef('r.id', '=', 'b.resident_id'),
        )
        .innerJoin('badge_contact as c', (j) =>
          j.onRef('c.community_id', '=', 'b.community_id').onRef('c.badge_id', '=', 'b.id'),
        )
        .select(['b.token_enc', 'b.nickname', 'r.name'])
        .where('b.community_id', '=', CID)
        .where('c.phone', '=', '13800000007')
        .executeTakeFirstOrThrow();
      const page = await svc.scan(cipher.decrypt(row.token_enc), '127.0.0.1', 'zh-CN');
      assert.equal(page.status, 200);
      assert.ok(typeof page.html !== 'string', 'a scan is served from the ready bytes');
      const html = page.html.raw.toString();
      assert.equal(gunzipSync(page.html.gzip).toString(), html, 'the gzipped copy is the same page');
      assert.ok(html.includes(row.nickname) && html.includes('tel:13800000007'));
      assert.ok(!html.includes(row.name), 'no name on the page');
    });
  });
}
