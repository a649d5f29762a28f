// The outbox's delivery on both databases: queued → delivered; retries with backoff; permanent failures; quiet
// hours held and released (a test clock); opt-out skipped unless urgent; and nothing sent twice when workers race
// or one dies after its claim.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Notifier, type Notification } from '../src/platform/notify.ts';
import { OutboxWorker, type Channels } from '../src/platform/outbox.ts';
import { AliyunSms } from '../src/platform/providers/aliyun-sms.ts';
import { DevChannel } from '../src/platform/providers/dev.ts';
import { FieldCipher, generateKeyring } from '../src/platform/crypto.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './databases.ts';
import { seedSmallCommunity, type SmallCommunity } from './factories.ts';
import { aliyunStandIn, type AliyunStandIn } from './provider-standins.ts';

const silent = pino({ level: 'silent' }) as any;
// 10:00 and 22:00 in Shanghai (UTC+8) on 7 December 2026.
const DAY = '2026-12-07T02:00:00.000Z';
const NIGHT = '2026-12-07T14:00:00.000Z';

for (const kind of testDatabaseKinds()) {
  describe(`outbox delivery on ${kind}`, () => {
    let t: TestDatabase;
    let a: SmallCommunity;
    let b: SmallCommunity;
    let s: AliyunStandIn;
    let channels: Channels;
    let now = new Date(DAY);
    const clock = () => now;
    const notifier = new Notifier(undefined, clock);
    const logged: string[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _enc, cb) {
          logged.push(String(chunk));
          cb();
        },
      }),
    ) as any;
    const db = () => t.handle.db;
    const worker = (o: Partial<ConstructorParameters<typeof OutboxWorker>[4]> = {}, ch = channels) =>
      new OutboxWorker(db(), kind, silent, ch, { now: clock, ...o });
    const send = (n: Notification) =>
      db()
        .transaction()
        .execute((trx) => notifier.send(trx, n));
    const row = (id: string) =>
      db().selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const sms = (
      phone: string,
      template = 'appointments.reminder',
      payload: Record<string, unknown> = { title: '理发' },
    ) => send({ channel: 'sms', recipient: phone, template, payload });

    before(async () => {
      t = await createTestDatabase(kind);
      const cipher = new FieldCipher(generateKeyring());
      a = await seedSmallCommunity(db(), cipher, { name: '西关社区', phonePrefix: '1390000' });
      b = await seedSmallCommunity(db(), cipher, { name: '东关社区', phonePrefix: '1390001' });
      // Community B keeps London time: 22:00 in Shanghai is 14:00 there, not quiet.
      await db().updateTable('community').set({ time_zone: 'Europe/London' }).where('id', '=', b.id).execute();
      s = await aliyunStandIn({ id: 'LTAI-test', secret: 'sk' });
      channels = {
        sms: new AliyunSms({
          accessKeyId: 'LTAI-test',
          accessKeySecret: 'sk',
          signName: '邻里',
          endpoint: s.url + '/',
          templates: {
            'appointments.reminder': { id: 'SMS_100', params: ['title'] },
            sign_in_code: { id: 'SMS_101', params: ['code'] },
            'badges.scanned': { id: 'SMS_102', params: [] },
            'needs.declined': { id: 'SMS_103', params: [] },
          },
        }),
        wechat: new DevChannel(silent),
      };
    });
    after(async () => {
      await s.close();
      await t.dispose();
    });

    it('writes a queued row in the caller’s transaction and returns its id; the worker delivers it', async () => {
      now = new Date(DAY);
      const id = await sms(a.phones.volunteer);
      const queued = await row(id);
      assert.equal(queued.status, 'queued');
      assert.equal(queued.community_id, a.id);
      assert.ok(queued.account_id, 'the person is found by phone');
      assert.equal(queued.urgent, 0);
      // A rolled-back transaction leaves no message.
      await db()
        .transaction()
        .execute(async (trx) => {
          await notifier.send(trx, { channel: 'sms', recipient: a.phones.staff, template: 'x', payload: {} });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      assert.equal(
        (await db().selectFrom('notification_outbox').select('id').where('template', '=', 'x').execute()).length,
        0,
      );

      assert.ok((await worker().drain()) >= 1);
      const sent = await row(id);
      assert.equal(sent.status, 'sent');
      assert.equal(sent.provider, 'aliyun');
      assert.ok(sent.provider_message_id);
      assert.equal(sent.attempts, 1);
      assert.equal(s.accepted.get(id), 1);
    });

    it('the development channel logs and marks delivered; the app channel delivers at once', async () => {
      now = new Date(DAY);
      const dev = { sms: new DevChannel(log), wechat: new DevChannel(log) };
      const id = await sms(a.phones.team_leader, 'appointments.reminder', { title: '义诊' });
      const inApp = await send({ channel: 'app', recipient: a.phones.team_leader, template: 'hello', payload: {} });
      await worker({}, dev).drain();
      assert.equal((await row(id)).status, 'delivered');
      assert.ok(logged.some((l) => l.includes('development channel delivered a message') && l.includes('义诊')));
      const app = await row(inApp);
      assert.equal(app.status, 'delivered');
      assert.equal(app.provider, 'app');
      assert.ok(app.account_id);
    });

    it('retries a throttled message with growing waits, then sends it', async () => {
      now = new Date(DAY);
      const w = worker({ backoffBaseMs: 30_000 });
      s.throttleNext = 2;
      const id = await sms(a.phones.grid_leader);
      await w.runOnce();
      let r = await row(id);
      assert.equal(r.status, 'queued');
      assert.equal(r.attempts, 1);
      assert.match(r.last_error ?? '', /Throttling/);
      assert.equal(r.next_attempt_at, new Date(now.getTime() + 30_000).toISOString());
      assert.equal(await w.runOnce(), 0, 'not before its time');
      now = new Date(now.getTime() + 30_000);
      await w.runOnce();
      r = await row(id);
      assert.equal(r.attempts, 2);
      assert.equal(r.next_attempt_at, new Date(now.getTime() + 60_000).toISOString(), 'twice the wait');
      now = new Date(now.getTime() + 60_000);
      await w.runOnce();
      r = await row(id);
      assert.equal(r.status, 'sent');
      assert.equal(r.attempts, 3);
      assert.equal(s.accepted.get(id), 1);
    });

    it('gives up after the last attempt, and backoff is capped', async () => {
      now = new Date(DAY);
      const w = worker({ maxAttempts: 3, backoffBaseMs: 1000, backoffCapMs: 1500 });
      assert.equal(w.backoffMs(10), 1500);
      s.throttleNext = 3;
      const id = await sms(a.phones.unit_coordinator);
      for (let i = 0; i < 3; i++) {
        await w.runOnce();
        now = new Date(now.getTime() + 1500);
      }
      const r = await row(id);
      assert.equal(r.status, 'failed');
      assert.equal(r.attempts, 3);
    });

    it('fails a bad number at once; staff retry puts it back in the queue', async () => {
      now = new Date(DAY);
      const id = await sms('12345');
      await worker().drain();
      let r = await row(id);
      assert.equal(r.status, 'failed');
      assert.equal(r.attempts, 1);
      assert.match(r.last_error ?? '', /isv\.MOBILE_NUMBER_ILLEGAL/);
      const w = worker();
      assert.equal(await w.retry(id), true);
      r = await row(id);
      assert.equal(r.status, 'queued');
      assert.equal(r.attempts, 0);
      assert.equal(await w.retry(id), false, 'only failed rows');
      await w.drain();
      assert.equal((await row(id)).status, 'failed');
    });

    it('holds non-urgent messages in quiet hours until 08:00 local; urgent ones go at once', async () => {
      now = new Date(NIGHT);
      const w = worker();
      const reminder = await sms(a.phones.resident);
      const code = await sms(a.phones.resident, 'sign_in_code', { code: '246810' });
      const london = await sms(b.phones.resident);
      await w.drain();
      const held = await row(reminder);
      assert.equal(held.status, 'held');
      assert.equal(held.attempts, 0, 'holding is not an attempt');
      assert.equal(held.next_attempt_at, '2026-12-08T00:00:00.000Z', '08:00 in Shanghai');
      assert.equal((await row(code)).status, 'sent', 'a sign-in code is urgent');
      assert.equal((await row(code)).urgent, 1);
      assert.equal((await row(london)).status, 'sent', '14:00 in London is not quiet');
      now = new Date('2026-12-07T23:59:00.000Z');
      await w.drain();
      assert.equal((await row(reminder)).status, 'held', '07:59 still quiet');
      now = new Date('2026-12-08T00:00:00.000Z');
      await w.drain();
      const released = await row(reminder);
      assert.equal(released.status, 'sent');
      assert.equal(released.attempts, 1);
      assert.equal(s.accepted.get(reminder), 1);
    });

    it('skips a person who opted out or turned a channel off, but not urgent messages', async () => {
      now = new Date('2026-12-07T10:00:00.000Z'); // daytime in London (community B) too
      const accountOf = async (phone: string) =>
        (await db().selectFrom('account').select('id').where('phone', '=', phone).executeTakeFirstOrThrow()).id;
      const out = await accountOf(b.phones.volunteer);
      const noSms = await accountOf(b.phones.staff);
      const at = new Date().toISOString();
      await db()
        .insertInto('notification_preference')
        .values([
          { account_id: out, app: 1, sms: 1, wechat: 1, opted_out: 1, updated_at: at },
          { account_id: noSms, app: 1, sms: 0, wechat: 1, opted_out: 0, updated_at: at },
        ])
        .execute();
      const skipped = await sms(b.phones.volunteer, 'needs.declined');
      const badge = await sms(b.phones.volunteer, 'badges.scanned');
      const off = await sms(b.phones.staff, 'needs.declined');
      const inApp = await send({ channel: 'app', recipient: b.phones.staff, template: 'needs.declined', payload: {} });
      await worker().drain();
      assert.deepEqual([(await row(skipped)).status, (await row(skipped)).last_error], ['skipped', 'opted_out']);
      assert.equal((await row(badge)).status, 'sent', 'a badge find reaches the family whatever they chose');
      assert.deepEqual([(await row(off)).status, (await row(off)).last_error], ['skipped', 'channel_off']);
      assert.equal((await row(inApp)).status, 'delivered');
      assert.equal(s.accepted.has(skipped), false);
    });

    it('four workers racing over the same rows send each message once', async () => {
      now = new Date(DAY);
      const ids: string[] = [];
      for (let i = 0; i < 120; i++)
        ids.push(await sms(`1380000${String(i).padStart(4, '0')}`, 'appointments.reminder', { title: `#${i}` }));
      const workers = [1, 2, 3, 4].map(() => worker({ concurrency: 4 }));
      await Promise.all(workers.map((w) => w.drain(15)));
      for (const id of ids) assert.equal(s.accepted.get(id), 1, `message ${id} accepted once`);
      const rows = await db()
        .selectFrom('notification_outbox')
        .select(['status', 'attempts'])
        .where('id', 'in', ids)
        .execute();
      assert.ok(rows.every((r) => r.status === 'sent' && r.attempts === 1));
    });

    it('a worker killed after its claim: its rows wait out the lease, then another sends them once', async () => {
      now = new Date(DAY);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await sms(`1370000${String(i).padStart(4, '0')}`));
      const dead = worker({ leaseMs: 60_000 });
      const claimed = await dead.claim(100);
      assert.deepEqual(new Set(claimed.map((r) => r.id)), new Set(ids));
      // "Killed": the claim is never finished. Another worker started after the restart:
      const next = worker({ leaseMs: 60_000 });
      assert.equal(await next.runOnce(), 0, 'leased rows are not taken while the lease runs');
      now = new Date(now.getTime() + 60_001);
      assert.equal(await next.drain(), 10);
      for (const id of ids) {
        const r = await row(id);
        assert.equal(r.status, 'sent');
        assert.equal(r.attempts, 2, 'the dead claim counts as an attempt');
        assert.equal(s.accepted.get(id), 1);
      }
      assert.equal(await next.drain(), 0, 'nothing left to send');
    });
  });
}
