// The WeChat official account endpoint on both databases, through real HTTP requests in the protocol's
// documented formats: URL verification, signatures, stale and replayed messages, malformed XML, binding by a
// code sent to the phone, and needs, bookings and "我的" once bound.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { signInAs, startTestApp, countRows, type Client, type TestContext } from './app.ts';
import { testDatabaseKinds } from './databases.ts';
import { uuidv7 } from '../../domain/shared/ids.ts';

const TOKEN = 'linliWechatTest1';
const FAMILY_PHONE = '13800000007';
const ACCOUNT = 'gh_linli_test';

const sign = (token: string, timestamp: string, nonce: string) =>
  crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
const nowSeconds = () => String(Math.floor(Date.now() / 1000));
let nonceSeq = 0;
let msgSeq = 6_000_000_000_000_000;

function query(opts: { token?: string; timestamp?: string; nonce?: string; signature?: string } = {}) {
  const timestamp = opts.timestamp ?? nowSeconds();
  const nonce = opts.nonce ?? `${Date.now()}${++nonceSeq}`;
  const signature = opts.signature ?? sign(opts.token ?? TOKEN, timestamp, nonce);
  return { timestamp, nonce, signature, qs: `signature=${signature}&timestamp=${timestamp}&nonce=${nonce}` };
}

function textMessage(openid: string, content: string, msgId = String(++msgSeq)) {
  return `<xml>
  <ToUserName><![CDATA[${ACCOUNT}]]></ToUserName>
  <FromUserName><![CDATA[${openid}]]></FromUserName>
  <CreateTime>${nowSeconds()}</CreateTime>
  <MsgType><![CDATA[text]]></MsgType>
  <Content><![CDATA[${content}]]></Content>
  <MsgId>${msgId}</MsgId>
</xml>`;
}

const contentOf = (xml: string) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(xml)?.[1] ?? null;

