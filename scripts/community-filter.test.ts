// The community_id filter check (scripts/community-filter.ts): it must catch an unpinned statement, accept the
// shapes that pin every table, and read the community-scoped tables from the schema on both databases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { analyse, check, communityScopedTables, readRecording, unpinnedTables } from './community-filter.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../server/test/databases.ts';
import { ALLOWED } from './community-filter-allowed.ts';

let scoped: Set<string>;
before(async () => {
  scoped = await communityScopedTables();
});

test('the community-scoped tables are those with a community_id column', () => {
  for (const t of ['need', 'volunteer', 'membership', 'indicators_rollup', 'notification_outbox'])
    assert.ok(scoped.has(t), t);
  for (const t of ['account', 'community', 'region', 'session', 'job']) assert.ok(!scoped.has(t), t);
  assert.ok(scoped.size > 100, `${scoped.size}`);
});

test('a statement is flagged for each community-scoped table it does not pin to one community', () => {
  const cases: [string, string[]][] = [
    ['select * from "need" where "id" = ?', ['need']],
    ['select * from "need" where "community_id" = ? and "id" = ?', []],
    ['select * from "need" where "community_id" in (?, ?)', []],
    ['select * from "need" where "community_id" is not null', ['need']],
    ['select "community_id", count(*) from "need" group by "community_id"', ['need']],
    // a join: the joined table needs its own community_id, equal to a pinned one
    [
      'select "n".* from "need" as "n" inner join "resident" as "r" on "r"."id" = "n"."resident_id" ' +
        'where "n"."community_id" = ?',
      ['resident'],
    ],
    [
      'select "n".* from "need" as "n" inner join "resident" as "r" on "r"."community_id" = "n"."community_id" ' +
        'and "r"."id" = "n"."resident_id" where "n"."community_id" = $1',
      [],
    ],
    // equal community_ids alone pin nothing
    ['select count(*) from need n, resident r where r.community_id = n.community_id', ['need', 'resident']],
    ['select count(*) from need n, resident r where n.community_id = ?', ['resident']],
    // subqueries, correlated or not
    ['select * from account where id in (select account_id from membership where community_id = $1)', []],
    ['select * from account where id in (select account_id from membership where grid_id = $1)', ['membership']],
    [
      'select * from need where community_id = ? and exists ' +
        '(select 1 from resident r where r.community_id = need.community_id and r.id = need.resident_id)',
      [],
    ],
    [
      'with x as (select id from need where community_id = ?) select * from x join pairing p on p.id = x.id',
      ['pairing'],
    ],
    // a subquery in FROM carries the community of the tables inside it
    [
      'select * from (select r.community_id, r.household_id from resident r where r.community_id = ? limit 5) as p ' +
        'join household h on h.community_id = p.community_id and h.id = p.household_id',
      [],
    ],
    [
      'select * from (select r.community_id, r.household_id from resident r limit 5) as p ' +
        'join household h on h.community_id = p.community_id and h.id = p.household_id',
      ['resident', 'household'],
    ],
    // select … for update is not an update
    ['select "id" from "need" where "community_id" = ? for update', []],
    // writes
    ['insert into "need" ("community_id", "id") values (?, ?) on conflict ("community_id", "id") do nothing', []],
    ['insert into "need" ("id") values (?)', ['need']],
    ['update "need" set "community_id" = ? where "id" = ?', ['need']],
    ['update "need" set "status" = ? where "community_id" = ? and "id" = ?', []],
    ['delete from "need" where "id" = ?', ['need']],
    // tables without community_id, and statements that are not queries
    ['select * from "account" where "phone" = ?', []],
    ['create index "need_ix" on "need" ("community_id", "status")', []],
  ];
  for (const [q, expected] of cases) assert.deepEqual(unpinnedTables(q, scoped).sort(), expected.sort(), q);
});

test('a sweep is co-located when its tables are joined on community_id', () => {
  const on = 'from activity_signup s join activity_shift sh on sh.id = s.shift_id';
  assert.deepEqual(analyse(`select s.id ${on} and sh.community_id = s.community_id`, scoped).colocated, true);
  assert.deepEqual(analyse(`select s.id ${on}`, scoped).colocated, false);
});

