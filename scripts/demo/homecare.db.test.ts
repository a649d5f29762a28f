// The home care demo, seeded into a fresh database (SQLite always; PostgreSQL when TEST_DATABASE_URL is set):
// last Mid-Autumn's run closed with everyone reached (two on the second try, one declined with a note), its
// list exactly what the server builds from the special groups, the Spring Festival run open with 刘红梅 on one
// building, about twenty tasks and a hospital rota whose served work is in the hours ledger, totals consistent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Db } from '../../server/src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../server/test/databases.ts';
import { FieldCipher, generateKeyring } from '../../server/src/platform/crypto.ts';
import { AuditLog } from '../../server/src/platform/audit.ts';
import { Notifier } from '../../server/src/platform/notify.ts';
import { VolunteerDirectory } from '../../server/src/modules/volunteers/volunteer-directory.ts';
import { ResidentDirectory } from '../../server/src/modules/registry/resident-directory.ts';
import { HoursService } from '../../server/src/modules/hours/hours.service.ts';
import { HomecareService } from '../../server/src/modules/homecare/homecare.service.ts';
import { EligibilityService } from '../../server/src/modules/service-types/service-types.service.ts';
import { DEFAULT_RUN_GROUPS } from '../../domain/homecare/homecare.ts';
import { todayInShanghai } from '../../domain/shared/dates.ts';
import { seedDemoForTest } from './test-seed.ts';

const NOW = new Date('2026-11-28T04:00:00Z');
const TODAY = todayInShanghai(NOW);
const CID = '00000000-0000-7000-8000-0000000000c6';

