// Behind a reverse proxy (LINLI_TRUST_PROXY), on both databases: a listed proxy's X-Forwarded-For names the client,
// so the sign-in limit counts each real client (not the whole city behind one proxy) and the audit log records the
// client's address; an address the client itself put in the header (one hop further) is not believed; with nothing
// trusted, or from an address outside the trusted list, the header is ignored. The session cookie is Secure when the
// trusted proxy says the client came over HTTPS (X-Forwarded-Proto), even without LINLI_SECURE_COOKIES.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { loadConfig } from '../src/config.ts';

const PROXY = '10.0.0.2';
const SIGN_IN_LIMIT = 10; // a minute, per address (auth.routes.ts)

let tried = 0;
/**
 * A sign-in attempt for a phone nobody has (401), arriving from `remote` with `forwarded`, if any. Each attempt names
 * another number, so the sign-in throttle (5 free failures a number) stays out of the way of the limit under test.
 */
function attempt(t: TestContext, remote: string, forwarded?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: remote,
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    payload: { phone: `137${String(++tried).padStart(8, '0')}`, password: 'wrong-password' },
  });
}

/** Signs the staff account of community a in and returns the address the audit log recorded for it. */
async function auditedAddress(t: TestContext, remote: string, forwarded?: string): Promise<string | null> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: remote,
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    payload: { phone: t.a.phones.staff, password: 'test-password' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const row = await t.db.handle.db
    .selectFrom('audit_log')
    .select('ip')
    .where('action', '=', 'auth.sign_in')
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  return row.ip;
}

for (const kind of testDatabaseKinds()) {
  describe(`behind a reverse proxy on ${kind}`, () => {
    let hop: TestContext, none: TestContext, listed: TestContext;

    before(async () => {
      hop = await startTestApp(kind, { LINLI_RATE_LIMITS: '1', LINLI_TRUST_PROXY: PROXY });
      none = await startTestApp(kind, { LINLI_RATE_LIMITS: '1' });
      listed = await startTestApp(kind, { LINLI_RATE_LIMITS: '1', LINLI_TRUST_PROXY: '10.0.0.0/8, loopback' });
    });
    after(async () => {
      await hop?.close();
      await none?.close();
      await listed?.close();
    });

    it('one trusted proxy: X-Forwarded-For names the client, and the limit counts each client', async () => {
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        assert.equal((await attempt(hop, PROXY, '203.0.113.7')).statusCode, 401, `attempt ${i + 1}`);
      assert.equal((await attempt(hop, PROXY, '203.0.113.7')).statusCode, 429);
      // Another client behind the same proxy is not held back by the first one's attempts.
      assert.equal((await attempt(hop, PROXY, '203.0.113.8')).statusCode, 401);
      // The first client cannot escape its limit by claiming another address: only the proxy's own entry counts.
      assert.equal((await attempt(hop, PROXY, '198.51.100.1, 203.0.113.7')).statusCode, 429);
      assert.equal(await auditedAddress(hop, PROXY, '198.51.100.9, 203.0.113.20'), '203.0.113.20');
    });

    it('the session cookie is Secure when the trusted proxy says the client came over HTTPS, else not', async () => {
      const cookieOf = async (t: TestContext, remote: string, headers: Record<string, string>) => {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          remoteAddress: remote,
          headers,
          payload: { phone: t.a.phones.staff, password: 'test-password' },
        });
        assert.equal(res.statusCode, 200, res.body);
        const set = String(res.headers['set-cookie']);
        assert.match(set, /HttpOnly/i);
        return set;
      };
      const https = { 'x-forwarded-for': '203.0.113.40', 'x-forwarded-proto': 'https' };
      assert.match(await cookieOf(hop, PROXY, https), /;\s*Secure/i);
      assert.doesNotMatch(await cookieOf(hop, PROXY, { 'x-forwarded-for': '203.0.113.41' }), /Secure/i);
      // A client that reaches Linli directly cannot claim HTTPS (a claim that could only make its cookie stricter).
      assert.doesNotMatch(await cookieOf(hop, '192.0.2.40', https), /Secure/i);
      assert.doesNotMatch(await cookieOf(none, '192.0.2.41', https), /Secure/i);
    });

    it('nothing trusted (unset): X-Forwarded-For is ignored, for the limit and the audit log', async () => {
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        assert.equal((await attempt(none, '192.0.2.50', `203.0.113.${i}`)).statusCode, 401, `attempt ${i + 1}`);
      assert.equal((await attempt(none, '192.0.2.50', '203.0.113.99')).statusCode, 429);
      assert.equal(await auditedAddress(none, '192.0.2.51', '203.0.113.5'), '192.0.2.51');
    });

    it('a list of proxies: believed from a listed address, ignored from any other', async () => {
      assert.equal(await auditedAddress(listed, PROXY, '203.0.113.30'), '203.0.113.30');
      // Two listed proxies in a chain (a load balancer before nginx): the client is the first address not listed.
      assert.equal(await auditedAddress(listed, PROXY, '203.0.113.32, 10.1.2.3'), '203.0.113.32');
      assert.equal(await auditedAddress(listed, '192.0.2.60', '203.0.113.31'), '192.0.2.60');
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        assert.equal((await attempt(listed, '192.0.2.61', `203.0.113.${i}`)).statusCode, 401, `attempt ${i + 1}`);
      assert.equal((await attempt(listed, '192.0.2.61', '203.0.113.77')).statusCode, 429);
    });
  });
}

describe('LINLI_TRUST_PROXY', () => {
  it('takes a list of addresses and CIDRs; a hop count or anything else stops start-up', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.deepEqual(loadConfig({ LINLI_TRUST_PROXY: '127.0.0.1' }).trustProxy, ['127.0.0.1']);
    assert.deepEqual(loadConfig({ LINLI_TRUST_PROXY: '10.0.0.0/8, 172.16.0.1,::1, uniquelocal' }).trustProxy, [
      '10.0.0.0/8',
      '172.16.0.1',
      '::1',
      'uniquelocal',
    ]);
    for (const bad of ['true', '1', '2', 'proxy.example', '10.0.0.0/33', '10.0.0.1,,10.0.0.2', '300.1.1.1'])
      assert.throws(() => loadConfig({ LINLI_TRUST_PROXY: bad }), /LINLI_TRUST_PROXY/, bad);
  });
});
