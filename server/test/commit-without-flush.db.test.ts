// transactionWithoutFlush (db/database.ts): its work commits, only its own commit skips the flush, and the
// database's usual durability is back for every other write, also one that was waiting meanwhile or after a failure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { transactionWithoutFlush, type Db } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

interface Probe {
  nf_probe: { id: number };
}

for (const kind of testDatabaseKinds()) {
  describe(`a commit without flush on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    const probe = () => db as unknown as Kysely<Probe>;
    /** What the next commit on this connection would do: SQLite's synchronous (2 = FULL), PostgreSQL's setting. */
    const durability = async (q: Kysely<any>) =>
      kind === 'sqlite'
        ? String((await sql<{ synchronous: number }>`pragma synchronous`.execute(q)).rows[0]!.synchronous)
        : (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(q)).rows[0]!.synchronous_commit;
    const usual = kind === 'sqlite' ? '2' : 'on';
    const relaxed = kind === 'sqlite' ? '1' : 'off';

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.handle.db;
      await sql`create table nf_probe (id integer primary key)`.execute(db);
    });
    after(async () => {
      await t.dispose();
    });

    it('commits its work, relaxed inside, and leaves the usual durability behind', async () => {
      const inside = await transactionWithoutFlush(db, async (trx) => {
        await (trx as unknown as Kysely<Probe>).insertInto('nf_probe').values({ id: 1 }).execute();
        return durability(trx);
      });
      assert.equal(inside, relaxed);
      assert.deepEqual(await probe().selectFrom('nf_probe').select('id').execute(), [{ id: 1 }]);
      assert.equal(await durability(db), usual);
      assert.equal(await db.transaction().execute((trx) => durability(trx)), usual);
    });

    it('rolls back on failure and restores the usual durability', async () => {
      await assert.rejects(
        transactionWithoutFlush(db, async (trx) => {
          await (trx as unknown as Kysely<Probe>).insertInto('nf_probe').values({ id: 2 }).execute();
          throw new Error('refused');
        }),
        /refused/,
      );
      assert.equal(
        (await probe().selectFrom('nf_probe').select('id').where('id', '=', 2).execute()).length,
        0,
        'nothing of the failed work stays',
      );
      assert.equal(await durability(db), usual);
    });

    it('a write that arrives meanwhile commits with the usual durability', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let started!: () => void;
      const inWork = new Promise<void>((r) => (started = r));
      const relaxedWrite = transactionWithoutFlush(db, async (trx) => {
        await (trx as unknown as Kysely<Probe>).insertInto('nf_probe').values({ id: 3 }).execute();
        started();
        await held;
      });
      await inWork;
      // SQLite waits for the one connection; PostgreSQL takes another from the pool.
      const other = db.transaction().execute(async (trx) => {
        await (trx as unknown as Kysely<Probe>).insertInto('nf_probe').values({ id: 4 }).execute();
        return durability(trx);
      });
      release();
      await relaxedWrite;
      assert.equal(await other, usual);
      assert.equal((await probe().selectFrom('nf_probe').select('id').where('id', 'in', [3, 4]).execute()).length, 2);
    });
  });
}
