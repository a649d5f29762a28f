// SQLite's planner statistics: without them the planner took every community to hold a handful of rows and nested
// its loops (a community's dashboard 290 ms on a demo:city file, 150 ms with them). The server refreshes them at start
// (main.ts) and every hour (the job sqlite.optimize); PostgreSQL's autovacuum keeps its own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { refreshStatistics } from '../src/db/database.ts';
import { enqueueJob } from '../src/platform/jobs.ts';
import { startTestApp, type TestContext } from './app.ts';

describe('SQLite statistics', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp('sqlite');
  });
  after(async () => {
    await t.close();
  });

  const statistics = () =>
    t.db.handle
      .sqlite!.prepare<[], { idx: string }>("select idx from sqlite_stat1 where tbl = 'resident' order by idx")
      .all()
      .map((r) => r.idx);
  // As a database that never had any: the rows go, and the connection reloads what it knows (ANALYZE sqlite_schema).
  const forget = () =>
    t.db.handle.sqlite!.exec("delete from sqlite_stat1 where tbl in ('resident', 'household'); analyze sqlite_schema");

  it('are made for tables that have none, from their indexes', () => {
    refreshStatistics(t.db.handle);
    forget();
    assert.deepEqual(statistics(), []);
    refreshStatistics(t.db.handle);
    const made = statistics();
    assert.ok(made.includes('resident_household_ix'), made.join(', '));
    assert.ok(made.includes('resident_home_ix'), made.join(', '));
  });

  it('are refreshed by the hourly job', async () => {
    forget();
    assert.deepEqual(statistics(), []);
    await enqueueJob(t.db.handle.db, 'sqlite.optimize', {});
    assert.equal(await t.app.services.jobs.runDue(), 1);
    const job = await t.db.handle.db
      .selectFrom('job')
      .select(['status', 'last_error'])
      .where('kind', '=', 'sqlite.optimize')
      .executeTakeFirstOrThrow();
    assert.deepEqual(job, { status: 'done', last_error: null });
    assert.ok(statistics().includes('resident_household_ix'));
  });
});