for (const kind of testDatabaseKinds()) {
  describe(`home care demo on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    let svc: HomecareService;
    let ms = 0;
    before(async () => {
      t = await createTestDatabase(kind);
      db = t.handle.db;
      const cipher = new FieldCipher(generateKeyring());
      const started = performance.now();
      await seedDemoForTest(db, cipher, CID, NOW);
      ms = performance.now() - started;
      const audit = new AuditLog(db, kind);
      const directory = new VolunteerDirectory(db);
      const notifier = new Notifier(pino({ level: 'silent' }));
      svc = new HomecareService(
        db,
        audit,
        directory,
        new ResidentDirectory(db),
        new HoursService(db, audit, directory, notifier),
        notifier,
        cipher,
        new EligibilityService(db, audit),
      );
    });
    after(async () => {
      await t.dispose();
    });

    it('closed last Mid-Autumn (2026-09-25) with all reached: two on the second try, one declined, noted', async () => {
      const run = await db
        .selectFrom('delivery_run')
        .selectAll()
        .where('community_id', '=', CID)
        .where('festival', '=', 'mid_autumn_festival')
        .executeTakeFirstOrThrow();
      assert.deepEqual([run.run_date, run.status, run.title], ['2026-09-25', 'closed', '2026年中秋节慰问']);
      const rs = await db
        .selectFrom('delivery_recipient')
        .selectAll()
        .where('community_id', '=', CID)
        .where('run_id', '=', run.id)
        .execute();
      assert.ok(rs.length >= 30, `a real list, got ${rs.length}`);
      const by = (s: string) => rs.filter((r) => r.status === s);
      assert.equal(by('declined').length, 1);
      assert.ok(by('declined')[0]!.note);
      assert.equal(by('delivered').length, rs.length - 1);
      assert.deepEqual(
        rs.filter((r) => Number(r.attempts) === 2).map((r) => r.status),
        ['delivered', 'delivered'],
      );
      assert.ok(rs.every((r) => r.confirmed_by_name && r.confirmed_at));
      // Its list is the one the server builds from the default groups (each active resident once).
      const built = await svc.buildList(db, CID, DEFAULT_RUN_GROUPS);
      assert.deepEqual(rs.map((r) => r.resident_id).sort(), built.map((r) => r.id).sort());
      const started = performance.now();
      await svc.buildList(db, CID, DEFAULT_RUN_GROUPS);
      console.log(
        `home care demo on ${kind}: seeded in ${ms.toFixed(0)} ms; a run's list of ${built.length} built in ` +
          `${(performance.now() - started).toFixed(1)} ms`,
      );
      const buildings = new Set(rs.map((r) => r.building));
      const assigned = await db
        .selectFrom('delivery_assignment')
        .select('building')
        .where('community_id', '=', CID)
        .where('run_id', '=', run.id)
        .execute();
      assert.deepEqual(new Set(assigned.map((a) => a.building)), buildings);
    });

    it('has the Spring Festival run open, nobody reached yet, 刘红梅 delivering in one building', async () => {
      const run = await db
        .selectFrom('delivery_run')
        .selectAll()
        .where('community_id', '=', CID)
        .where('festival', '=', 'spring_festival')
        .executeTakeFirstOrThrow();
      assert.deepEqual([run.run_date, run.status], ['2027-02-06', 'open']);
      const rs = await db
        .selectFrom('delivery_recipient')
        .select('status')
        .where('community_id', '=', CID)
        .where('run_id', '=', run.id)
        .execute();
      assert.ok(rs.length > 0 && rs.every((r) => r.status === 'pending'));
      const mine = await db
        .selectFrom('delivery_assignment as a')
        .innerJoin('volunteer as v', (j) =>
          j.onRef('v.community_id', '=', 'a.community_id').onRef('v.id', '=', 'a.volunteer_id'),
        )
        .innerJoin('account as c', 'c.id', 'v.account_id')
        .select('a.building')
        .where('a.run_id', '=', run.id)
        .where('c.phone', '=', '13800000006')
        .execute();
      assert.equal(mine.length, 1);
    });

    it('has about twenty home care tasks and a hospital rota, their work in the ledger, totals right', async () => {
      const tasks = await db.selectFrom('homecare_task').selectAll().where('community_id', '=', CID).execute();
      assert.ok(tasks.length >= 18 && tasks.length <= 24, `${tasks.length} tasks`);
      assert.deepEqual(new Set(tasks.map((x) => x.kind)), new Set(['quilt', 'haircut', 'bathing', 'cleaning']));
      assert.ok(
        tasks.some((x) => x.status === 'open' && x.due_on >= TODAY),
        'an open task for a volunteer to take',
      );
      const entries = new Map(
        (
          await db
            .selectFrom('hours_entry')
            .select(['id', 'source_id', 'minutes', 'source', 'status', 'volunteer_id'])
            .where('community_id', '=', CID)
            .where('source', '=', 'home_care')
            .execute()
        ).map((e) => [e.id, e]),
      );
      const done = tasks.filter((x) => x.status === 'done');
      assert.ok(done.length >= 10);
      for (const x of done) assert.equal(Number(entries.get(x.hours_entry_id!)?.minutes), Number(x.minutes));
      const shifts = await db.selectFrom('hospital_shift').selectAll().where('community_id', '=', CID).execute();
      const served = shifts.filter((s) => s.status === 'done');
      assert.ok(
        served.length >= 6 &&
          served.every((s) => entries.get(s.hours_entry_id!)?.source_id === s.id && s.ends_at <= NOW.toISOString()),
      );
      const soon = shifts.filter(
        (s) =>
          s.status === 'open' &&
          s.starts_at > NOW.toISOString() &&
          s.starts_at <= new Date(NOW.getTime() + 48 * 3600_000).toISOString(),
      );
      assert.equal(soon.length, 2, 'two gaps in the next 48 hours, shown in red');
      const me = await db
        .selectFrom('volunteer as v')
        .innerJoin('account as c', 'c.id', 'v.account_id')
        .select('v.id')
        .where('v.community_id', '=', CID)
        .where('c.phone', '=', '13800000006')
        .executeTakeFirstOrThrow();
      assert.ok(
        tasks.some((x) => x.volunteer_id === me.id && x.status === 'assigned') ||
          shifts.some((s) => s.volunteer_id === me.id && s.status === 'assigned'),
      );
      assert.equal(entries.size, done.length + served.length);
      const sums = new Map<string, number>();
      for (const e of await db
        .selectFrom('hours_entry')
        .select(['volunteer_id', 'minutes'])
        .where('community_id', '=', CID)
        .where('status', '=', 'verified')
        .execute())
        sums.set(e.volunteer_id, (sums.get(e.volunteer_id) ?? 0) + Number(e.minutes));
      for (const r of await db.selectFrom('hours_total').selectAll().where('community_id', '=', CID).execute())
        assert.equal(Number(r.credit_minutes), sums.get(r.volunteer_id) ?? 0);
    });
  });
}
