// `npm run demo:city`'s bulk path against the slow one (Kysely INSERTs, as the one-community demo seeds): the same
// rows in every table; and a run killed mid-build carries on where it stopped. SQLite always; PostgreSQL when
// TEST_DATABASE_URL is set (a database of its own, dropped after).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import SQLite from 'better-sqlite3';
import { testDatabaseKinds } from '../server/test/databases.ts';

const ARGS = ['--import', 'tsx', 'scripts/demo-city.ts', '--date', '2026-12-01'];

/** "Rows per table" as the script prints it. */
function tableCounts(stdout: string): Map<string, number> {
  const part = stdout.slice(stdout.indexOf('Rows per table'));
  const counts = new Map<string, number>();
  for (const m of part.matchAll(/^ {2}(\w+) +([\d,]+)$/gm)) counts.set(m[1]!, Number(m[2]!.replaceAll(',', '')));
  return counts;
}

for (const kind of testDatabaseKinds()) {
  describe(`demo:city bulk build (${kind})`, () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-city-bulk-'));
    const made: string[] = [];

    async function database(name: string): Promise<string | undefined> {
      if (kind !== 'postgres') return undefined;
      const base = process.env.TEST_DATABASE_URL!;
      const db = `linli_city_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${db}`);
      await admin.end();
      made.push(db);
      const url = new URL(base);
      url.pathname = `/${db}`;
      return url.toString();
    }

    /** Every index of the database, as its definition: a build that dropped some must have put them all back. */
    async function indexes(dir: string, url: string | undefined): Promise<string[]> {
      if (!url) {
        // Not read-only: a run killed mid-write leaves a hot journal, which the first connection rolls back.
        const db = new SQLite(path.join(root, dir, 'linli.sqlite'));
        const rows = db
          .prepare<[], { sql: string | null; name: string }>("select name, sql from sqlite_master where type = 'index'")
          .all();
        db.close();
        return rows.map((r) => r.sql ?? r.name).sort();
      }
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const { rows } = await c.query<{ d: string }>(
        'select indexdef as d from pg_indexes where schemaname = current_schema() order by 1',
      );
      await c.end();
      return rows.map((r) => r.d);
    }

    const run = (dir: string, url: string | undefined, extra: string[]) => {
      const r = spawnSync(process.execPath, [...ARGS, '--data-dir', path.join(root, dir), ...extra], {
        env: { ...process.env, DATABASE_URL: url ?? '' },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr + r.stdout);
      return r.stdout;
    };

    after(async () => {
      for (const db of made) {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
        await c.connect();
        await c.query(`drop database if exists ${db} with (force)`);
        await c.end();
      }
      fs.rmSync(root, { recursive: true, force: true });
    });

    it('writes the same rows as the slow path, and a killed run resumes', async () => {
      const slowUrl = await database('slow');
      const bulkUrl = await database('bulk');
      const slow = tableCounts(run('slow', slowUrl, ['--communities', '1', '--slow']));
      const bulk = tableCounts(run('bulk', bulkUrl, ['--communities', '1']));
      assert.ok((slow.get('resident') ?? 0) === 5823 && slow.size > 50, 'the slow run counted its tables');
      assert.deepEqual(Object.fromEntries(bulk), Object.fromEntries(slow));

      // Kill a run for four as soon as community 2 or 3 is in, then run it again. The other of the two may be in as
      // well (on PostgreSQL both are written at once, and on a fast machine they end together), but community 4
      // has then only begun: there is always a community the killed run left half-written.
      const child = spawn(process.execPath, [...ARGS, '--data-dir', path.join(root, 'bulk'), '--communities', '4'], {
        env: { ...process.env, DATABASE_URL: bulkUrl ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          if (/^ +[23] /m.test(out)) child.kill('SIGKILL');
        });
        child.on('exit', (code, signal) =>
          signal === 'SIGKILL' ? resolve() : reject(new Error(`not killed (${code}): ${out}`)),
        );
      });
      assert.match(out, /Seeding 3 of 4 communities.*; 1 are there already/);
      // The killed run wrote its communities without the secondary indexes and recorded that in city.json.
      const city = JSON.parse(fs.readFileSync(path.join(root, 'bulk', 'city.json'), 'utf8')) as {
        droppedIndexes?: unknown[];
      };
      assert.ok((city.droppedIndexes?.length ?? 0) > 50, 'the build dropped the secondary indexes');
      assert.ok((await indexes('bulk', bulkUrl)).length < (await indexes('slow', slowUrl)).length);
      const resumed = run('bulk', bulkUrl, ['--communities', '4']);
      assert.match(resumed, /Rebuilding \d+ indexes/);
      assert.deepEqual(await indexes('bulk', bulkUrl), await indexes('slow', slowUrl));
      assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'bulk', 'city.json'), 'utf8')).droppedIndexes, undefined);
      const left = /Seeding ([12]) of 4 communities.*; ([23]) are there already/.exec(resumed);
      assert.ok(left && Number(left[1]) + Number(left[2]) === 4, `the resumed run: ${resumed.slice(0, 200)}`);
      const counts = tableCounts(resumed);
      assert.equal(counts.get('community'), 4);
      assert.equal(counts.get('resident'), 4 * 5823);
      assert.equal(counts.get('household'), 4 * 2265);
      // Every demo account once: Xiguan's 24 and its street and district offices', then 24 a community.
      assert.equal(counts.get('account'), (slow.get('account') ?? 0) + 3 * 24);
      // A different seed on the same data dir is refused rather than mixed in.
      const other = spawnSync(
        process.execPath,
        [...ARGS, '--data-dir', path.join(root, 'bulk'), '--communities', '4', '--seed', '7'],
        { env: { ...process.env, DATABASE_URL: bulkUrl ?? '' }, encoding: 'utf8' },
      );
      assert.equal(other.status, 2, other.stdout);
      assert.match(other.stderr, /built with --seed 20180913 --date 2026-12-01/);
    });
  });
}