for (const kind of testDatabaseKinds()) {
  describe(`WeChat official account on ${kind}`, () => {
    let t: TestContext;
    let staff: Client, admin: Client;
    let url: string;
    const db = () => t.db.handle.db;

    const post = (body: string, q = query(), path = url) =>
      t.app.inject({ method: 'POST', url: `${path}?${q.qs}`, headers: { 'content-type': 'text/xml' }, payload: body });
    /** Sends text as a WeChat user; returns the reply's Content after checking the envelope. */
    const say = async (openid: string, text: string) => {
      const res = await post(textMessage(openid, text));
      assert.equal(res.statusCode, 200, res.body);
      assert.match(String(res.headers['content-type']), /xml/);
      assert.match(
        res.body,
        new RegExp(
          `^<xml><ToUserName><!\\[CDATA\\[${openid}\\]\\]></ToUserName>` +
            `<FromUserName><!\\[CDATA\\[${ACCOUNT}\\]\\]></FromUserName>` +
            `<CreateTime>\\d+</CreateTime><MsgType><!\\[CDATA\\[text\\]\\]></MsgType>`,
        ),
      );
      const content = contentOf(res.body);
      assert.ok(content !== null, res.body);
      assert.ok(Buffer.byteLength(content) <= 2048);
      return content;
    };
    const count = (
      table: 'need' | 'wechat_inbound' | 'wechat_binding' | 'appointment_booking' | 'notification_outbox',
    ) => countRows(db(), table);
    const lastCodeTo = async (phone: string) => {
      const row = await db()
        .selectFrom('notification_outbox')
        .select(['payload', 'template'])
        .where('recipient', '=', phone)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      assert.equal(row?.template, 'wechat_bind_code');
      return String(JSON.parse(row!.payload).code);
    };
    const bind = async (openid: string, phone: string) => {
      assert.match(await say(openid, `绑定 ${phone}`), /验证码/);
      assert.match(await say(openid, `验证码 ${await lastCodeTo(phone)}`), /绑定成功/);
    };

    before(async () => {
      t = await startTestApp(kind, { LINLI_WECHAT_TOKEN: TOKEN });
      url = `/api/wechat/${t.a.id}`;
      staff = await signInAs(t, 'staff');
      admin = await signInAs(t, 'community_admin');
      // 王秀英's daughter has WeChat; her phone is a family contact of 王秀英.
      await db()
        .insertInto('family_contact')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          resident_id: t.a.residents['王秀英']!,
          name: '王女儿',
          relation: 'child',
          phone: FAMILY_PHONE,
          is_primary: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
    });
    after(async () => {
      await t.close();
    });

    it('answers WeChat’s URL verification by echoing echostr, only with the token’s signature', async () => {
      const q = query();
      const ok = await t.app.inject({ method: 'GET', url: `${url}?${q.qs}&echostr=5838479218127813673` });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.body, '5838479218127813673');
      assert.match(String(ok.headers['content-type']), /^text\/plain/);
      const forged = await t.app.inject({
        method: 'GET',
        url: `${url}?${query({ token: 'notTheToken' }).qs}&echostr=1`,
      });
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'bad_signature');
      const stale = await t.app.inject({
        method: 'GET',
        url: `${url}?${query({ timestamp: String(Number(nowSeconds()) - 600) }).qs}&echostr=1`,
      });
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().error.code, 'stale_request');
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/wechat/${uuidv7()}?${query().qs}&echostr=1` })).statusCode,
        404,
        'unknown community',
      );
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `${url}?echostr=1` })).statusCode,
        400,
        'no signature at all',
      );
    });

    it('refuses a forged signature and a stale timestamp on messages, changing nothing', async () => {
      const before = { inbound: await count('wechat_inbound'), outbox: await count('notification_outbox') };
      const forged = await post(textMessage('o_forger', `绑定 ${FAMILY_PHONE}`), query({ token: 'guessedToken' }));
      assert.equal(forged.statusCode, 403);
      assert.equal(forged.json().error.code, 'bad_signature');
      assert.match(forged.json().error.message, /签名/);
      const tampered = query();
      const wrongNonce = await post(textMessage('o_forger', '我的'), {
        ...tampered,
        qs: tampered.qs.replace(`nonce=${tampered.nonce}`, 'nonce=999'),
      });
      assert.equal(wrongNonce.statusCode, 403);
      const stale = await post(
        textMessage('o_forger', `绑定 ${FAMILY_PHONE}`),
        query({ timestamp: String(Number(nowSeconds()) - 301) }),
      );
      assert.equal(stale.statusCode, 403);
      assert.equal(stale.json().error.code, 'stale_request');
      const future = await post(
        textMessage('o_forger', `绑定 ${FAMILY_PHONE}`),
        query({ timestamp: String(Number(nowSeconds()) + 3600) }),
      );
      assert.equal(future.statusCode, 403);
      assert.deepEqual({ inbound: await count('wechat_inbound'), outbox: await count('notification_outbox') }, before);
    });

    it('refuses malformed XML, a DOCTYPE, nesting and an oversize body with a clear 400', async () => {
      const before = await count('wechat_inbound');
      const bad = async (body: string, message: RegExp) => {
        const res = await post(body);
        assert.equal(res.statusCode, 400, `${res.statusCode} ${res.body}`);
        assert.equal(res.json().error.code, 'validation');
        assert.match(res.json().error.details.fields[0].message, message);
      };
      await bad('<xml><ToUserName>a</ToUserName', /XML 格式不正确/);
      await bad('not xml at all', /XML 格式不正确/);
      await bad(
        `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${textMessage('o_x', '&xxe;')}`,
        /DOCTYPE/,
      );
      await bad(textMessage('o_x', '我的').replace('<MsgId>', '<Extra><Deep>1</Deep></Extra><MsgId>'), /嵌套/);
      await bad(textMessage('o_x', 'x'.repeat(20_000)), /消息过大/);
      await bad(
        '<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName>' +
          '<CreateTime>1</CreateTime><MsgType>text</MsgType></xml>',
        /XML 格式不正确/,
      );
      assert.equal(await count('wechat_inbound'), before);
    });

    it('tells an unbound user to bind first', async () => {
      const reply = await say('o_stranger', '我的');
      assert.match(reply, /绑定 手机号/);
      assert.match(await say('o_stranger', '需求 帮我修灯'), /先绑定|绑定 手机号/);
      assert.equal(await count('need'), 0);
    });

    it('binds a WeChat user to the residents of a phone with a code sent through the outbox', async () => {
      const sent = await say('o_daughter', `绑定 ${FAMILY_PHONE}`);
      assert.match(sent, /138\*\*\*\*0007/);
      const code = await lastCodeTo(FAMILY_PHONE);
      assert.match(code, /^\d{6}$/);
      assert.match(await say('o_daughter', `绑定 ${FAMILY_PHONE}`), /1 分钟后/, 'no second code within a minute');
      const wrong = code === '000000' ? '111111' : '000000';
      assert.match(await say('o_daughter', `验证码 ${wrong}`), /不正确.*4 次/);
      assert.match(
        await say('o_other', `验证码 ${code}`),
        /过期|还没有发送/,
        'a code is for the WeChat user who asked for it',
      );
      assert.equal(await count('wechat_binding'), 0);
      const ok = await say('o_daughter', `验证码 ${code}`);
      assert.match(ok, /绑定成功/);
      assert.match(ok, /王秀英（家人）/);
      assert.match(await say('o_daughter', `验证码 ${code}`), /可以发送/, 'a used code does nothing more');
      // An unknown phone gets the same answer and no text message.
      const before = await count('notification_outbox');
      assert.match(await say('o_unknown', '绑定 13911112222'), /如果 139\*\*\*\*2222 已在社区登记/);
      assert.equal(await count('notification_outbox'), before);
    });

    it('limits wrong codes', async () => {
      await say('o_guesser', '绑定 13700000001');
      const code = await lastCodeTo('13700000001');
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i++) await say('o_guesser', `验证码 ${wrong}`);
      assert.match(await say('o_guesser', `验证码 ${code}`), /次数过多/);
      assert.equal(await count('wechat_binding'), 1);
    });

    it('files "需求 …" as a WeChat need with a guessed category, which staff see and "我的" lists', async () => {
      const reply = await say('o_daughter', '需求 厨房水管漏水，想找人来修一下');
      assert.match(reply, /王秀英/);
      assert.match(reply, /家政维修/);
      assert.match(await say('o_daughter', '求助 最近想量血压'), /医疗护理/);
      const list = (await staff('GET', '/api/needs?channel=wechat')).json();
      assert.equal(list.total, 2);
      const need = list.items.find((n: any) => n.description.includes('水管'));
      assert.equal(need.channel, 'wechat');
      assert.equal(need.category, 'household');
      assert.equal(need.residentName, '王秀英');
      assert.equal(need.status, 'new');
      const mine = await say('o_daughter', '我的');
      assert.match(mine, /求助（2）/);
      assert.match(mine, /厨房水管漏水/);
      assert.match(mine, /待对接/);
    });

    it('gives a replayed MsgId or a reused signature no second effect', async () => {
      const before = await count('need');
      const body = textMessage('o_daughter', '需求 楼道的灯不亮了');
      const first = await post(body);
      assert.equal(first.statusCode, 200);
      assert.match(contentOf(first.body)!, /已为 王秀英 登记求助/);
      // WeChat's retry (or an attacker's replay) of the same MsgId under a fresh signature.
      const again = await post(body);
      assert.equal(again.statusCode, 200);
      assert.equal(again.body, 'success');
      // The same signed URL with another body: the (timestamp, nonce) pair was used.
      const q = query();
      assert.equal((await post(textMessage('o_daughter', '需求 第一次说'), q)).statusCode, 200);
      const swapped = await post(textMessage('o_daughter', '需求 换了内容'), q);
      assert.equal(swapped.body, 'success');
      assert.equal(await count('need'), before + 2);
      assert.equal(
        (await staff('GET', '/api/needs?channel=wechat'))
          .json()
          .items.filter((n: any) => /楼道的灯|换了内容/.test(n.description)).length,
        1,
      );
    });

    it('lists open slots numbered after "预约" and books one with "预约 <n>"', async () => {
      assert.match(await say('o_daughter', '预约'), /没有可预约/);
      const res = await admin('POST', '/api/appointments/services', {
        name: '义诊',
        kind: 'clinic',
        place: '社区卫生站',
        slotMinutes: 60,
        placesPerSlot: 5,
        windowDays: 7,
        noticeHours: 0,
        schedule: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: 0, endMinute: 1440 })),
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.match(await say('o_daughter', '预约 1'), /先发送“预约”/, 'a number before any list');
      const menu = await say('o_daughter', '预约');
      assert.match(menu, /为 王秀英/);
      assert.match(menu, /^1\. 义诊 \d+月\d+日周. \d\d:\d\d 社区卫生站（余5）$/m);
      assert.match(await say('o_daughter', '预约 9'), /没有第 9 项/);
      const booked = await say('o_daughter', '预约 1');
      assert.match(booked, /预约成功：王秀英 义诊/);
      assert.match(await say('o_daughter', '预约 1'), /已经预约了这个时段/);
      const row = await db()
        .selectFrom('appointment_booking')
        .select(['channel', 'resident_id'])
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { channel: 'wechat', resident_id: t.a.residents['王秀英'] });
      const mine = await say('o_daughter', '我的');
      assert.match(mine, /预约（1）：\n1\. 王秀英 义诊/);
    });

    it('switches whom a user acts for among the phone’s residents', async () => {
      // 李泽钦's own phone; 王秀英 also lists it as a family contact.
      await db()
        .insertInto('family_contact')
        .values({
          community_id: t.a.id,
          id: uuidv7(),
          resident_id: t.a.residents['王秀英']!,
          name: '李泽钦',
          relation: 'spouse',
          phone: '13700000001',
          is_primary: 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      await db().deleteFrom('wechat_bind_code').execute();
      await bind('o_husband', '13700000001');
      const list = await say('o_husband', '切换');
      assert.match(list, /1\. 李泽钦（本人） ← 当前\n2\. 王秀英（家人）/);
      assert.match(await say('o_husband', '切换 2'), /为 王秀英 办理/);
      assert.match(await say('o_husband', '需求 想找人聊聊天'), /已为 王秀英 登记求助（心理疏导）/);
    });

    it('unbinds, after which the user is asked to bind again; answers a subscribe event', async () => {
      assert.match(await say('o_daughter', '解绑'), /已解除绑定/);
      assert.match(await say('o_daughter', '我的'), /绑定 手机号/);
      const event =
        `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[o_new]]></FromUserName>` +
        `<CreateTime>${nowSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
        '<Event><![CDATA[subscribe]]></Event></xml>';
      const res = await post(event);
      assert.match(contentOf(res.body)!, /欢迎关注/);
      assert.equal((await post(event)).body, 'success', 'an event is handled once too');
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('community_id', '=', t.a.id)
        .where('action', 'like', 'wechat.%')
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['wechat.bind', 'wechat.bind', 'wechat.unbind']);
    });
  });
}

describe('WeChat endpoint rate limit', () => {
  it('caps one address at 600 requests a minute, so a flood cannot fill the database', async () => {
    const t = await startTestApp('sqlite', { LINLI_WECHAT_TOKEN: TOKEN, LINLI_RATE_LIMITS: '1' });
    try {
      const url = `/api/wechat/${t.a.id}?signature=0000&timestamp=1&nonce=1&echostr=x`;
      const codes = new Map<number, number>();
      for (let i = 0; i < 601; i++) {
        const res = await t.app.inject({ method: 'GET', url });
        codes.set(res.statusCode, (codes.get(res.statusCode) ?? 0) + 1);
      }
      assert.deepEqual([...codes.entries()].sort(), [
        [403, 600],
        [429, 1],
      ]);
    } finally {
      await t.close();
    }
  });
});
