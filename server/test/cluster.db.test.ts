// Several servers on one database, within one test process: the rate-limit store shared by three "servers" counts
// once across them, and the cluster events reach another server's subscribers (PostgreSQL) only once the
// publishing transaction commits. (scripts/cluster.test.ts proves the same with three real server processes.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { ClusterEvents } from '../src/platform/cluster-events.ts';
import { GroupCommit } from '../src/platform/group-commit.ts';
import { databaseRateLimitStore, sweepRateLimits } from '../src/platform/rate-limit-store.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

type Store = InstanceType<ReturnType<typeof databaseRateLimitStore>>;
const incr = (store: Store, key: string, windowMs = 60_000) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, r) => (err ? reject(err) : resolve(r!)), windowMs),
  );
const route = (url: string) => ({ routeInfo: { method: 'POST', url } });

async function until(check: () => boolean, ms: number): Promise<number> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - t0;
}

for (const kind of testDatabaseKinds()) {
  describe(`several servers on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    it('counts a rate limit once across three stores, per route, with a new window when one is over', async () => {
      const Store = databaseRateLimitStore(t.handle.db);
      const servers = [0, 1, 2].map(() => new Store().child(route('/api/auth/sign-in')));
      const hits = await Promise.all(Array.from({ length: 30 }, (_, i) => incr(servers[i % 3]!, '10.0.0.1')));
      assert.deepEqual(
        hits.map((h) => h.current).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, i) => i + 1),
        'every hit got its own count: none lost, none counted twice',
      );
      assert.ok(hits.every((h) => h.ttl > 0 && h.ttl <= 60_000));
      // Another route and another client count on their own.
      assert.equal((await incr(new Store().child(route('/api/other')), '10.0.0.1')).current, 1);
      assert.equal((await incr(servers[0]!, '10.0.0.2')).current, 1);
      // A window of 50 ms: over after it, the count starts again.
      const short = new Store().child(route('/short'));
      assert.equal((await incr(short, 'c', 50)).current, 1);
      assert.equal((await incr(short, 'c', 50)).current, 2);
      await new Promise((r) => setTimeout(r, 80));
      assert.equal((await incr(short, 'c', 50)).current, 1);
      // No client address is stored.
      const keys = await t.handle.db.selectFrom('rate_limit').select('key').execute();
      assert.ok(keys.length >= 4 && keys.every((k) => !k.key.includes('10.0.0')));
      assert.equal(await sweepRateLimits(t.handle.db, Date.now() + 3600_000), keys.length);
    });

    it('tells the other servers what one publishes, once its transaction commits', async () => {
      const a = new ClusterEvents(t.handle.db, t.handle.url);
      const b = new ClusterEvents(t.handle.db, t.handle.url);
      try {
        await Promise.all([a.start(), b.start()]);
        const heardA: unknown[] = [];
        const heardB: unknown[] = [];
        a.subscribe('sessions', (p) => heardA.push(p));
        b.subscribe('sessions', (p) => heardB.push(p));
        await a.publish('sessions', { s: 'one' });
        assert.deepEqual(heardA, [{ s: 'one' }], 'the publisher hears itself at once, once');
        if (kind === 'sqlite') {
          assert.deepEqual(heardB, [], 'SQLite: one process, nothing leaves it');
          return;
        }
        const ms = await until(() => heardB.length === 1, 1000);
        assert.deepEqual(heardB, [{ s: 'one' }]);
        console.log(`  cluster event heard by another connection in ${ms.toFixed(1)} ms`);
        // Rolled back: never heard elsewhere. Committed: heard after the commit only.
        await t.handle.db
          .transaction()
          .execute(async (trx) => {
            await a.publish('sessions', { s: 'rolled back' }, trx);
            throw new Error('roll back');
          })
          .catch(() => {});
        await t.handle.db.transaction().execute(async (trx) => {
          await a.publish('sessions', { s: 'committed' }, trx);
          await new Promise((r) => setTimeout(r, 50));
          assert.equal(heardB.length, 1, 'not heard before the commit');
        });
        await until(() => heardB.length === 2, 1000);
        await new Promise((r) => setTimeout(r, 50));
        assert.deepEqual(heardB, [{ s: 'one' }, { s: 'committed' }]);
        assert.equal(a.stats.received, 0, 'a publisher does not hear its own announcements twice');
      } finally {
        await a.close();
        await b.close();
      }
    });

    it("tries again a request of a group commit that deadlocked with another server's batch", async (t2) => {
      if (kind === 'sqlite') return t2.skip('SQLite has one writer: no deadlock between batches');
      const db = t.handle.db;
      await sql`create table gc_pair (id integer primary key, n integer not null)`.execute(db);
      await sql`insert into gc_pair values (1, 0), (2, 0)`.execute(db);
      const one = new GroupCommit(db);
      const two = new GroupCommit(db);
      // Each server's request locks one row, waits until the other has locked the other row, then wants it.
      let arrived = 0;
      let release!: () => void;
      const bothLocked = new Promise<void>((r) => (release = r));
      const work = (first: number, second: number) => async (trx: typeof db) => {
        await sql`update gc_pair set n = n + 1 where id = ${first}`.execute(trx);
        if (++arrived === 2) release();
        await bothLocked;
        await sql`update gc_pair set n = n + 1 where id = ${second}`.execute(trx);
        return first;
      };
      const results = await Promise.allSettled([one.run(work(1, 2)), two.run(work(2, 1))]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled'],
        String(results.map((r) => (r.status === 'rejected' ? r.reason : '')).join(' ')),
      );
      assert.ok(one.stats.retried + two.stats.retried >= 1, 'the deadlock victim was tried again');
      const rows = await sql<{ n: number }>`select n from gc_pair order by id`.execute(db);
      assert.deepEqual(
        rows.rows.map((r) => Number(r.n)),
        [2, 2],
        'both requests committed once each',
      );
    });
  });
}
