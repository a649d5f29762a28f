// Every API route, tried by someone who must be refused: nobody signed in, and a role without the
// route's permission. A new route is covered the day it is added.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, scopeOf, type Permission, type Role } from '../../domain/access/roles.ts';
import { as, signIn, startTestApp, type Session, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

for (const kind of testDatabaseKinds()) {
  describe(`route access on ${kind}`, () => {
    let t: TestContext;
    const sessions = {} as Record<Role, Session>;
    before(async () => {
      t = await startTestApp(kind);
      for (const role of ROLES) sessions[role] = await signIn(t.app, t.a.phones[role]);
    });
    after(async () => {
      await t.close();
    });

    it('declares access on every API route', () => {
      assert.ok(t.app.routeAccess.length >= 25, `${t.app.routeAccess.length} routes`);
    });

    it('refuses every non-public route to a caller who is not signed in', async () => {
      for (const r of t.app.routeAccess.filter((x) => !('public' in x.access))) {
        const res = await t.app.inject({ method: r.method as any, url: r.url.replace(/:\w+/g, SOME_ID) });
        assert.equal(res.statusCode, 401, `${r.method} ${r.url} → ${res.statusCode}`);
        assert.equal(res.json().error.code, 'unauthenticated');
      }
    });

    it('refuses every permission route to each role without that permission, saying why', async () => {
      let tried = 0;
      for (const r of t.app.routeAccess) {
        if (!('permission' in r.access)) continue;
        const permission: Permission = r.access.permission;
        for (const role of ROLES.filter((x) => scopeOf(x, permission) === null)) {
          const res = await as(t.app, sessions[role])(
            r.method as any,
            r.url.replace(/:\w+/g, SOME_ID),
            r.method === 'GET' ? undefined : {},
          );
          assert.equal(res.statusCode, 403, `${role} ${r.method} ${r.url} → ${res.statusCode} ${res.body}`);
          assert.equal(res.json().error.code, 'forbidden');
          assert.ok(res.json().error.message.length > 5);
          tried++;
        }
      }
      assert.ok(tried >= 50, `tried ${tried}`);
    });

    it('refuses a cookie-authenticated write without the CSRF token', async () => {
      const s = sessions.staff;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/households',
        headers: { cookie: s.cookie },
        payload: { buildingId: t.a.buildings[0], unit: '9', room: '909' },
      });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'csrf');
    });
  });
}
