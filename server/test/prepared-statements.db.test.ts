// PostgreSQL keeps each statement the server sends prepared on its connection (db/database.ts): parsed and planned
// once, right for every value, and a statement whose result columns changed under it fails once, then works.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

interface Probe {
  ps_probe: { id: number; word: string };
}

if (testDatabaseKinds().includes('postgres'))
  describe('prepared statements on postgres', () => {
    let t: TestDatabase;
    let db: Kysely<Probe>;
    /** The statements this connection keeps prepared, by text. */
    const prepared = async (conn: Kysely<any>) =>
      (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn)).rows.map(
        (r) => r.statement,
      );

    before(async () => {
      t = await createTestDatabase('postgres');
      db = t.handle.db as unknown as Kysely<Probe>;
      await sql`create table ps_probe (id integer primary key, word text not null)`.execute(db);
      await db
        .insertInto('ps_probe')
        .values(Array.from({ length: 50 }, (_, i) => ({ id: i + 1, word: `w${i + 1}` })))
        .execute();
    });
    after(async () => {
      await t.dispose();
    });

    it('prepares a statement once per connection and answers each value rightly', async () => {
      await db.connection().execute(async (conn) => {
        for (let id = 1; id <= 12; id++) {
          const row = await conn.selectFrom('ps_probe').select('word').where('id', '=', id).executeTakeFirst();
          assert.equal(row?.word, `w${id}`, 'past the custom plans too (PostgreSQL tries a generic one after five)');
        }
        const texts = await prepared(conn);
        assert.equal(texts.filter((s) => s.includes('from "ps_probe" where "id" = $1')).length, 1);
      });
    });

    it('a statement whose result columns changed fails once, then answers with the new columns', async () => {
      await db.connection().execute(async (conn) => {
        const all = () => conn.selectFrom('ps_probe').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
        assert.deepEqual(await all(), { id: 1, word: 'w1' });
        await sql`alter table ps_probe add column extra integer not null default 7`.execute(conn);
        await assert.rejects(all(), (e: { code?: string }) => e.code === '0A000');
        assert.deepEqual(await all(), { id: 1, word: 'w1', extra: 7 });
      });
    });

    it('prepares nothing when turned off (LINLI_PG_PREPARED=0)', async () => {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${(await sql<{ d: string }>`select current_database() as d`.execute(db)).rows[0]!.d}`;
      const plain = openDatabase({ databaseUrl: url.toString(), poolSize: 1, preparedStatements: false });
      try {
        const p = plain.db as unknown as Kysely<Probe>;
        await p.connection().execute(async (conn) => {
          for (let id = 1; id <= 3; id++)
            await conn.selectFrom('ps_probe').select('word').where('id', '=', id).execute();
          assert.deepEqual(await prepared(conn), []);
        });
      } finally {
        await plain.close();
      }
    });
  });
