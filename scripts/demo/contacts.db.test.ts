// The demo's record of service, seeded into a fresh database (SQLite always; PostgreSQL when TEST_DATABASE_URL is
// set): every kind of help has contacts, each as its source says (a delivery for each handed-over recipient, a
// survey visit for the household only), the rebuild adds nothing the second time, and the monitor reads them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../server/src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../server/test/databases.ts';
import { FieldCipher, generateKeyring } from '../../server/src/platform/crypto.ts';
import { ContactService } from '../../server/src/modules/contacts/contacts.service.ts';
import { rebuildContacts } from '../../server/src/modules/contacts/contacts.backfill.ts';
import { residentFacts } from '../../server/src/modules/monitor/monitor.service.ts';
import { CONTACT_KINDS } from '../../domain/contacts/kinds.ts';
import { addDays, todayInShanghai } from '../../domain/shared/dates.ts';
import { seedDemoForTest } from './test-seed.ts';

const NOW = new Date('2026-11-28T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const CID = '00000000-0000-7000-8000-0000000000c7';

for (const kind of testDatabaseKinds()) {
  describe(`record of service demo on ${kind}`, () => {
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

    it('has every kind of help over the last year, each more than zero', async () => {
      const counts = await new ContactService().countsByKind(db, CID, addDays(TODAY, -365), TODAY);
      assert.deepEqual(Object.keys(counts).sort(), [...CONTACT_KINDS].sort());
      for (const k of CONTACT_KINDS) assert.ok(counts[k] > 0, `${k}: ${counts[k]}`);
    });

    it('derives each kind as its source says', async () => {
      const n = async (q: Promise<{ n: unknown } | undefined>) => Number((await q)?.n ?? 0);
      const contacts = (k: string) =>
        n(
          db
            .selectFrom('contact')
            .select(sql<number>`count(*)`.as('n'))
            .where('community_id', '=', CID)
            .where('kind', '=', k)
            .executeTakeFirst(),
        );
      const delivered = await n(
        db
          .selectFrom('delivery_recipient')
          .select(sql<number>`count(*)`.as('n'))
          .where('community_id', '=', CID)
          .where('status', '=', 'delivered')
          .executeTakeFirst(),
      );
      assert.equal(await contacts('delivery'), delivered, 'one contact per handed-over recipient');
      const needsDone = await n(
        db
          .selectFrom('need')
          .select(sql<number>`count(*)`.as('n'))
          .where('community_id', '=', CID)
          .where('status', 'in', ['done', 'reviewed'])
          .executeTakeFirst(),
      );
      assert.equal(await contacts('need'), needsDone);
      const visits = await n(
        db
          .selectFrom('pairing_visit')
          .select(sql<number>`count(*)`.as('n'))
          .where('community_id', '=', CID)
          .executeTakeFirst(),
      );
      assert.equal(await contacts('pairing_visit'), visits);
      const household = await db
        .selectFrom('contact')
        .select(['kind', 'resident_id', 'subject_id', 'household_id'])
        .where('community_id', '=', CID)
        .where('kind', 'in', ['survey_visit', 'classroom_session'])
        .execute();
      assert.ok(household.length > 0);
      for (const c of household) {
        assert.equal(c.resident_id, null, `${c.kind} is a household contact`);
        assert.equal(c.subject_id, c.household_id);
      }
      // Every contact's day is a real local date no later than today.
      const late = await db
        .selectFrom('contact')
        .select(['kind', 'occurred_on'])
        .where('community_id', '=', CID)
        .where('occurred_on', '>', TODAY)
        .execute();
      assert.deepEqual(late, []);
    });

    it('rebuilding again adds nothing', async () => {
      const gained = await rebuildContacts(db, CID, NOW);
      for (const k of CONTACT_KINDS) assert.equal(gained[k], 0, k);
    });

    it('the monitor reads the record: residents served by any kind are no longer never-contacted', async () => {
      const facts = await residentFacts(db, cipher, CID, null, addDays(TODAY, -90));
      const kinds = new Set(facts.map((f) => f.lastContactKind).filter(Boolean));
      assert.ok(kinds.size >= 4, `last contacts of several kinds: ${[...kinds].join(',')}`);
      const delivered = await db
        .selectFrom('delivery_recipient')
        .select('resident_id')
        .where('community_id', '=', CID)
        .where('status', '=', 'delivered')
        .execute();
      const byId = new Map(facts.map((f) => [f.row.id, f]));
      for (const d of delivered) {
        const f = byId.get(d.resident_id);
        if (f) assert.notEqual(f.lastContactOn, null, 'a delivery recipient has been contacted');
      }
    });
  });
}
