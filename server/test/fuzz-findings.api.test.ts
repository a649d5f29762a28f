// What the route fuzzer (fuzz.api.test.ts) found, each kept as a plain request that must now be answered without a
// 5xx, on both databases: a refusal in the caller's language where the input is wrong, the work done where it is not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`fuzzer findings stay fixed (${kind})`, () => {
    let t: TestContext;
    let admin: Client;

    before(async () => {
      t = await startTestApp(kind);
      admin = await signInAs(t, 'community_admin');
    });
    after(() => t.close());

    it('an empty edit of a service type changes nothing (was: an UPDATE with no column, 500)', async () => {
      const created = await admin('POST', '/api/service-types', {
        code: 'visit',
        name: '探访',
        minAge: 18,
        maxAge: 75,
        minFitness: 'fair',
        night: false,
        needsInsurance: false,
      });
      assert.equal(created.statusCode, 201, created.body);
      const url = `/api/service-types/${created.json().id}`;
      const before = (await admin('GET', url)).json();
      const res = await admin('PATCH', url, {});
      assert.ok(res.statusCode < 300, res.body);
      assert.deepEqual((await admin('GET', url)).json(), before);
    });

    it('dates out of the years a community lives in are refused, not computed on (was: RangeError, 500)', async () => {
      for (const url of [
        '/api/appointments/bookings?date=9999-12-31',
        '/api/appointments/bookings?date=0000-01-01',
        '/api/indicators/report.pdf?month=0000-01',
        '/api/indicators/report.pdf?month=9999-12',
        '/api/indicators/report.pdf?month=1800-01',
      ]) {
        const res = await admin('GET', url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
      }
    });

    it('a window with an end that is not a date is refused on that end (was: a range check on it, 500)', async () => {
      for (const url of [
        '/api/activities?from=..%2F..%2Fetc%2Fpasswd&to=1970-01',
        '/api/activities/export?from=x&to=2026-01-01',
        '/api/appointments/bookings/export?date=&to=1970-01',
        '/api/appointments/bookings/export?date=2026-02-30&to=2026-03-01',
      ]) {
        const res = await admin('GET', url);
        assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation');
      }
    });
  });
}
