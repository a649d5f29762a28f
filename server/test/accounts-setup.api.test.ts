// Issue 16, safe by default: passwords (change, reset by code, policy), first setup, and the demo kept off networks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { as, countRows, latestOutboxPayload, signIn, startTestApp, testConfig, type TestContext } from './app.ts';
import { insertAccount } from './factories.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { buildApp } from '../src/app.ts';
import { migrateToLatest, openDatabase } from '../src/db/database.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { hashPassword } from '../src/modules/auth/auth.service.ts';
import { DEMO_PASSWORD, demoAccountsRemain, isLoopback, prepareStart } from '../src/startup.ts';

const NEW_PASSWORD = 'Lantern-river-42';

const latestPayload = (t: { db: TestDatabase }, phone: string, template: string) =>
  latestOutboxPayload(t.db.handle.db, phone, template);

async function auditActions(t: { db: TestDatabase }, entityId: string) {
  const rows = await t.db.handle.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', entityId)
    .execute();
  return rows.map((r) => r.action);
}

async function accountId(t: { db: TestDatabase }, phone: string) {
  return (await t.db.handle.db.selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirstOrThrow())
    .id;
}

for (const kind of testDatabaseKinds()) {
  describe(`passwords on ${kind}`, () => {
    let t: TestContext;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });
    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload: payload as any, headers });

    it('refuses a wrong current password with a 400 and changes nothing', async () => {
      const phone = t.a.phones.grid_leader;
      const me = as(t.app, await signIn(t.app, phone));
      const res = await me('POST', '/api/auth/password', { currentPassword: 'not-it', newPassword: NEW_PASSWORD });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'password_wrong');
      assert.equal(res.json().error.message, '当前密码不正确');
      await signIn(t.app, phone); // the old password still works
      assert.equal(await latestPayload(t, phone, 'password_changed'), null);
    });

    it('names the rule a weak new password breaks, in Chinese and in English', async () => {
      const phone = t.a.phones.grid_leader;
      const me = as(t.app, await signIn(t.app, phone));
      const tryNew = (newPassword: string, lang = 'zh-CN') =>
        me(
          'POST',
          '/api/auth/password',
          { currentPassword: 'test-password', newPassword },
          { 'accept-language': lang },
        );
      const short = await tryNew('abc12');
      assert.equal(short.statusCode, 400);
      assert.equal(short.json().error.code, 'password_too_short');
      assert.equal(short.json().error.message, '密码太短：至少要 10 位');
      assert.deepEqual(short.json().error.details.fields, [
        { field: 'newPassword', message: '密码太短：至少要 10 位' },
      ]);
      const shortEn = await tryNew('abc12', 'en');
      assert.equal(shortEn.json().error.message, 'The password is too short: it needs at least 10 characters');
      const common = await tryNew('woaini1314520', 'en');
      assert.equal(common.statusCode, 400);
      assert.equal(common.json().error.code, 'password_common');
      assert.match(common.json().error.message, /too common/);
      const withPhone = await tryNew(`pw${phone}`);
      assert.equal(withPhone.json().error.code, 'password_contains_phone');
      assert.match(withPhone.json().error.message, /手机号/);
      const withTail = await tryNew(`x-${phone.slice(-8)}-y`, 'en');
      assert.equal(withTail.json().error.code, 'password_contains_phone');
      await signIn(t.app, phone); // still the old password
    });

    it('changes my password, ends my other sessions, keeps this one, audits it and tells me', async () => {
      const phone = t.a.phones.staff;
      const here = await signIn(t.app, phone);
      const elsewhere = await signIn(t.app, phone);
      const res = await as(t.app, here)('POST', '/api/auth/password', {
        currentPassword: 'test-password',
        newPassword: NEW_PASSWORD,
      });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await as(t.app, here)('GET', '/api/auth/me')).statusCode, 200);
      assert.equal((await as(t.app, elsewhere)('GET', '/api/auth/me')).statusCode, 401);
      const old = await post('/api/auth/sign-in', { phone, password: 'test-password' });
      assert.equal(old.statusCode, 401);
      await signIn(t.app, phone, NEW_PASSWORD);
      assert.ok(await latestPayload(t, phone, 'password_changed'));
      assert.ok((await auditActions(t, await accountId(t, phone))).includes('auth.password_changed'));
    });

    it('resets a password by a code staff send to the person, who sets the new one; every session ends', async () => {
      const phone = t.a.phones.volunteer;
      const id = await accountId(t, phone);
      const theirs = await signIn(t.app, phone);
      const staff = as(t.app, await signIn(t.app, t.a.phones.community_admin));
      const sent = await staff('POST', '/api/accounts/password-reset', { phone });
      assert.equal(sent.statusCode, 202, sent.body);
      assert.equal(sent.json().expiresInMinutes, 30);
      const again = await staff('POST', '/api/accounts/password-reset', { phone });
      assert.equal(again.statusCode, 429);
      const code: string = (await latestPayload(t, phone, 'password_reset_code'))!.code;
      assert.match(code, /^\d{6}$/);
      assert.ok(!sent.body.includes(code), 'staff never see the code');
      const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await post('/api/auth/password-reset', { phone, code: wrongCode, newPassword: NEW_PASSWORD });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().error.code, 'password_reset_code_invalid');
      const weak = await post(
        '/api/auth/password-reset',
        { phone, code, newPassword: '88888888' },
        { 'accept-language': 'en' },
      );
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().error.code, 'password_too_short');
      // The weak try did not spend the code.
      const ok = await post('/api/auth/password-reset', { phone, code, newPassword: NEW_PASSWORD });
      assert.equal(ok.statusCode, 204, ok.body);
      assert.equal((await as(t.app, theirs)('GET', '/api/auth/me')).statusCode, 401);
      await signIn(t.app, phone, NEW_PASSWORD);
      const reused = await post('/api/auth/password-reset', { phone, code, newPassword: 'Another-pass-77' });
      assert.equal(reused.statusCode, 400);
      await signIn(t.app, phone, NEW_PASSWORD);
      const actions = await auditActions(t, id);
      assert.ok(actions.includes('auth.password_reset_sent') && actions.includes('auth.password_reset'), `${actions}`);
      assert.ok(await latestPayload(t, phone, 'password_changed'));
    });

    it('lets only staff send a reset code, and only to members of their own community', async () => {
      const target = { phone: t.a.phones.resident };
      const volunteer = as(t.app, await signIn(t.app, t.a.phones.grid_leader));
      assert.equal((await volunteer('POST', '/api/accounts/password-reset', target)).statusCode, 403);
      const otherStaff = as(t.app, await signIn(t.app, t.b.phones.staff));
      assert.equal((await otherStaff('POST', '/api/accounts/password-reset', target)).statusCode, 404);
      const nobody = await otherStaff('POST', '/api/accounts/password-reset', { phone: '13911112222' });
      assert.equal(nobody.statusCode, 404);
      assert.equal(await latestPayload(t, t.a.phones.resident, 'password_reset_code'), null);
    });
  });

  describe(`first setup on ${kind}`, () => {
    let db: TestDatabase;
    let app: Awaited<ReturnType<typeof buildApp>>;
    const cipher = new FieldCipher(generateKeyring());
    before(async () => {
      db = await createTestDatabase(kind);
      app = await buildApp(testConfig(db.dataDir), { database: db.handle, cipher });
      await app.ready();
    });
    after(async () => {
      await app.close();
      await db.dispose();
    });
    const fields = {
      communityName: '东风社区',
      city: '宝鸡市',
      district: '渭滨区',
      street: '东风街道',
      adminName: '张丽',
      adminPhone: '13912340000',
      password: NEW_PASSWORD,
    };
    const setup = (body: unknown) => app.inject({ method: 'POST', url: '/api/setup', payload: body as any });

    it('a production start creates no account and prints a one-time setup link', async () => {
      const started = await prepareStart(db.handle.db, cipher, app.log, {
        demo: false,
        host: '0.0.0.0',
      });
      assert.equal(started.refusal, null);
      assert.deepEqual(started.demoSignIns, []);
      assert.ok(started.setupToken && started.setupToken.length >= 30);
      assert.equal(await countRows(db.handle.db, 'account'), 0);
      assert.equal(await countRows(db.handle.db, 'community'), 0);
      const stored = await db.handle.db.selectFrom('setup_link').select('token_hash').execute();
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]!.token_hash, started.setupToken, 'only the hash is stored');
    });

    it('creates the community and its admin exactly once, even for two uses at the same moment', async () => {
      const prepared = await prepareStart(db.handle.db, cipher, app.log, {
        demo: false,
        host: '127.0.0.1',
      });
      const token = prepared.setupToken!;
      const bad = await setup({ ...fields, token: 'x'.repeat(32) });
      assert.equal(bad.statusCode, 403);
      assert.equal(bad.json().error.code, 'setup_link_invalid');
      const weak = await setup({ ...fields, password: 'qq123456', token });
      assert.equal(weak.statusCode, 400);
      const [one, two] = await Promise.all([setup({ ...fields, token }), setup({ ...fields, token })]);
      assert.deepEqual([one.statusCode, two.statusCode].sort(), [201, 403], `${one.body} ${two.body}`);
      assert.equal(await countRows(db.handle.db, 'community'), 1);
      assert.equal(await countRows(db.handle.db, 'account'), 1);
      const admin = as(app, await signIn(app, fields.adminPhone, NEW_PASSWORD));
      const me = (await admin('GET', '/api/auth/me')).json().user;
      assert.equal(me.role, 'community_admin');
      assert.equal(me.community.name, '东风社区');
      const street = await db.handle.db
        .selectFrom('community')
        .innerJoin('region', 'region.id', 'community.street_id')
        .select('region.name')
        .executeTakeFirstOrThrow();
      assert.equal(street.name, '东风街道');
      // A second attempt: the used link is refused, and no new link is issued now that a community exists.
      const again = await setup({ ...fields, adminPhone: '13912340001', token });
      assert.equal(again.statusCode, 403);
      const later = await prepareStart(db.handle.db, cipher, app.log, {
        demo: false,
        host: '127.0.0.1',
      });
      assert.equal(later.setupToken, null);
      assert.equal(await countRows(db.handle.db, 'community'), 1);
    });

    it('recognises demo accounts by their published password', async () => {
      assert.equal(await demoAccountsRemain(db.handle.db), false);
      const hash = await hashPassword(DEMO_PASSWORD);
      for (const phone of ['13800000001', '13800000002'])
        await insertAccount(db.handle.db, { phone, name: '演示', hash });
      assert.equal(await demoAccountsRemain(db.handle.db), true);
      const refused = await prepareStart(db.handle.db, cipher, app.log, {
        demo: false,
        host: '0.0.0.0',
      });
      assert.match(refused.refusal ?? '', /演示账号[\s\S]*demo accounts/);
      const local = await prepareStart(db.handle.db, cipher, app.log, {
        demo: false,
        host: 'localhost',
      });
      assert.equal(local.refusal, null);
    });
  });
}

