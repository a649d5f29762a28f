import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, deliverOutbox, signIn, signInAs, startTestApp, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`sign-in on ${kind}`, () => {
    let t: TestContext;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload: payload as any, headers });

    it('signs in with phone and password, sets an httpOnly SameSite cookie, and says who I am', async () => {
      const res = await post('/api/auth/sign-in', { phone: t.a.phones.staff, password: 'test-password' });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'linli_session')!;
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Lax');
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `linli_session=${cookie.value}` },
      });
      assert.equal(me.statusCode, 200);
      assert.equal(me.json().user.role, 'staff');
      assert.equal(me.json().user.community.name, '西关社区');
      assert.ok(me.json().user.permissions.includes('registry.sensitive'));
    });

    it('refuses a wrong password or an unknown number with the same clear 401', async () => {
      const wrong = await post('/api/auth/sign-in', { phone: t.a.phones.volunteer, password: 'nope' });
      const unknown = await post('/api/auth/sign-in', { phone: '13999999999', password: 'nope' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.json().error.message, unknown.json().error.message);
      assert.equal(wrong.json().error.message, '手机号或密码不正确');
    });

    it('refuses an account whose stored hash cannot be read as a wrong password, not a 500', async () => {
      const db = t.db.handle.db;
      const account = db.selectFrom('account').where('phone', '=', t.a.phones.volunteer);
      const { password_hash } = await account.select('password_hash').executeTakeFirstOrThrow();
      await db
        .updateTable('account')
        .set({ password_hash: '$argon2id$broken' })
        .where('phone', '=', t.a.phones.volunteer)
        .execute();
      try {
        const res = await post('/api/auth/sign-in', { phone: t.a.phones.volunteer, password: 'test-password' });
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.message, '手机号或密码不正确');
      } finally {
        await db.updateTable('account').set({ password_hash }).where('phone', '=', t.a.phones.volunteer).execute();
      }
      const back = await post('/api/auth/sign-in', { phone: t.a.phones.volunteer, password: 'test-password' });
      assert.equal(back.statusCode, 200);
    });

    it('validates the phone number', async () => {
      const res = await post('/api/auth/sign-in', { phone: '12345', password: 'x' });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.details.fields[0].field, 'phone');
    });

    // Wrong guesses slow sign-in down but lock nobody out and end no session: sign-in-throttle.api.test.ts.

    it('signs in with a one-time code sent through the outbox, once only', async () => {
      const phone = t.a.phones.team_leader;
      const sent = await post('/api/auth/code', { phone });
      assert.equal(sent.statusCode, 202);
      const again = await post('/api/auth/code', { phone });
      assert.equal(again.statusCode, 429, 'one code a minute');
      const msg = await t.db.handle.db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('recipient', '=', phone)
        .executeTakeFirstOrThrow();
      const code = JSON.parse(msg.payload).code as string;
      assert.match(code, /^\d{6}$/);
      // Delivered by the development channel (the default) once the worker runs; a code goes out at any hour.
      assert.equal(msg.status, 'queued');
      await deliverOutbox(t);
      const delivered = await t.db.handle.db
        .selectFrom('notification_outbox')
        .select(['status', 'provider', 'urgent'])
        .where('id', '=', msg.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(delivered, { status: 'delivered', provider: 'dev', urgent: 1 });
      const bad = await post('/api/auth/sign-in-code', { phone, code: code === '000000' ? '111111' : '000000' });
      assert.equal(bad.statusCode, 401);
      const ok = await post('/api/auth/sign-in-code', { phone, code });
      assert.equal(ok.statusCode, 200, ok.body);
      const reuse = await post('/api/auth/sign-in-code', { phone, code });
      assert.equal(reuse.statusCode, 401);
      // Staff see the development outbox, of their own community only.
      const staff = await signInAs(t, 'staff');
      const outbox = (await staff('GET', '/api/outbox')).json();
      assert.ok(outbox.items.some((m: any) => m.recipient === phone));
      const staffB = await signInAs(t, 'staff', 'b');
      assert.ok(!(await staffB('GET', '/api/outbox')).json().items.some((m: any) => m.recipient === phone));
    });

    it('answers a code request for an unknown number the same way, and sends nothing', async () => {
      const res = await post('/api/auth/code', { phone: '13988887777' });
      assert.equal(res.statusCode, 202);
      const rows = await t.db.handle.db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('recipient', '=', '13988887777')
        .execute();
      assert.equal(rows.length, 0);
    });

    it('ends the session on sign-out', async () => {
      const s = await signIn(t.app, t.a.phones.resident);
      const call = as(t.app, s);
      assert.equal((await call('POST', '/api/auth/sign-out')).statusCode, 204);
      assert.equal((await call('GET', '/api/auth/me')).statusCode, 401);
    });

    // Sessions are cached a few seconds per process (platform/session-cache.ts); this proves the cache
    // never outlives a sign-out in this process.
    it("refuses a signed-out session at once, though just used, and keeps the account's other sessions", async () => {
      const first = await signInAs(t, 'resident', 'b');
      const second = await signInAs(t, 'resident', 'b');
      for (let i = 0; i < 3; i++) assert.equal((await first('GET', '/api/auth/me')).statusCode, 200);
      assert.equal((await second('GET', '/api/auth/me')).statusCode, 200);
      assert.equal((await first('POST', '/api/auth/sign-out')).statusCode, 204);
      assert.equal((await first('GET', '/api/auth/me')).statusCode, 401);
      assert.equal((await first('GET', '/api/registry/summary')).statusCode, 401);
      assert.equal((await second('GET', '/api/auth/me')).statusCode, 200);
    });

    it('keeps a language setting and otherwise follows Accept-Language', async () => {
      const s = await signIn(t.app, t.a.phones.grid_leader);
      const call = as(t.app, s);
      const en = await call('GET', '/api/auth/me', undefined, { 'accept-language': 'en-GB' });
      assert.equal(en.json().user.locale, 'en');
      assert.equal((await call('PUT', '/api/auth/locale', { locale: 'zh-CN' })).statusCode, 204);
      const zh = await call('GET', '/api/auth/me', undefined, { 'accept-language': 'en-GB' });
      assert.equal(zh.json().user.locale, 'zh-CN');
    });

    it('answers malformed JSON with a clear 400, not a 500', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: '{"phone":',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(res.statusCode, 400);
      assert.ok(res.json().error.message);
    });
  });
}

describe('rate limits on sign-in', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp('sqlite', { LINLI_RATE_LIMITS: '1' });
  });
  after(async () => {
    await t.close();
  });

  it('slows down one address guessing many accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { phone: `1398888${String(i).padStart(4, '0')}`, password: 'x' },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes.slice(0, 10), Array(10).fill(401));
    assert.equal(codes[11], 429);
    const last = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { phone: '13988880000', password: 'x' },
    });
    assert.match(last.json().error.message, /频繁/);
  });
});
