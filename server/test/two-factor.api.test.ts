// Two-factor sign-in (issue 16): enrolment with an authenticator app, the second sign-in step after a password or a
// text code, single-use codes and recovery codes, the community's requirement (a session that may only enrol), and
// an admin's reset. The TOTP arithmetic itself is tested against RFC 6238 in server/src/platform/totp.test.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signIn, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { totp } from '../src/platform/totp.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

for (const kind of testDatabaseKinds()) {
  describe(`two-factor sign-in on ${kind}`, () => {
    let t: TestContext;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, payload: payload as any, headers });
    const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) =>
      res.cookies.find((c) => c.name === 'linli_session');

    /** Enrols the signed-in client; returns the secret and the recovery codes. */
    async function enrol(call: Client) {
      const started = await call('POST', '/api/auth/two-factor/start');
      assert.equal(started.statusCode, 200, started.body);
      const { secret } = started.json();
      // Confirmed with the previous step's code (still in the window), so this step's and the next are unused.
      const done = await call('POST', '/api/auth/two-factor/confirm', { code: totp(secret, Date.now() - 30_000) });
      assert.equal(done.statusCode, 200, done.body);
      return { secret: secret as string, recoveryCodes: done.json().recoveryCodes as string[] };
    }

    /** A password sign-in that stops at the second step; answers the challenge. */
    async function firstStep(phone: string): Promise<string> {
      const res = await post('/api/auth/sign-in', { phone, password: 'test-password' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(cookieOf(res), undefined, 'no session before the second factor');
      assert.equal(res.json().user, undefined);
      return res.json().twoFactor.challenge;
    }

    it('enrols with a QR code and a confirming code, seals the secret, and shows ten recovery codes once', async () => {
      const call = await signInAs(t, 'team_leader');
      assert.deepEqual((await call('GET', '/api/auth/two-factor/status')).json(), {
        enabled: false,
        enabledAt: null,
        recoveryCodesLeft: 0,
        required: false,
      });
      const started = (await call('POST', '/api/auth/two-factor/start')).json();
      assert.match(started.secret, /^[A-Z2-7]{32}$/);
      const uri = new URL(started.uri);
      assert.equal(uri.protocol, 'otpauth:');
      assert.equal(uri.host, 'totp');
      assert.equal(decodeURIComponent(uri.pathname), `/邻里 Linli:${t.a.phones.team_leader}`);
      assert.equal(uri.searchParams.get('secret'), started.secret);
      assert.equal(uri.searchParams.get('issuer'), '邻里 Linli');
      assert.match(started.qrDataUrl, /^data:image\/png;base64,/);
      const row = await t.db.handle.db
        .selectFrom('account')
        .select(['totp_secret', 'totp_enabled_at'])
        .where('phone', '=', t.a.phones.team_leader)
        .executeTakeFirstOrThrow();
      assert.ok(!row.totp_secret!.includes(started.secret), 'the secret is encrypted at rest');
      assert.equal(t.cipher.decrypt(row.totp_secret!), started.secret);
      assert.equal(row.totp_enabled_at, null, 'not in force before it is confirmed');

      const wrong = await call('POST', '/api/auth/two-factor/confirm', { code: '000000' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'two_factor_bad_code');
      const done = await call('POST', '/api/auth/two-factor/confirm', { code: totp(started.secret, Date.now()) });
      assert.equal(done.statusCode, 200, done.body);
      const codes: string[] = done.json().recoveryCodes;
      assert.equal(codes.length, 10);
      assert.equal(new Set(codes).size, 10);
      for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      const stored = await t.db.handle.db.selectFrom('recovery_code').select('code_hash').execute();
      assert.equal(stored.length, 10);
      assert.ok(
        stored.every((s) => !codes.some((c) => s.code_hash.includes(c.replace(/-/g, '')))),
        'kept hashed',
      );
      const status = (await call('GET', '/api/auth/two-factor/status')).json();
      assert.equal(status.enabled, true);
      assert.equal(status.recoveryCodesLeft, 10);
      assert.equal((await call('POST', '/api/auth/two-factor/start')).json().error.code, 'two_factor_already_on');
    });

    it('asks for the second factor after a right password, and takes each code only once', async () => {
      const { secret } = await enrol(await signInAs(t, 'grid_leader'));
      const challenge = await firstStep(t.a.phones.grid_leader);
      const bad = await post('/api/auth/two-factor', { challenge, code: '123456' });
      assert.equal(bad.statusCode, 401);
      assert.match(bad.json().error.message, /验证器/);
      const code = totp(secret, Date.now());
      const ok = await post('/api/auth/two-factor', { challenge, code });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().user.role, 'grid_leader');
      const session = as(t.app, { cookie: `linli_session=${cookieOf(ok)!.value}`, csrf: ok.json().csrfToken });
      assert.equal((await session('GET', '/api/registry/summary')).statusCode, 200);
      // The challenge is spent, and the same code is refused in its own window (someone who saw it typed).
      assert.equal((await post('/api/auth/two-factor', { challenge, code })).json().error.code, 'two_factor_expired');
      const again = await firstStep(t.a.phones.grid_leader);
      const replay = await post('/api/auth/two-factor', { challenge: again, code });
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().error.code, 'two_factor_bad_code');
      // The next step's code (one step ahead is allowed) still works.
      const next = await post('/api/auth/two-factor', { challenge: again, code: totp(secret, Date.now() + 30_000) });
      assert.equal(next.statusCode, 200, next.body);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select('detail')
        .where('action', '=', 'auth.sign_in')
        .where('entity_id', '=', ok.json().user.accountId)
        .execute();
      assert.ok(audit.some((a) => String(a.detail).includes('password+totp')));
    });

    it('takes a recovery code once, and drops a challenge after five wrong codes', async () => {
      const { recoveryCodes } = await enrol(await signInAs(t, 'unit_coordinator'));
      const phone = t.a.phones.unit_coordinator;
      const typed = recoveryCodes[3]!.toUpperCase().replace(/-/g, ' ');
      const ok = await post('/api/auth/two-factor', { challenge: await firstStep(phone), code: typed });
      assert.equal(ok.statusCode, 200, ok.body);
      const used = await post('/api/auth/two-factor', { challenge: await firstStep(phone), code: recoveryCodes[3] });
      assert.equal(used.statusCode, 401);
      const call = as(t.app, { cookie: `linli_session=${cookieOf(ok)!.value}`, csrf: ok.json().csrfToken });
      assert.equal((await call('GET', '/api/auth/two-factor/status')).json().recoveryCodesLeft, 9);
      const used2 = await t.db.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'auth.two_factor_recovery_used')
        .execute();
      assert.equal(used2.length, 1);

      // A challenge answers five wrong codes, then it is gone (the password is needed again).
      await t.db.handle.db.deleteFrom('sign_in_throttle').execute(); // the spent recovery code above counted one
      const challenge = await firstStep(phone);
      for (let i = 0; i < 4; i++)
        assert.equal((await post('/api/auth/two-factor', { challenge, code: `00000${i}` })).statusCode, 401);
      assert.equal((await post('/api/auth/two-factor', { challenge, code: '000009' })).statusCode, 401);
      const dead = await post('/api/auth/two-factor', { challenge, code: recoveryCodes[0] });
      assert.equal(dead.json().error.code, 'two_factor_expired');
      // The five wrong codes count on the number, and a right password neither clears nor passes them: the app's
      // codes cannot be guessed at leisure by someone who has the password.
      const waits = await post('/api/auth/sign-in', { phone, password: 'test-password' });
      assert.equal(waits.statusCode, 429);
      await t.db.handle.db.deleteFrom('sign_in_throttle').execute();
      assert.equal((await post('/api/auth/two-factor', { challenge: 'made-up', code: '123456' })).statusCode, 401);
    });

    it('asks for the second factor after a text code too', async () => {
      const { secret } = await enrol(await signInAs(t, 'volunteer'));
      const phone = t.a.phones.volunteer;
      assert.equal((await post('/api/auth/code', { phone })).statusCode, 202);
      const msg = await t.db.handle.db
        .selectFrom('notification_outbox')
        .select('payload')
        .where('recipient', '=', phone)
        .where('template', '=', 'sign_in_code')
        .executeTakeFirstOrThrow();
      const res = await post('/api/auth/sign-in-code', { phone, code: JSON.parse(msg.payload).code });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(cookieOf(res), undefined);
      const { challenge } = res.json().twoFactor;
      const ok = await post('/api/auth/two-factor', { challenge, code: totp(secret, Date.now()) });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it('turns off only with a current code', async () => {
      const call = await signInAs(t, 'resident');
      const { secret } = await enrol(call);
      const wrong = await call('POST', '/api/auth/two-factor/disable', { code: '000000' });
      assert.equal(wrong.statusCode, 401);
      const off = await call('POST', '/api/auth/two-factor/disable', { code: totp(secret, Date.now()) });
      assert.equal(off.statusCode, 204, off.body);
      assert.equal((await call('GET', '/api/auth/two-factor/status')).json().enabled, false);
      // Signing in needs the password alone again.
      await signIn(t.app, t.a.phones.resident);
      assert.equal(
        (await call('POST', '/api/auth/two-factor/disable', { code: '000000' })).json().error.code,
        'two_factor_not_on',
      );
    });

    it('forces enrolment when the community requires it, and refuses every other route until then', async () => {
      const admin = await signInAs(t, 'community_admin');
      const policy = (await admin('GET', '/api/auth/two-factor/policy')).json();
      assert.equal(policy.admins, false, 'the test community starts like the demo');
      assert.equal(policy.staff, false);
      assert.equal((await admin('PUT', '/api/auth/two-factor/policy', { admins: true, staff: true })).statusCode, 204);
      // The admin's own open session is now restricted (it has no second factor yet): even this setting is refused,
      // so a password alone cannot turn the requirement off.
      const refused = await admin('PUT', '/api/auth/two-factor/policy', { admins: false, staff: false });
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'two_factor_enrolment_required');

      const res = await post('/api/auth/sign-in', { phone: t.a.phones.staff, password: 'test-password' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().user.twoFactorEnrolmentRequired, true);
      const staff = as(t.app, { cookie: `linli_session=${cookieOf(res)!.value}`, csrf: res.json().csrfToken });
      const blocked = await staff('GET', '/api/registry/summary');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'two_factor_enrolment_required');
      assert.match(blocked.json().error.message, /两步验证/);
      const en = await staff('GET', '/api/volunteers', undefined, { 'accept-language': 'en' });
      assert.match(en.json().error.message, /two-step verification/);
      assert.equal((await staff('GET', '/api/auth/me')).statusCode, 200);
      assert.equal((await staff('GET', '/api/auth/two-factor/status')).json().required, true);
      await enrol(staff);
      assert.equal((await staff('GET', '/api/registry/summary')).statusCode, 200, 'the same session, now full');
      assert.equal((await staff('GET', '/api/auth/me')).json().user.twoFactorEnrolmentRequired, false);

      // Other roles are not asked; community b keeps its own setting.
      assert.equal((await (await signInAs(t, 'volunteer', 'b'))('GET', '/api/auth/me')).statusCode, 200);
      const bAdmin = await signInAs(t, 'community_admin', 'b');
      assert.equal((await bAdmin('GET', '/api/registry/summary')).statusCode, 200);
    });

    it('lets an admin reset a staff member’s two-factor: audited, the person told, others refused', async () => {
      // Community b: its admin enrols first (b requires it of nobody; enrolling is still allowed).
      const bAdmin = await signInAs(t, 'community_admin', 'b');
      const bStaff = await signInAs(t, 'staff', 'b');
      await enrol(bStaff);
      const staffId = (await bStaff('GET', '/api/auth/me')).json().user.accountId;
      const other = await (await signInAs(t, 'grid_leader', 'b'))('POST', `/api/auth/two-factor/reset/${staffId}`);
      assert.equal(other.statusCode, 403, 'only admins reset');

      const people = (await bAdmin('GET', '/api/auth/two-factor/policy')).json().people;
      assert.ok(people.some((p: any) => p.accountId === staffId && p.enabled));
      const reset = await bAdmin('POST', `/api/auth/two-factor/reset/${staffId}`);
      assert.equal(reset.statusCode, 204, reset.body);
      assert.equal((await bAdmin('POST', `/api/auth/two-factor/reset/${staffId}`)).statusCode, 409);
      assert.equal((await bAdmin('POST', `/api/auth/two-factor/reset/${uuidv7()}`)).statusCode, 404);
      const bAdminId = (await bAdmin('GET', '/api/auth/me')).json().user.accountId;
      const self = await bAdmin('POST', `/api/auth/two-factor/reset/${bAdminId}`);
      assert.equal(self.json().error.code, 'two_factor_reset_self');
      // Another community's member is not found from here.
      const aVolunteer = await t.db.handle.db
        .selectFrom('account')
        .select('id')
        .where('phone', '=', t.a.phones.volunteer)
        .executeTakeFirstOrThrow();
      assert.equal((await bAdmin('POST', `/api/auth/two-factor/reset/${aVolunteer.id}`)).statusCode, 404);
      const audit = await t.db.handle.db
        .selectFrom('audit_log')
        .select(['community_id', 'entity_id'])
        .where('action', '=', 'auth.two_factor_reset')
        .execute();
      assert.deepEqual(audit, [{ community_id: t.b.id, entity_id: staffId }]);
      const told = await t.db.handle.db
        .selectFrom('notification_outbox')
        .select(['recipient', 'payload'])
        .where('template', '=', 'auth.two_factor_reset')
        .execute();
      assert.equal(told.length, 1);
      assert.equal(told[0]!.recipient, t.b.phones.staff);
      // The staff member signs in with the password alone again.
      await signIn(t.app, t.b.phones.staff);
    });

    it('requires two factors of a new community’s admins unless it says otherwise (the column’s default)', async () => {
      const id = uuidv7();
      await t.db.handle.db
        .insertInto('community')
        .values({ id, name: '新社区', district: '金台区', city: '宝鸡市', time_zone: 'Asia/Shanghai', created_at: 'x' })
        .execute();
      const row = await t.db.handle.db
        .selectFrom('community')
        .select(['two_factor_admins', 'two_factor_staff'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { two_factor_admins: 1, two_factor_staff: 0 });
    });
  });
}
