// The job table on both databases: due jobs run once, failures retry later, and two workers claiming at
// the same moment never take the same job.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { claimJobs, enqueueJob, JobWorker } from '../src/platform/jobs.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

const log = pino({ level: 'silent' });

for (const kind of testDatabaseKinds()) {
  describe(`jobs on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    it('runs due jobs once and leaves future ones', async () => {
      const ran: string[] = [];
      const w = new JobWorker(t.handle.db, kind, log as any);
      w.register('greet', async (p) => {
        ran.push(p.name);
      });
      await enqueueJob(t.handle.db, 'greet', { name: 'now' });
      await enqueueJob(t.handle.db, 'greet', { name: 'later' }, { runAt: new Date(Date.now() + 3600_000) });
      assert.equal(await w.runDue(), 1);
      assert.equal(await w.runDue(), 0);
      assert.deepEqual(ran, ['now']);
    });

    it('enqueues a unique key once', async () => {
      await enqueueJob(t.handle.db, 'slot', {}, { uniqueKey: 'slot@1', runAt: new Date(Date.now() + 3600_000) });
      await enqueueJob(t.handle.db, 'slot', {}, { uniqueKey: 'slot@1', runAt: new Date(Date.now() + 3600_000) });
      const rows = await t.handle.db.selectFrom('job').select('id').where('unique_key', '=', 'slot@1').execute();
      assert.equal(rows.length, 1);
    });

    it('retries a failing job later and records the error', async () => {
      const w = new JobWorker(t.handle.db, kind, log as any);
      w.register('flaky', async () => {
        throw new Error('printer on fire');
      });
      await enqueueJob(t.handle.db, 'flaky', {});
      assert.equal(await w.runDue(), 1);
      const row = await t.handle.db.selectFrom('job').selectAll().where('kind', '=', 'flaky').executeTakeFirstOrThrow();
      assert.equal(row.status, 'pending');
      assert.equal(row.last_error, 'printer on fire');
      assert.ok(row.run_at > new Date().toISOString());
    });

    it('never hands one job to two workers', async () => {
      for (let i = 0; i < 40; i++) await enqueueJob(t.handle.db, 'race', { i });
      const claims = await Promise.all([1, 2, 3, 4].map((n) => claimJobs(t.handle.db, kind, `w${n}`, 15)));
      const ids = claims.flat().map((j) => j.id);
      assert.equal(new Set(ids).size, ids.length, 'no job claimed twice');
      const raceIds = ids.filter(Boolean);
      assert.ok(raceIds.length >= 40, `claimed ${raceIds.length}`);
    });
  });
}