test('the check fails on an unpinned statement of the application, not on one listed as city-wide', () => {
  const leak = { sql: 'select * from "volunteer" where "id" = ?', origin: 'server/src/modules/x/x.service.ts:9 f' };
  const r = check([leak], scoped, []);
  assert.equal(r.unfiltered.length, 1);
  assert.equal(r.unfiltered[0]!.allowed, undefined);
  assert.deepEqual(r.unfiltered[0]!.tables, ['volunteer']);
  const allowed = check([leak], scoped, [{ file: 'server/src/modules/x/', tables: ['volunteer'], why: 'test' }]);
  assert.ok(allowed.unfiltered[0]!.allowed);
  // listed for another table or another file: still flagged
  assert.equal(
    check([leak], scoped, [{ file: 'server/src/modules/y/', tables: ['volunteer'], why: '' }]).unfiltered[0]!.allowed,
    undefined,
  );
  assert.equal(
    check([leak], scoped, [{ file: 'server/src/modules/x/', tables: ['need'], why: '' }]).unfiltered[0]!.allowed,
    undefined,
  );
  // statements of tests and migrations are not the application's
  assert.equal(check([{ ...leak, origin: 'server/test/x.api.test.ts:3 t' }], scoped, []).unfiltered.length, 0);
  assert.equal(check([{ ...leak, origin: 'server/src/db/migrations/a.ts:3 up' }], scoped, []).unfiltered.length, 0);
});

test('every city-wide entry says why', () => {
  for (const a of ALLOWED) assert.ok(a.why.length > 20 && a.tables.length > 0 && a.file.length > 0, a.file);
});

for (const kind of testDatabaseKinds()) {
  describe(`recorded on ${kind}`, () => {
    let t: TestDatabase;
    let file: string;
    before(async () => {
      file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-rec-')), 'queries.jsonl');
      const saved = process.env.LINLI_RECORD_QUERIES;
      process.env.LINLI_RECORD_QUERIES = file;
      try {
        t = await createTestDatabase(kind);
      } finally {
        if (saved === undefined) delete process.env.LINLI_RECORD_QUERIES;
        else process.env.LINLI_RECORD_QUERIES = saved;
      }
    });
    after(async () => {
      await t?.dispose();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    });

    test('the recording has each statement once, with its origin; an unpinned one fails the check', async () => {
      const db = t.handle.db;
      for (let i = 0; i < 3; i++) await db.selectFrom('volunteer').select('id').where('id', '=', `v${i}`).execute();
      await db.selectFrom('volunteer').select('id').where('community_id', '=', 'c1').execute();
      const recorded = readRecording(file).filter((r) => r.origin.startsWith('scripts/community-filter.test.ts'));
      assert.equal(recorded.length, 2, JSON.stringify(recorded));
      // this file is a test, so its statements are skipped unless it is listed as the application's
      const asApp = recorded.map((r) => ({ ...r, origin: 'server/src/modules/probe/probe.ts:1 f' }));
      const r = check(asApp, scoped, []);
      assert.equal(r.checked, 2);
      assert.equal(r.unfiltered.length, 1);
      assert.match(r.unfiltered[0]!.sql, /from "volunteer" where "id" = /);
      // the migrations were recorded too (and are not checked)
      assert.ok(readRecording(file).some((x) => x.origin.startsWith('server/src/db/migrations/')));
    });

    test('the schema on this database has the same community-scoped tables', async () => {
      const tables =
        kind === 'sqlite'
          ? await sql<{ name: string }>`select m.name from sqlite_master m, pragma_table_info(m.name) c
              where m.type = 'table' and c.name = 'community_id'`.execute(t.handle.db)
          : await sql<{ name: string }>`select table_name as name from information_schema.columns
              where table_schema = current_schema() and column_name = 'community_id'`.execute(t.handle.db);
      assert.deepEqual(new Set(tables.rows.map((r) => r.name)), scoped);
    });
  });
}
