// Group commit on both databases: concurrent requests share transactions (never more than maxBatch each),
// run in arrival order, a refusal (or a statement error, which aborts the whole transaction on PostgreSQL
// unless rolled back to its savepoint) takes back only that request's writes, and a batch whose commit
// fails rejects every request in it and writes nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { GroupCommit, GroupCommitError } from '../src/platform/group-commit.ts';
import { AppError } from '../src/platform/errors.ts';

interface Probe {
  gc_parent: { id: number };
  gc_probe: { id: number; seq: number; parent_id: number | null };
}

for (const kind of testDatabaseKinds()) {
  describe(`group commit on ${kind}`, () => {
    let t: TestDatabase;
    let db: Kysely<Probe>;
    let seq = 0;
    const rows = async () => await db.selectFrom('gc_probe').select(['id', 'seq']).orderBy('seq').execute();
    /** Inserts row `id` with the next sequence number, as the request's work. */
    const insert = (gc: GroupCommit<Probe>, id: number, parent: number | null = null) =>
      gc.run(async (trx) => {
        await trx.insertInto('gc_probe').values({ id, seq: ++seq, parent_id: parent }).execute();
        return id;
      });

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.handle.db as unknown as Kysely<Probe>;
      await db.schema
        .createTable('gc_parent')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
      // Checked at commit: the way to make a commit itself fail on both databases.
      await sql`create table gc_probe (
        id integer primary key,
        seq integer not null,
        parent_id integer references gc_parent (id) deferrable initially deferred
      )`.execute(db);
    });
    after(async () => {
      await t.dispose();
    });
    const reset = async () => {
      await db.deleteFrom('gc_probe').execute();
      seq = 0;
    };

    it('collects concurrent requests into a few transactions of at most maxBatch, in arrival order', async () => {
      await reset();
      const gc = new GroupCommit(db, { maxBatch: 40 });
      const ids = Array.from({ length: 250 }, (_, i) => i + 1);
      assert.deepEqual(await Promise.all(ids.map((id) => insert(gc, id))), ids);
      assert.deepEqual(
        (await rows()).map((r) => r.id),
        ids,
        'every row, in the order the requests arrived',
      );
      assert.equal(gc.stats.requests, 250);
      assert.ok(gc.stats.largest <= 40 && gc.stats.largest >= 20, `largest batch ${gc.stats.largest}`);
      assert.ok(gc.stats.batches <= 250 / 20, `${gc.stats.batches} batches`);
      assert.equal(gc.stats.failed, 0);
      assert.equal(gc.stats.guarded, 0, 'no request failed: no batch ran again with savepoints');
    });

    it('takes back only a refused request: its writes go, its own error rejects only its promise', async () => {
      await reset();
      const gc = new GroupCommit(db);
      const refused = gc.run(async (trx) => {
        await trx.insertInto('gc_probe').values({ id: 1000, seq: ++seq, parent_id: null }).execute();
        throw new AppError('conflict', {});
      });
      // A statement error: on PostgreSQL the transaction is unusable until rolled back to the savepoint.
      const duplicate = gc.run(async (trx) => {
        await trx.insertInto('gc_probe').values({ id: 1001, seq: ++seq, parent_id: null }).execute();
        await trx.insertInto('gc_probe').values({ id: 1001, seq: ++seq, parent_id: null }).execute();
      });
      const others = [1, 2, 3].map((id) => insert(gc, id));
      const settled = await Promise.allSettled([refused, duplicate, ...others]);
      assert.equal(settled[0]!.status, 'rejected');
      assert.ok((settled[0] as PromiseRejectedResult).reason instanceof AppError);
      assert.equal((settled[0] as PromiseRejectedResult).reason.code, 'conflict');
      assert.equal(settled[1]!.status, 'rejected');
      assert.ok(
        !((settled[1] as PromiseRejectedResult).reason instanceof GroupCommitError),
        'the statement error itself, not a batch failure',
      );
      assert.deepEqual(
        settled.slice(2).map((s) => s.status),
        ['fulfilled', 'fulfilled', 'fulfilled'],
      );
      assert.deepEqual(
        (await rows()).map((r) => r.id).sort((a, b) => a - b),
        [1, 2, 3],
        'neither 1000 nor 1001 was written',
      );
      assert.equal(gc.stats.failed, 0);
      // PostgreSQL runs a batch first without savepoints; the refusals sent it round again with them.
      assert.equal(gc.stats.guarded, kind === 'postgres' ? 1 : 0);
    });

    it('refuses the request of a batch of one without running it again', async () => {
      await reset();
      const gc = new GroupCommit(db);
      let runs = 0;
      const refused = gc.run(async (trx) => {
        runs++;
        await trx.insertInto('gc_probe').values({ id: 7, seq: ++seq, parent_id: null }).execute();
        throw new AppError('conflict', {});
      });
      await assert.rejects(refused, (e: unknown) => e instanceof AppError && e.code === 'conflict');
      assert.equal(runs, 1);
      assert.equal(gc.stats.guarded, 0);
      assert.deepEqual(await rows(), [], 'its write was taken back');
      assert.equal(await insert(gc, 8), 8, 'the next batch works as usual');
    });

    it('rejects every request of a batch whose commit fails, and writes none of them', async () => {
      await reset();
      const failures: GroupCommitError[] = [];
      const gc = new GroupCommit(db, { onBatchFailure: (e) => failures.push(e) });
      // Row 3 points at a parent that does not exist: accepted statement by statement, refused at commit.
      const refused = gc.run(async () => {
        throw new AppError('already_signed_up', {});
      });
      const settled = await Promise.allSettled([
        insert(gc, 1),
        insert(gc, 2),
        insert(gc, 3, 999),
        refused,
        insert(gc, 4),
      ]);
      for (const s of settled) {
        assert.equal(s.status, 'rejected', 'nobody is told they are in');
        assert.ok((s as PromiseRejectedResult).reason instanceof GroupCommitError);
        assert.match((s as PromiseRejectedResult).reason.message, /group commit of 5 requests rolled back/);
      }
      assert.equal(failures.length, 1);
      assert.equal(gc.stats.failed, 1);
      assert.deepEqual(await rows(), []);
      // The next batch works as usual.
      assert.equal(await insert(gc, 5), 5);
      assert.deepEqual(
        (await rows()).map((r) => r.id),
        [5],
      );
    });

    it('settles only after the commit: a resolved request is visible to a fresh read', async () => {
      await reset();
      const gc = new GroupCommit(db, { maxBatch: 3 });
      const seen = await Promise.all(
        [1, 2, 3, 4, 5, 6, 7].map(async (id) => {
          await insert(gc, id);
          return Number(
            (
              await db
                .selectFrom('gc_probe')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('id', '=', id)
                .executeTakeFirstOrThrow()
            ).n,
          );
        }),
      );
      assert.deepEqual(seen, [1, 1, 1, 1, 1, 1, 1]);
      assert.ok(gc.stats.largest <= 3);
    });
  });
}
