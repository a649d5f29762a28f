// Tokens never reach the log, on both databases: the request log of a calendar feed, a badge page, a volunteer card,
// a certificate check and an account link shows the path with the token hidden; an error quoting a token is
// scrubbed; the development channel masks sign-in codes and phone numbers unless the demo is on.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { deliverOutbox, insertAccountVolunteer, signInAs, startTestApp, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { loggerOptions, withoutTokens } from '../src/platform/logger.ts';
import { DevChannel } from '../src/platform/providers/dev.ts';

/** A log destination that keeps every line. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

const token = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');

for (const kind of testDatabaseKinds()) {
  describe(`no tokens in the log on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, me: Client;
    const log = capture();
    const logged = () => log.lines.join('\n');

    before(async () => {
      t = await startTestApp(kind, { LINLI_LOG_LEVEL: 'info' }, log.stream);
      staff = await signInAs(t, 'staff');
      me = await signInAs(t, 'volunteer');
      await insertAccountVolunteer(t, 'volunteer', { name: '刘红梅' });
    });
    after(async () => {
      await t?.close();
    });

    it('request lines show the path, its tokens hidden, ids and route words kept', async () => {
      const feed = (await me('GET', '/api/activities/mine/feed')).json().path as string;
      const feedToken = feed
        .split('/')
        .pop()!
        .replace(/\.ics$/, '');
      assert.equal((await t.app.inject({ method: 'GET', url: feed })).statusCode, 200);
      const secrets = [feedToken, token(), token(18), token(), token(32)];
      const [, badge, card, verify, setup] = secrets;
      for (const url of [
        `/b/${badge}`,
        `/api/volunteers/card/${card}`,
        `/console/volunteers/card/${card}`,
        `/api/certificates/verify/${t.a.id}/${verify}`,
        `/verify/${t.a.id}/${verify}`,
        `/setup/${setup}?next=/m`,
        `/api/activities/feed/${t.a.id}/${feedToken}.ics?token=${setup}`,
      ])
        await staff('GET', url);
      await new Promise((r) => setTimeout(r, 50));
      const text = logged();
      for (const s of secrets) assert.ok(!text.includes(s), `a token reached the log: ${s}`);
      assert.ok(text.includes('"path":"/api/activities/feed/' + t.a.id + '/[token].ics"'), text);
      // (The badge page writes no request lines at info at all: badgePageLogger.)
      assert.ok(text.includes('"path":"/api/volunteers/card/[token]"'));
      assert.ok(text.includes(`"path":"/api/certificates/verify/${t.a.id}/[token]"`));
      assert.ok(text.includes('"path":"/setup/[token]"'));
      // The session cookie and the CSRF header are never written either.
      assert.ok(!/linli_session=|x-csrf-token/i.test(text));
    });

    it('the development channel masks the sign-in code and the phone (no demo)', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone: t.a.phones.staff } });
      assert.equal(res.statusCode, 202, res.body);
      const row = await t.db.handle.db
        .selectFrom('notification_outbox')
        .select('payload')
        .where('template', '=', 'sign_in_code')
        .executeTakeFirstOrThrow();
      const code = JSON.parse(row.payload).code as string;
      assert.match(code, /^\d{6}$/);
      await deliverOutbox(t);
      const lines = log.lines.filter((l) => l.includes('development channel delivered a message'));
      assert.ok(
        lines.some((l) => l.includes('sign_in_code')),
        logged(),
      );
      assert.ok(!logged().includes(code), 'the sign-in code reached the log');
      assert.ok(!logged().includes(t.a.phones.staff), 'the phone number reached the log');
    });
  });
}

describe('log scrubbing', () => {
  it('an error quoting a token is written without it', () => {
    const log = capture();
    const logger = pino(loggerOptions('info'), log.stream);
    const secret = token();
    logger.error({ err: Object.assign(new Error(`duplicate key (token)=(${secret})`), { detail: secret }) }, 'x');
    assert.equal(log.lines.length, 1);
    assert.ok(!log.lines[0]!.includes(secret), log.lines[0]);
    assert.match(log.lines[0]!, /duplicate key \(token\)=\(\[token\]\)/);
  });

  it('keeps ids and route words, hides 20+ character tokens', () => {
    const id = crypto.randomUUID();
    assert.equal(withoutTokens(`/api/party-indicators/${id}`), `/api/party-indicators/${id}`);
    assert.equal(withoutTokens('/api/activities/mine/feed'), '/api/activities/mine/feed');
    assert.equal(withoutTokens('/b/aB3dE6gH9jK2mN5pQ8sT1vW4'), '/b/[token]');
  });

  it('the development channel logs a message whole only for the demo', async () => {
    const message = { id: 'x', recipient: '13800000001', template: 'sign_in_code', payload: { code: '428613' } };
    for (const demo of [true, false]) {
      const log = capture();
      await new DevChannel(pino(loggerOptions('info'), log.stream), demo).send(message);
      assert.equal(log.lines.length, 1);
      assert.equal(log.lines[0]!.includes('428613'), demo, log.lines[0]);
      assert.equal(log.lines[0]!.includes('13800000001'), demo, log.lines[0]);
    }
  });
});
