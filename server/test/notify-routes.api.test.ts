// The routes around the outbox: a person's 消息设置, staff's delivery status with filters and retry, and the
// official account's menu — over the real app, with SMS and WeChat pointed at the local stand-ins.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as outboxCodesBlanked from '../src/db/migrations/2026-12-11T0200_outbox_codes_blanked.ts';
import { deliverOutbox, signInAs, startTestApp, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { aliyunStandIn, wechatStandIn, type AliyunStandIn, type WechatStandIn } from './provider-standins.ts';

for (const kind of testDatabaseKinds()) {
  describe(`message routes on ${kind}`, () => {
    let t: TestContext;
    let sms: AliyunStandIn;
    let wx: WechatStandIn;
    before(async () => {
      sms = await aliyunStandIn({ id: 'LTAI-app', secret: 'app-secret' });
      wx = await wechatStandIn({ appId: 'wx-app', secret: 'wx-secret' });
      t = await startTestApp(kind, {
        LINLI_SMS_PROVIDER: 'aliyun',
        LINLI_ALIYUN_ACCESS_KEY_ID: 'LTAI-app',
        LINLI_ALIYUN_ACCESS_KEY_SECRET: 'app-secret',
        LINLI_ALIYUN_SMS_SIGN_NAME: '邻里',
        LINLI_ALIYUN_SMS_ENDPOINT: sms.url + '/',
        LINLI_SMS_TEMPLATES: JSON.stringify({
          sign_in_code: { id: 'SMS_9', params: ['code'] },
          'badges.scanned': { id: 'SMS_11', params: ['name'] },
          'volunteer.guardian_consent_code': { id: 'SMS_12', params: ['code', 'link'] },
        }),
        LINLI_WECHAT_APP_ID: 'wx-app',
        LINLI_WECHAT_APP_SECRET: 'wx-secret',
        LINLI_WECHAT_API_BASE: wx.url,
        LINLI_PUBLIC_URL: 'https://linli.example.cn',
      });
    });
    after(async () => {
      await t.close();
      await sms.close();
      await wx.close();
    });

    it('keeps each person’s channels and opt-out', async () => {
      const me = await signInAs(t, 'volunteer');
      assert.deepEqual((await me('GET', '/api/me/notification-preferences')).json(), {
        app: true,
        sms: true,
        wechat: true,
        optedOut: false,
      });
      const put = await me('PUT', '/api/me/notification-preferences', {
        app: true,
        sms: false,
        wechat: true,
        optedOut: false,
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json().sms, false);
      const again = await me('PUT', '/api/me/notification-preferences', {
        app: true,
        sms: true,
        wechat: true,
        optedOut: true,
      });
      assert.equal(again.json().optedOut, true);
      assert.equal((await me('GET', '/api/me/notification-preferences')).json().optedOut, true);
      // Someone else still has the defaults.
      const other = await signInAs(t, 'resident');
      assert.equal((await other('GET', '/api/me/notification-preferences')).json().optedOut, false);
      // Bad input: 400 in the user's language, nothing changed.
      const bad = await me(
        'PUT',
        '/api/me/notification-preferences',
        { app: 'yes', sms: true },
        { 'accept-language': 'zh-CN' },
      );
      assert.equal(bad.statusCode, 400);
      assert.equal((await me('GET', '/api/me/notification-preferences')).json().optedOut, true);
    });

    it('shows staff the delivery status, filters it, and retries a failed message once', async () => {
      const db = t.db.handle.db;
      const notifier = t.app.services.notifier;
      // Urgent messages (quiet hours do not matter) to a number the provider refuses: failed at once.
      const failedId = await notifier.send(db, {
        channel: 'sms',
        recipient: '12345',
        template: 'badges.scanned',
        payload: { name: '王奶奶' },
        communityId: t.a.id,
      });
      const failedCodeId = await notifier.send(db, {
        channel: 'sms',
        recipient: '12345',
        template: 'sign_in_code',
        payload: { code: '135790' },
        communityId: t.a.id,
      });
      const okId = await notifier.send(db, {
        channel: 'sms',
        recipient: t.a.phones.resident,
        template: 'sign_in_code',
        payload: { code: '246800' },
      });
      await deliverOutbox(t);
      assert.equal(sms.accepted.get(okId), 1);

      const staff = await signInAs(t, 'staff');
      const failed = (await staff('GET', '/api/outbox?status=failed')).json().items;
      assert.deepEqual(
        failed.map((m: any) => [m.id, m.attempts, m.lastError?.startsWith('isv.MOBILE_NUMBER_ILLEGAL')]).sort(),
        [
          [failedId, 1, true],
          [failedCodeId, 1, true],
        ].sort(),
      );
      const sent = (await staff('GET', '/api/outbox?status=sent&channel=sms')).json().items;
      assert.ok(sent.some((m: any) => m.id === okId && m.provider === 'aliyun' && m.urgent === true));
      // With a real provider the code reaches the person alone: staff reading the outbox could otherwise act as them.
      assert.equal(sent.find((m: any) => m.id === okId).payload.code, '******');
      assert.ok(!JSON.stringify(failed).includes('135790'));
      // Nor is it kept: once a code's message is sent or has failed for good, the outbox holds no usable code.
      const stored = await db
        .selectFrom('notification_outbox')
        .select(['id', 'payload'])
        .where('id', 'in', [okId, failedCodeId, failedId])
        .execute();
      assert.equal(stored.length, 3);
      assert.ok(!stored.some((r) => r.payload.includes('246800') || r.payload.includes('135790')), 'codes blanked');
      assert.ok(stored.find((r) => r.id === failedId)!.payload.includes('王奶奶'), 'other messages kept whole');
      assert.equal((await staff('GET', '/api/outbox?status=nope')).statusCode, 400);

      // Community B's staff neither see nor retry it; a volunteer may not retry.
      const staffB = await signInAs(t, 'staff', 'b');
      assert.ok(!(await staffB('GET', '/api/outbox')).json().items.some((m: any) => m.id === failedId));
      assert.equal((await staffB('POST', `/api/outbox/${failedId}/retry`)).statusCode, 404);
      assert.equal((await (await signInAs(t, 'volunteer'))('POST', `/api/outbox/${failedId}/retry`)).statusCode, 403);

      // A code is not sent again (it was blanked): the person asks for a new one. Said in the user's language.
      const code = await staff('POST', `/api/outbox/${failedCodeId}/retry`, undefined, { 'accept-language': 'zh-CN' });
      assert.equal(code.statusCode, 409);
      assert.match(code.json().error.message, /验证码不能重发/);
      const codeRow = await db
        .selectFrom('notification_outbox')
        .select('status')
        .where('id', '=', failedCodeId)
        .executeTakeFirstOrThrow();
      assert.equal(codeRow.status, 'failed');

      const retry = await staff('POST', `/api/outbox/${failedId}/retry`);
      assert.equal(retry.statusCode, 200, retry.body);
      const row = await db
        .selectFrom('notification_outbox')
        .selectAll()
        .where('id', '=', failedId)
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.attempts, row.last_error], ['queued', 0, null]);
      const twice = await staff('POST', `/api/outbox/${failedId}/retry`, undefined, { 'accept-language': 'en' });
      assert.equal(twice.statusCode, 409);
      assert.match(twice.json().error.message, /Only a message that failed/);
      const audit = await db
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', '=', 'outbox.retry')
        .execute();
      assert.equal(audit.length, 1);
    });

    it('masks the guardian consent code, in its link too, from staff and at rest', async () => {
      const db = t.db.handle.db;
      const id = await t.app.services.notifier.send(db, {
        channel: 'sms',
        recipient: t.a.phones.resident,
        template: 'volunteer.guardian_consent_code',
        payload: { code: '864200', child: '小明', link: `/m/guardian#p=${t.a.phones.resident}&c=864200` },
        communityId: t.a.id,
      });
      // Queued, not yet sent: the code is still needed for delivery, but staff never see it.
      const staff = await signInAs(t, 'staff');
      const queued = (await staff('GET', '/api/outbox')).json().items.find((m: any) => m.id === id);
      assert.deepEqual([queued.payload.code, queued.payload.link, queued.payload.child], ['******', '******', '小明']);
      await deliverOutbox(t);
      // The guardian's message carried the code and the whole address of the page.
      const delivered = sms.templateParams.get(id) ?? '';
      assert.match(delivered, /864200/);
      assert.match(delivered, /https:\/\/linli\.example\.cn\/m\/guardian#p=/);
      const row = await db
        .selectFrom('notification_outbox')
        .select(['status', 'payload'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.ok(!row.payload.includes('864200'), row.payload);
      assert.ok(row.payload.includes('小明'));
    });

    it('blanks the codes the outbox kept before the worker did (migration 2026-12-11T0200)', async () => {
      const db = t.db.handle.db;
      const row = (id: string, template: string, status: string, payload: object) => ({
        id,
        channel: 'sms',
        recipient: t.a.phones.resident,
        template,
        payload: JSON.stringify(payload),
        status,
        created_at: '2026-11-01T00:00:00.000Z',
        sent_at: null,
        account_id: null,
        community_id: t.a.id,
        urgent: 1,
        attempts: 1,
        next_attempt_at: '2026-11-01T00:00:00.000Z',
        locked_by: null,
        locked_until: null,
        provider: 'aliyun',
        provider_message_id: null,
        last_error: null,
        delivered_at: null,
      });
      await db
        .insertInto('notification_outbox')
        .values([
          row('00000000-0000-7000-8000-00000000c0d1', 'sign_in_code', 'sent', { code: '111222', minutes: 5 }),
          row('00000000-0000-7000-8000-00000000c0d2', 'volunteer.guardian_consent_code', 'failed', {
            code: '333444',
            child: '小红',
            link: '/m/guardian#p=1&c=333444',
          }),
          // Still to be delivered: its code is needed.
          row('00000000-0000-7000-8000-00000000c0d3', 'sign_in_code', 'queued', { code: '555666' }),
          row('00000000-0000-7000-8000-00000000c0d4', 'badges.scanned', 'sent', { name: '王奶奶', code: 'B-1' }),
        ])
        .execute();
      await outboxCodesBlanked.up(db);
      const after = new Map(
        (
          await db
            .selectFrom('notification_outbox')
            .select(['id', 'payload'])
            .where('id', 'like', '00000000-0000-7000-8000-00000000c0d%')
            .execute()
        ).map((r) => [r.id.slice(-1), JSON.parse(r.payload)]),
      );
      assert.deepEqual(after.get('1'), { code: '******', minutes: 5 });
      assert.deepEqual(after.get('2'), { code: '******', child: '小红', link: '******' });
      assert.deepEqual(after.get('3'), { code: '555666' });
      assert.deepEqual(after.get('4'), { name: '王奶奶', code: 'B-1' });
      await db.deleteFrom('notification_outbox').where('id', 'like', '00000000-0000-7000-8000-00000000c0d%').execute();
    });

    it('sets the official account menu from the community', async () => {
      const admin = await signInAs(t, 'community_admin');
      const res = await admin('POST', '/api/wechat/menu');
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(wx.menus, [res.json()]);
      assert.equal(res.json().button[2].url, `https://linli.example.cn/p/${t.a.id}`);
      assert.equal((await (await signInAs(t, 'volunteer'))('POST', '/api/wechat/menu')).statusCode, 403);
    });
  });
}

describe('the official account menu without an app id', () => {
  it('answers 409 and says what to configure', async () => {
    const t = await startTestApp('sqlite');
    try {
      const admin = await signInAs(t, 'community_admin');
      const res = await admin('POST', '/api/wechat/menu', undefined, { 'accept-language': 'zh-CN' });
      assert.equal(res.statusCode, 409);
      assert.match(res.json().error.message, /LINLI_WECHAT_APP_ID/);
    } finally {
      await t.close();
    }
  });
});
