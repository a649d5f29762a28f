// The headers every response carries (issue 16), on both databases: the web app's index.html, its SPA fallback and
// a hashed asset; a personal /api answer and an /api error; the badge page and the public site, which keep their own
// stricter policy; HSTS only when the deployment is secure.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { APP_CSP, HSTS } from '../src/platform/security-headers.ts';
import { PAGE_CSP } from '../src/modules/badges/badge.page.ts';
import { SITE_CSP } from '../src/modules/publicity/public.page.ts';
import { loadConfig } from '../src/config.ts';

type Headers = Record<string, string | string[] | number | undefined>;

/** A built web app in miniature: index.html and one hashed asset. */
function fakeWebDist(): string {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>邻里</title><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-AbC123xy.js'), 'console.log(1)');
  return dist;
}

/** The headers every response must carry, whatever it is. */
function assertEveryResponse(h: Headers, what: string) {
  assert.equal(h['x-content-type-options'], 'nosniff', what);
  assert.equal(h['x-frame-options'], 'DENY', what);
  assert.equal(h['referrer-policy'], 'no-referrer', what);
  assert.ok(h['content-security-policy'], `${what} has no CSP`);
  assert.match(String(h['content-security-policy']), /frame-ancestors 'none'/, what);
  assert.match(String(h['content-security-policy']), /base-uri 'none'/, what);
}

for (const kind of testDatabaseKinds()) {
  describe(`security headers on ${kind}`, () => {
    let t: TestContext;
    let secure: TestContext;
    let staff: Client;
    const dist = fakeWebDist();
    const get = (url: string, ctx = t) => ctx.app.inject({ method: 'GET', url });

    before(async () => {
      t = await startTestApp(kind, { LINLI_WEB_DIST: dist });
      staff = await signInAs(t, 'staff');
      secure = await startTestApp(kind, { LINLI_WEB_DIST: dist, LINLI_SECURE_COOKIES: '1' });
    });
    after(async () => {
      await t?.close();
      await secure?.close();
      fs.rmSync(dist, { recursive: true, force: true });
    });

    it('index.html and the SPA fallback: the app policy, checked again on every visit (never immutable)', async () => {
      for (const url of ['/', '/index.html', '/console/volunteers', '/m/activities?x=1']) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.match(String(res.headers['content-type']), /text\/html/, url);
        assertEveryResponse(res.headers, url);
        assert.equal(res.headers['content-security-policy'], APP_CSP, url);
        assert.equal(res.headers['cache-control'], 'no-cache', url);
        assert.equal(res.headers['strict-transport-security'], undefined, url);
      }
      // The policy the console and phone pages run under: no inline or foreign script, nothing framed or posted away.
      for (const d of [
        "default-src 'self'",
        "script-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "form-action 'self'",
        "img-src 'self' data: blob:",
      ])
        assert.ok(APP_CSP.split('; ').includes(d), d);
      assert.ok(!/script-src[^;]*(unsafe|data:|\*)/.test(APP_CSP), APP_CSP);
    });

    it('a hashed asset is kept a year, immutable; a path outside the web folder is not served', async () => {
      const res = await get('/assets/index-AbC123xy.js');
      assert.equal(res.statusCode, 200);
      assertEveryResponse(res.headers, 'asset');
      assert.match(String(res.headers['cache-control']), /max-age=31536000/);
      assert.match(String(res.headers['cache-control']), /immutable/);
      const escape = await get(`/..%2F${path.basename(dist)}-secret`);
      assert.match(String(escape.headers['content-type']), /text\/html/);
      assert.equal(escape.headers['cache-control'], 'no-cache');
    });

    it('every /api answer is not stored: personal data, errors and the not-found answer', async () => {
      for (const [what, res] of [
        ['me', await staff('GET', '/api/auth/me')],
        ['a list', await staff('GET', '/api/volunteers')],
        ['signed out', await get('/api/auth/me')],
        ['unknown', await get('/api/no-such-route')],
      ] as const) {
        assertEveryResponse(res.headers, what);
        assert.equal(res.headers['cache-control'], 'no-store', what);
      }
      assert.equal((await get('/api/auth/me')).statusCode, 401);
      const malformed = await get('/api/x%E0%A4%A');
      assert.equal(malformed.statusCode, 400);
      assertEveryResponse(malformed.headers, 'a malformed address');
      // A route that is public and may be kept says so itself.
      const open = await get(`/api/public/${t.a.id}/activities`);
      assert.equal(open.statusCode, 200, open.body);
      assert.equal(open.headers['cache-control'], 'public, max-age=60');
      assertEveryResponse(open.headers, 'public list');
    });

    it('the badge page and the public site keep their own stricter policy, with the common headers', async () => {
      const badge = await get('/b/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      assert.equal(badge.statusCode, 404);
      assertEveryResponse(badge.headers, 'badge page');
      assert.equal(badge.headers['content-security-policy'], PAGE_CSP);
      assert.equal(badge.headers['cache-control'], 'no-store');
      const site = await get(`/p/${t.a.id}`);
      assert.equal(site.statusCode, 200, site.body);
      assertEveryResponse(site.headers, 'public site');
      assert.equal(site.headers['content-security-policy'], SITE_CSP);
    });

    it('HSTS only when the deployment is secure (secure cookies, or an https public address)', async () => {
      for (const url of ['/', '/assets/index-AbC123xy.js', '/api/health', '/b/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
        assert.equal((await get(url, secure)).headers['strict-transport-security'], HSTS, url);
        assert.equal((await get(url)).headers['strict-transport-security'], undefined, url);
      }
      assert.equal(loadConfig({ LINLI_PUBLIC_URL: 'https://linli.example.cn' }).hsts, true);
      assert.equal(loadConfig({ LINLI_PUBLIC_URL: 'http://10.0.0.5:3000' }).hsts, false);
      assert.equal(loadConfig({}).hsts, false);
    });
  });
}
