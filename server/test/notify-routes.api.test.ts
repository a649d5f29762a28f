// The routes around the outbox: a person's 消息设置, staff's delivery status with filters and retry, and the
// official account's menu — over the real app, with SMS and WeChat pointed at the local stand-ins.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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
        LINLI_SMS_TEMPLATES: JSON.stringify({ sign_in_code: { id: 'SMS_9', params: ['code'] } }),
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
      // A code (urgent, so quiet hours do not matter) to a number the provider refuses: failed at once.
      const failedId = await notifier.send(db, {
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
        failed.map((m: any) => [m.id, m.attempts, m.lastError?.startsWith('isv.MOBILE_NUMBER_ILLEGAL')]),
        [[failedId, 1, true]],
      );
      const sent = (await staff('GET', '/api/outbox?status=sent&channel=sms')).json().items;
      assert.ok(sent.some((m: any) => m.id === okId && m.provider === 'aliyun' && m.urgent === true));
      // With a real provider the code reaches the person alone: staff reading the outbox could otherwise act as them.
      assert.equal(sent.find((m: any) => m.id === okId).payload.code, '******');
      assert.ok(!JSON.stringify(failed).includes('135790'));
      assert.equal((await staff('GET', '/api/outbox?status=nope')).statusCode, 400);

      // Community B's staff neither see nor retry it; a volunteer may not retry.
      const staffB = await signInAs(t, 'staff', 'b');
      assert.ok(!(await staffB('GET', '/api/outbox')).json().items.some((m: any) => m.id === failedId));
      assert.equal((await staffB('POST', `/api/outbox/${failedId}/retry`)).statusCode, 404);
      assert.equal((await (await signInAs(t, 'volunteer'))('POST', `/api/outbox/${failedId}/retry`)).statusCode, 403);

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
