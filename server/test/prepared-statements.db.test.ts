// On PostgreSQL each connection prepares the statements Kysely sends with parameters under a name (db/database.ts):
// parsed once and run again by name, never BEGIN or a statement without parameters, and no more than
// PREPARED_PER_CONNECTION on a connection, the rest still answered unnamed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { PREPARED_PER_CONNECTION, type Db } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

for (const kind of testDatabaseKinds().filter((k) => k === 'postgres')) {
  describe(`prepared statements on ${kind}`, () => {
    let t: TestDatabase;
    let db: Db;
    /** The statements prepared on the connection `c`, with how many times each was planned (custom or generic). */
    const preparedOn = async (c: Db) => {
      const runs = sql`generic_plans + custom_plans`;
      return (await sql<Prepared>`select name, statement, ${runs} as runs from pg_prepared_statements`.execute(c)).rows;
    };

    before(async () => {
      t = await createTestDatabase(kind);
      db = t.handle.db;
    });
    after(async () => {
      await t.dispose();
    });

    it('prepares a statement with parameters once and runs it again by name, with the right answers', async () => {
      await db.connection().execute(async (c) => {
        const query = (n: number) => c.selectNoFrom(sql<number>`${n}::int + 1`.as('next'));
        const text = query(0).compile().sql;
        for (let n = 0; n < 7; n++) assert.equal((await query(n).executeTakeFirstOrThrow()).next, n + 1);
        const mine = (await preparedOn(c)).filter((p) => p.statement === text);
        assert.equal(mine.length, 1, 'one prepared statement for the seven runs');
        assert.match(mine[0]!.name, /^l[\w-]{27}$/);
        assert.equal(Number(mine[0]!.runs), 7, 'run seven times by its name');
        // Without parameters (BEGIN, COMMIT, a constant query): sent as it is, never prepared.
        await db.transaction().execute(async () => {});
        await sql`select 42 as answer`.execute(c);
        const texts = (await preparedOn(c)).map((p) => p.statement.toLowerCase());
        assert.ok(!texts.some((s) => s.includes('42') || s.startsWith('begin') || s.startsWith('commit')));
      });
    });

    it('a statement PostgreSQL refuses leaves the connection able to prepare it right next time', async () => {
      await db.connection().execute(async (c) => {
        const bad = sql<{ n: number }>`select ${1}::int as n from no_such_table`;
        await assert.rejects(bad.execute(c), /no_such_table/);
        await sql`create table prepared_probe (n int)`.execute(c);
        await sql`insert into prepared_probe values (${5})`.execute(c);
        // The same text as the refused one, now that its table exists.
        const again = sql<{ n: number }>`select ${1}::int as n from prepared_probe`;
        assert.deepEqual((await again.execute(c)).rows, [{ n: 1 }]);
      });
    });

    it(`keeps at most ${PREPARED_PER_CONNECTION} on a connection and answers the rest unnamed`, async () => {
      await db.connection().execute(async (c) => {
        const before = (await preparedOn(c)).length;
        const distinct = PREPARED_PER_CONNECTION + 20;
        for (let i = 0; i < distinct; i++) {
          // A distinct text each time (the alias), one parameter.
          const row = await sql<{ v: number }>`select ${i}::int as ${sql.ref(`v${i}`)}`.execute(c);
          assert.equal((row.rows[0] as Record<string, number>)[`v${i}`], i);
        }
        const after = (await preparedOn(c)).length;
        assert.equal(after, PREPARED_PER_CONNECTION, `from ${before} to the cap, not ${before + distinct}`);
      });
    });
  });
}
