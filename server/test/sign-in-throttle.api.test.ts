// Guessing is slowed down, never turned into a lockout (issue 16): wrong passwords from anyone make later attempts on
// that number (and from that address) wait longer and longer, but end nobody's session, keep the holder out of
// nothing they can reach from an address that has not failed, and answer an unknown number exactly like a known one.
// The waits are jumped over by moving blocked_until into the past (the rows are the shared state several servers read).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { as, signIn, startTestApp, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { waitAfter } from '../src/modules/auth/sign-in-throttle.ts';

describe('sign-in waits', () => {
  it('are free for the first failures, then double from 30 s up to 15 min', () => {
    assert.deepEqual(
      [1, 4, 5, 6, 7, 8, 9, 10, 11, 30].map((n) => waitAfter(n, 5)),
      [0, 0, 30, 60, 120, 240, 480, 900, 900, 900],
    );
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`sign-in throttle on ${kind}`, () => {
    let t: TestContext;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const attempt = (phone: string, password: string, from: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { phone, password },
        remoteAddress: from,
      });
    /** The wait is over: every counter's block ends now (as if the time had passed). */
    const waitOut = () =>
      t.db.handle.db.updateTable('sign_in_throttle').set({ blocked_until: '2000-01-01T00:00:00.000Z' }).execute();
    /** What a client sees; the seconds left are kept apart, as they tick between two requests on a loaded machine. */
    const seen = (r: Awaited<ReturnType<typeof attempt>>) => {
      const { retryAfterSeconds, ...details } = r.json().error.details ?? {};
      const header = r.headers['retry-after'];
      assert.equal(retryAfterSeconds ?? null, header === undefined ? null : Number(header));
      return {
        answer: { status: r.statusCode, code: r.json().error.code, message: r.json().error.message, details },
        retryAfter: header === undefined ? null : Number(header),
      };
    };
    /** Seconds left, read a moment after the wait began: at most `full`, and not more than a few seconds less. */
    const near = (got: number | null, full: number | null) =>
      full === null ? got === null : got !== null && got <= full && got >= full - 5;

    it('answers a known and an unknown number identically through the whole sequence', async () => {
      const known: Array<ReturnType<typeof seen>> = [];
      const unknown: Array<ReturnType<typeof seen>> = [];
      for (let i = 0; i < 9; i++) {
        // Jump the wait before the 7th and 9th tries: each is then let in, fails, and makes the next wait longer.
        if (i === 6 || i === 8) await waitOut();
        known.push(seen(await attempt(t.a.phones.volunteer, 'wrong', '10.1.0.1')));
        unknown.push(seen(await attempt('13912345678', 'wrong', '10.1.0.2')));
      }
      assert.deepEqual(
        known.map((k) => k.answer),
        unknown.map((u) => u.answer),
      );
      assert.deepEqual(
        known.map((k) => k.answer.status),
        [401, 401, 401, 401, 401, 429, 401, 429, 401],
      );
      const waits = [null, null, null, null, null, 30, null, 60, null];
      known.forEach((k, i) => assert.ok(near(k.retryAfter, waits[i]!), `known ${i}: ${k.retryAfter}`));
      unknown.forEach((u, i) => assert.ok(near(u.retryAfter, waits[i]!), `unknown ${i}: ${u.retryAfter}`));
      assert.match(known[5]!.answer.message, /1 分钟后再试/);
      // While it waits even the right password is refused from that address.
      const right = await attempt(t.a.phones.volunteer, 'test-password', '10.1.0.1');
      assert.equal(right.statusCode, 429);
      assert.ok(near(Number(right.headers['retry-after']), 120));
    });

    it('never ends the holder’s open session, and lets the holder in from an address that has not failed', async () => {
      const phone = t.a.phones.staff;
      const holder = as(t.app, await signIn(t.app, phone));
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 6; i++) await attempt(phone, `guess-${round}-${i}`, '10.2.0.66');
        await waitOut();
      }
      assert.equal((await attempt(phone, 'another', '10.2.0.66')).statusCode, 401);
      assert.equal((await attempt(phone, 'test-password', '10.2.0.66')).statusCode, 429, 'the guesser waits');
      assert.equal((await holder('GET', '/api/auth/me')).statusCode, 200, 'the open session lives on');
      assert.equal((await holder('GET', '/api/registry/summary')).statusCode, 200);
      // The holder at the office (no failures for this number from there) gets in with the right password.
      const office = await attempt(phone, 'test-password', '10.2.0.7');
      assert.equal(office.statusCode, 200, office.body);
      // A wrong password from a fresh address while the number waits: told to wait, and that address waits too.
      for (let i = 0; i < 6; i++) await attempt(phone, `guess-again-${i}`, '10.2.0.66');
      const fresh = await attempt(phone, 'wrong', '10.2.0.8');
      assert.equal(fresh.statusCode, 429);
      assert.equal((await attempt(phone, 'test-password', '10.2.0.8')).statusCode, 429);
    });

    it('clears a number’s count on a right password', async () => {
      const phone = t.a.phones.grid_leader;
      for (let i = 0; i < 4; i++) assert.equal((await attempt(phone, 'wrong', '10.3.0.1')).statusCode, 401);
      assert.equal((await attempt(phone, 'test-password', '10.3.0.1')).statusCode, 200);
      for (let i = 0; i < 4; i++) assert.equal((await attempt(phone, 'wrong', '10.3.0.1')).statusCode, 401);
      assert.equal((await attempt(phone, 'test-password', '10.3.0.1')).statusCode, 200);
    });

    it('slows down an address trying many numbers, and no other address', async () => {
      const from = '10.4.0.9';
      for (let i = 0; i < 20; i++)
        assert.equal((await attempt(`1391000${String(i).padStart(4, '0')}`, 'wrong', from)).statusCode, 401);
      const next = await attempt(t.a.phones.team_leader, 'test-password', from);
      assert.equal(next.statusCode, 429, 'the address waits, even for a right password');
      assert.ok(near(Number(next.headers['retry-after']), 30));
      assert.equal((await attempt(t.a.phones.team_leader, 'test-password', '10.4.0.10')).statusCode, 200);
    });

    it('counts text-code guesses on the same number', async () => {
      const phone = '13955554444';
      const code = (c: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in-code',
          payload: { phone, code: c },
          remoteAddress: '10.5.0.1',
        });
      for (let i = 0; i < 5; i++) assert.equal((await code(`00000${i}`)).statusCode, 401);
      assert.equal((await code('000009')).statusCode, 429);
      assert.equal((await attempt(phone, 'x', '10.5.0.1')).statusCode, 429, 'one count for every way in');
      const rows = await t.db.handle.db.selectFrom('sign_in_throttle').select('key').execute();
      assert.ok(
        rows.every((r) => !r.key.includes(phone)),
        'no phone number in the table',
      );
    });
  });
}
