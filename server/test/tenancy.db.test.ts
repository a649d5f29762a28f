// The tenancy rule, read off the real schema: every table with a community_id leads its primary key with it,
// and every foreign key to another such table carries community_id first on both sides.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';

interface TableShape {
  name: string;
  columns: string[];
  primaryKey: string[];
  foreignKeys: Array<{ from: string[]; table: string; to: string[] }>;
}

async function readSchema(t: TestDatabase): Promise<TableShape[]> {
  const db = t.handle.db;
  if (t.kind === 'sqlite') {
    const tables = (
      await sql<{
        name: string;
      }>`select name from sqlite_master
        where type = 'table' and name not like 'sqlite_%' and name not like 'linli_migration%'`.execute(db)
    ).rows;
    const out: TableShape[] = [];
    for (const { name } of tables) {
      const cols = (
        await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${name})`.execute(db)
      ).rows;
      const fks = (
        await sql<{
          id: number;
          seq: number;
          table: string;
          from: string;
          to: string;
        }>`select id, seq, "table", "from", "to" from pragma_foreign_key_list(${name}) order by id, seq`.execute(db)
      ).rows;
      const byId = new Map<number, { from: string[]; table: string; to: string[] }>();
      for (const f of fks) {
        const e = byId.get(f.id) ?? { from: [], table: f.table, to: [] };
        e.from.push(f.from);
        e.to.push(f.to);
        byId.set(f.id, e);
      }
      out.push({
        name,
        columns: cols.map((c) => c.name),
        primaryKey: cols
          .filter((c) => c.pk > 0)
          .sort((a, b) => a.pk - b.pk)
          .map((c) => c.name),
        foreignKeys: [...byId.values()],
      });
    }
    return out;
  }
  const tables = (
    await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name not like 'linli_migration%'`.execute(db)
  ).rows;
  const out: TableShape[] = [];
  for (const { name } of tables) {
    const cols = (
      await sql<{
        name: string;
      }>`select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${name}`.execute(db)
    ).rows;
    const pk = (
      await sql<{
        name: string;
      }>`select a.attname as name
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = (current_schema() || '.' || ${name})::regclass and i.indisprimary
        order by array_position(i.indkey, a.attnum)`.execute(db)
    ).rows;
    const fks = (
      await sql<{ from_cols: string[]; table: string; to_cols: string[] }>`select
        array(select attname from unnest(c.conkey) with ordinality k(n, o)
          join pg_attribute on attrelid = c.conrelid and attnum = k.n order by k.o)::text[] as from_cols,
        c.confrelid::regclass::text as table,
        array(select attname from unnest(c.confkey) with ordinality k(n, o)
          join pg_attribute on attrelid = c.confrelid and attnum = k.n order by k.o)::text[] as to_cols
      from pg_constraint c
      where c.contype = 'f' and c.conrelid = (current_schema() || '.' || ${name})::regclass`.execute(db)
    ).rows;
    out.push({
      name,
      columns: cols.map((c) => c.name),
      primaryKey: pk.map((p) => p.name),
      foreignKeys: fks.map((f) => ({ from: f.from_cols, table: f.table.replace(/^.*\./, ''), to: f.to_cols })),
    });
  }
  return out;
}

/** Tables with a community_id that is a filter, not the tenant key, and why. */
const PLATFORM_WIDE: Record<string, string> = {
  // A sign-in code goes out before anyone has a community; rows carry the community when one is known.
  notification_outbox: 'one outbox for the platform; community_id may be null',
};

for (const kind of testDatabaseKinds()) {
  describe(`tenancy rule on ${kind}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(kind);
    });
    after(async () => {
      await t.dispose();
    });

    it('every community-scoped table leads its primary key and its foreign keys with community_id', async () => {
      const tables = await readSchema(t);
      assert.ok(tables.length >= 10, `read ${tables.length} tables`);
      const scoped = new Set(
        tables.filter((x) => x.columns.includes('community_id') && !PLATFORM_WIDE[x.name]).map((x) => x.name),
      );
      assert.ok(scoped.has('resident') && scoped.has('household') && scoped.has('audit_log'));
      const problems: string[] = [];
      for (const table of tables) {
        if (!scoped.has(table.name)) continue;
        if (table.primaryKey[0] !== 'community_id')
          problems.push(`${table.name}: primary key (${table.primaryKey.join(', ')}) does not lead with community_id`);
        for (const fk of table.foreignKeys) {
          if (!scoped.has(fk.table)) continue;
          if (fk.from[0] !== 'community_id' || fk.to[0] !== 'community_id')
            problems.push(
              `${table.name}: foreign key (${fk.from.join(', ')}) → ${fk.table}(${fk.to.join(', ')})` +
                ' does not lead with community_id',
            );
        }
      }
      assert.deepEqual(problems, []);
    });
  });
}