describe('the server on a network address', () => {
  it('knows the loopback addresses', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2']) assert.ok(isLoopback(h), h);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'linli.example.cn']) assert.ok(!isLoopback(h), h);
  });

  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Runs main.ts on a fresh data folder until it exits or says it is running. */
  function start(env: Record<string, string>, dataDir: string) {
    return new Promise<{ code: number | null; out: string; listened: boolean }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: {
          ...process.env,
          PORT: '0',
          LINLI_DATA_DIR: dataDir,
          LINLI_JOBS: '0',
          LINLI_LOG_LEVEL: 'silent',
          LINLI_WEB_DIST: '/nonexistent',
          DATABASE_URL: '',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no answer within 60 s:\n${out}`));
      }, 60_000);
      const read = (b: Buffer) => {
        out += b.toString();
        if (/is running at/.test(out)) {
          clearTimeout(timer);
          child.kill('SIGTERM');
          child.once('exit', () => resolve({ code: null, out, listened: true }));
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, out, listened: /is running at/.test(out) });
      });
    });
  }

  function dataDir() {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-start-'));
    dirs.push(d);
    return d;
  }

  it('refuses the demo on 0.0.0.0 and says why, in Chinese and English', async () => {
    const r = await start({ HOST: '0.0.0.0', LINLI_DEMO: '1' }, dataDir());
    assert.equal(r.listened, false, r.out);
    assert.notEqual(r.code, 0);
    assert.match(r.out, /演示账号/);
    assert.match(r.out, /demo accounts/);
  });

  it('refuses a database that still holds demo accounts even with LINLI_DEMO=0', async () => {
    const dir = dataDir();
    const handle = openDatabase({ sqliteFile: path.join(dir, 'linli.sqlite') });
    await migrateToLatest(handle.db);
    await insertAccount(handle.db, { phone: '13800000001', name: '演示', hash: await hashPassword(DEMO_PASSWORD) });
    await handle.close();
    const r = await start({ HOST: '0.0.0.0', LINLI_DEMO: '0' }, dir);
    assert.equal(r.listened, false, r.out);
    assert.equal(r.code, 3);
    assert.match(r.out, /xiguan-demo/);
  });

  it('refuses to start with another keyring than the one the database met first, saying why', async () => {
    const dir = dataDir();
    assert.equal((await start({ LINLI_DEMO: '0' }, dir)).listened, true, 'the first start makes and records a keyring');
    const other = Buffer.from(JSON.stringify(generateKeyring())).toString('base64');
    const r = await start({ LINLI_DEMO: '0', LINLI_KEYRING: other }, dir);
    assert.equal(r.listened, false, r.out);
    assert.equal(r.code, 2);
    assert.match(r.out, /加密密钥/);
    assert.match(r.out, /encryption keyring/);
    assert.equal((await start({ LINLI_DEMO: '0' }, dir)).listened, true, 'its own keyring still starts');
  });

  it('listens on 0.0.0.0 with LINLI_DEMO=0 and no demo accounts, printing the setup link', async () => {
    const r = await start({ HOST: '0.0.0.0', LINLI_DEMO: '0' }, dataDir());
    assert.equal(r.listened, true, r.out);
    assert.match(r.out, /\/setup#[A-Za-z0-9_-]{30,}/);
  });
});
