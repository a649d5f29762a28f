// Other requests take turns between a long computation's statements on SQLite (db/take-turns.ts): each statement
// through takingTurns ends by giving the event loop a turn, and inTurn runs a computation's tasks one after another
// there (started together, on PostgreSQL). A background job's statements keep to one connection (onOneConnection).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { inTurn, onOneConnection, takingTurns } from '../src/db/take-turns.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`taking turns on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    /** Turns the event loop gave other work (a setImmediate chain) while `work` ran. */
    async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
      let turns = 0;
      let running = true;
      const other = () => {
        turns++;
        if (running) setImmediate(other);
      };
      setImmediate(other);
      const before = turns;
      await work();
      running = false;
      return turns - before;
    }
    const twenty = (db: TestDatabase['handle']['db']) => async () => {
      for (let i = 0; i < 20; i++) await db.selectFrom('community').select('id').execute();
    };

    it(kind === 'sqlite' ? 'gives a turn after every statement' : 'leaves PostgreSQL as it is', async () => {
      const db = t.handle.db;
      const taking = takingTurns(db);
      if (kind === 'postgres') return assert.equal(taking, db);
      const plain = await turnsDuring(twenty(db));
      const shared = await turnsDuring(twenty(taking));
      // better-sqlite3 answers at once: twenty statements through Kysely alone are one turn of the loop.
      assert.ok(plain <= 1, `plain: ${plain}`);
      assert.ok(shared >= 20, `taking turns: ${shared}`);
      // Results come through unchanged.
      assert.deepEqual(
        await taking.selectFrom('community').select('id').execute(),
        await db.selectFrom('community').select('id').execute(),
      );
    });

    it(kind === 'sqlite' ? 'runs tasks one after another' : 'starts tasks together', async () => {
      const taking = takingTurns(t.handle.db);
      const events: string[] = [];
      const tasks = [0, 1, 2].map((i) => async () => {
        events.push(`start ${i}`);
        await taking.selectFrom('community').select('id').execute();
        events.push(`end ${i}`);
        return i;
      });
      assert.deepEqual(await inTurn(taking, tasks), [0, 1, 2]);
      if (kind === 'postgres') return assert.deepEqual(events.slice(0, 3), ['start 0', 'start 1', 'start 2']);
      assert.deepEqual(events, ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
      // Twenty tasks of a statement each: other work gets a turn after every one.
      const each = Array.from({ length: 20 }, () => () => taking.selectFrom('community').select('id').execute());
      assert.ok((await turnsDuring(() => inTurn(taking, each))) >= 20);
    });

    it(
      kind === 'sqlite' ? 'runs a job as it is' : "keeps a job's statements, started together, to one connection",
      async () => {
        const db = takingTurns(t.handle.db);
        if (kind === 'sqlite') {
          let given: unknown;
          assert.equal(await onOneConnection(db, async (d) => ((given = d), 7)), 7);
          return assert.equal(given, db);
        }
        const pid = (d: typeof db) => sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(d);
        // Outside: five statements at once take several connections of the pool.
        const loose = new Set((await Promise.all([0, 1, 2, 3, 4].map(() => pid(db)))).map((r) => r.rows[0]!.pid));
        assert.ok(loose.size > 1, `outside a job: ${loose.size} connection(s)`);
        const pids = await onOneConnection(db, (d) =>
          inTurn(
            d,
            [0, 1, 2, 3, 4].map(() => async () => (await pid(d)).rows[0]!.pid),
          ),
        );
        assert.equal(new Set(pids).size, 1);
        // Read only: a job that reads cannot write by mistake.
        await assert.rejects(
          onOneConnection(db, (d) =>
            d
              .insertInto('community')
              .values({ id: 'x', name: 'x' } as never)
              .execute(),
          ),
          /read-only/,
        );
      },
    );
  });
}
