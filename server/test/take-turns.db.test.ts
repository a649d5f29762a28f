// Other requests take turns between a long computation's statements on SQLite (db/take-turns.ts): each statement
// through takingTurns ends by giving the event loop a turn; on PostgreSQL the handle is unchanged.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { takingTurns } from '../src/db/take-turns.ts';
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

    /** Turns the event loop gave other work (a setImmediate chain) while twenty statements ran one after another. */
    async function turnsDuring(db: TestDatabase['handle']['db']): Promise<number> {
      let turns = 0;
      let running = true;
      const other = () => {
        turns++;
        if (running) setImmediate(other);
      };
      setImmediate(other);
      const before = turns;
      for (let i = 0; i < 20; i++) await db.selectFrom('community').select('id').execute();
      running = false;
      return turns - before;
    }

    it(kind === 'sqlite' ? 'gives a turn after every statement' : 'leaves PostgreSQL as it is', async () => {
      const db = t.handle.db;
      const taking = takingTurns(db);
      if (kind === 'postgres') return assert.equal(taking, db);
      const plain = await turnsDuring(db);
      const shared = await turnsDuring(taking);
      // better-sqlite3 answers at once: twenty statements through Kysely alone are one turn of the loop.
      assert.ok(plain <= 1, `plain: ${plain}`);
      assert.ok(shared >= 20, `taking turns: ${shared}`);
      // Results come through unchanged.
      assert.deepEqual(
        await taking.selectFrom('community').select('id').execute(),
        await db.selectFrom('community').select('id').execute(),
      );
    });
  });
}
