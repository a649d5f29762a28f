// `npm run demo:city -- --communities N` puts every community in one street office with Xiguan, so the street's
// account (13800000008) compares them side by side, and the district's (13800000009) sees them under 金台区.
// Runs the real script with N = 2 on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/database.ts';
import { FieldCipher, loadKeyring } from '../src/platform/crypto.ts';
import { DEMO_PASSWORD } from '../src/demo.ts';
import { as, signIn, type TestApp } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`demo:city's communities in one street (${kind})`, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-city-'));
    let databaseUrl: string | undefined;
    let pgName: string | undefined;
    let handle: DatabaseHandle;
    let app: TestApp;

    before(async () => {
      if (kind === 'postgres') {
        const base = process.env.TEST_DATABASE_URL!;
        pgName = `linli_city_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`create database ${pgName}`);
        await admin.end();
        const url = new URL(base);
        url.pathname = `/${pgName}`;
        databaseUrl = url.toString();
      }
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/demo-city.ts',
          '--communities',
          '2',
          '--data-dir',
          dataDir,
          '--date',
          '2026-12-01',
        ],
        { env: { ...process.env, DATABASE_URL: databaseUrl ?? '' }, encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.match(run.stdout, /13800000008/);
      handle = openDatabase(databaseUrl ? { databaseUrl } : { sqliteFile: path.join(dataDir, 'linli.sqlite') });
      const config = loadConfig({
        LINLI_DATA_DIR: dataDir,
        LINLI_LOG_LEVEL: 'silent',
        LINLI_DEMO: '0',
        LINLI_JOBS: '0',
        LINLI_RATE_LIMITS: '0',
        LINLI_WEB_DIST: '/nonexistent',
      });
      const cipher = new FieldCipher(loadKeyring({ dataDir, warn: () => {} }));
      app = await buildApp(config, { database: handle, cipher });
      await app.ready();
    });
    after(async () => {
      await app?.close();
      if (pgName) {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
        await c.connect();
        await c.query(`drop database if exists ${pgName} with (force)`);
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('places both communities in 西关街道, 金台区, 宝鸡市', async () => {
      const rows = await handle.db
        .selectFrom('community as c')
        .innerJoin('region as s', 's.id', 'c.street_id')
        .innerJoin('region as d', 'd.id', 's.parent_id')
        .innerJoin('region as city', 'city.id', 'd.parent_id')
        .select(['c.name', 's.name as street', 'd.name as district', 'city.name as city', 'city.parent_id'])
        .orderBy('c.id')
        .execute();
      assert.deepEqual(rows, [
        { name: '西关社区', street: '西关街道', district: '金台区', city: '宝鸡市', parent_id: null },
        { name: '东关社区', street: '西关街道', district: '金台区', city: '宝鸡市', parent_id: null },
      ]);
    });

    it("lets the street's account compare them and the district's see them", async () => {
      const street = as(app, await signIn(app, '13800000008', DEMO_PASSWORD));
      const body = (await street('GET', '/api/regions/communities')).json();
      assert.equal(body.node.name, '西关街道');
      assert.deepEqual(
        body.communities.map((c: any) => c.name),
        ['西关社区', '东关社区'],
      );
      for (const c of body.communities) assert.ok(c.households > 2000 && c.residents > 5000 && c.grids === 8);
      const district = as(app, await signIn(app, '13800000009', DEMO_PASSWORD));
      const tree = (await district('GET', '/api/regions/tree')).json();
      assert.equal(tree.name, '金台区');
      assert.deepEqual(
        tree.children.map((s: any) => [s.name, s.children.length]),
        [['西关街道', 2]],
      );
    });
  });
}
