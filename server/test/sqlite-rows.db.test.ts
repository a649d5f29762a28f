// On SQLite, Kysely's reading statements return rows built by an object literal compiled for their columns
// (db/database.ts, withPlainRows), not better-sqlite3's own slow objects: the same keys, values and order as
// better-sqlite3 gives, for a table's rows, duplicate column names, RETURNING, a stream, and a statement run again.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { createTestDatabase, type TestDatabase } from './databases.ts';

describe('rows on sqlite', () => {
  let t: TestDatabase;
  /** The database, typed with the probe table this file makes. */
  let db: Kysely<{
    row_probe: {
      id: number;
      name: string | null;
      note: string | null;
      amount: number | null;
      blob_part: Buffer | null;
    };
  }>;
  /** better-sqlite3's own rows for the same statement, on the same connection. */
  const own = (text: string, ...params: unknown[]) => t.handle.sqlite!.prepare(text).all(...params);

  before(async () => {
    t = await createTestDatabase('sqlite');
    db = t.handle.db as unknown as typeof db;
    const columns = sql.raw('id integer primary key, name text, note text, amount real, blob_part blob');
    await sql`create table row_probe (${columns})`.execute(db);
    await sql`insert into row_probe values (1, '张三', null, 1.5, x'00ff'), (2, '李四', 'n', -2, null)`.execute(db);
  });
  after(async () => {
    await t.dispose();
  });

  it('gives the rows better-sqlite3 gives, keys in the same order, plain objects', async () => {
    const text = 'select * from row_probe where id >= ? order by id';
    for (let run = 0; run < 3; run++) {
      const rows = (await sql.raw(text.replace('?', '1')).execute(db)).rows;
      const mine = await db.selectFrom('row_probe').selectAll().where('id', '>=', 1).orderBy('id').execute();
      assert.deepEqual(mine, own(text, 1), `run ${run}`);
      assert.deepEqual(rows, own(text, 1));
      assert.deepEqual(Object.keys(mine[0]!), ['id', 'name', 'note', 'amount', 'blob_part']);
      assert.equal(Object.getPrototypeOf(mine[0]), Object.prototype);
      assert.ok(Buffer.isBuffer(mine[0]!.blob_part));
    }
  });

  it('a later column of the same name wins, as in better-sqlite3; a column __proto__ sets no prototype', async () => {
    const dup = (await sql`select 1 as a, 2 as a, 3 as b`.execute(db)).rows;
    assert.deepEqual(dup, [{ a: 2, b: 3 }]);
    assert.deepEqual(dup, own('select 1 as a, 2 as a, 3 as b'));
    const proto = (await sql`select 1 as __proto__, 2 as x`.execute(db)).rows as object[];
    assert.equal(Object.getPrototypeOf(proto[0]), Object.prototype);
    assert.deepEqual(Object.keys(proto[0]!), Object.keys(own('select 1 as __proto__, 2 as x')[0] as object));
  });

  it('a table made again with its columns in another order: the same statement gives the new columns', async () => {
    const read = () => sql`select * from remade`.execute(db).then((r) => r.rows);
    await sql`create table remade (a text, b text)`.execute(db);
    await sql`insert into remade values ('A', 'B')`.execute(db);
    assert.deepEqual(await read(), [{ a: 'A', b: 'B' }]);
    await sql`drop table remade`.execute(db);
    await sql`create table remade (b text, a text, c text)`.execute(db);
    await sql`insert into remade values ('b', 'a', 'c')`.execute(db);
    assert.deepEqual(await read(), [{ b: 'b', a: 'a', c: 'c' }]);
    assert.deepEqual(await read(), own('select * from remade'));
  });

  it('RETURNING and a stream give rows; a write still reports what it changed', async () => {
    const inserted = await db
      .insertInto('row_probe')
      .values({ id: 3, name: '王五' })
      .returning(['id', 'name'])
      .execute();
    assert.deepEqual(inserted, [{ id: 3, name: '王五' }]);
    const updated = await db.updateTable('row_probe').set({ note: 'x' }).where('id', '>', 1).executeTakeFirst();
    assert.equal(Number(updated.numUpdatedRows), 2);
    const streamed: unknown[] = [];
    for await (const r of db.selectFrom('row_probe').select(['id', 'note']).orderBy('id').stream()) streamed.push(r);
    assert.deepEqual(streamed, own('select id, note from row_probe order by id'));
    assert.equal(streamed.length, 3);
  });
});
