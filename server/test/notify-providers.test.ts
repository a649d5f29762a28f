// The message providers' adapters against local stand-ins that check signatures as the providers do, plus a
// known answer for each signature.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AliyunSms, aliyunSignature } from '../src/platform/providers/aliyun-sms.ts';
import { ProviderError } from '../src/platform/providers/provider.ts';
import { TencentSms, tc3Signature } from '../src/platform/providers/tencent-sms.ts';
import { communityMenu, WechatMp } from '../src/platform/providers/wechat-mp.ts';
import {
  aliyunStandIn,
  tencentStandIn,
  wechatStandIn,
  type AliyunStandIn,
  type TencentStandIn,
  type WechatStandIn,
} from './provider-standins.ts';

const message = (id: string, recipient: string, template = 'sign_in_code') => ({
  id,
  recipient,
  template,
  payload: { code: '123456', title: '重阳节敬老活动', startsAt: '10月29日 09:00' },
});

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof ProviderError, String(err));
    return err;
  }
  assert.fail('expected the provider to refuse');
}

describe('Alibaba Cloud SMS (RPC signature, HMAC-SHA1)', () => {
  it('signs the documented example to the documented signature', () => {
    // Alibaba's own example of an RPC request signature (secret "testsecret"; DescribeRegions, GET).
    const params = {
      Timestamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    assert.equal(aliyunSignature('GET', params, 'testsecret'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  let s: AliyunStandIn;
  let sms: AliyunSms;
  before(async () => {
    s = await aliyunStandIn({ id: 'LTAI-test', secret: 'secret/with+odd*chars' });
    sms = new AliyunSms({
      accessKeyId: 'LTAI-test',
      accessKeySecret: 'secret/with+odd*chars',
      signName: '邻里社区',
      endpoint: s.url + '/',
      templates: { sign_in_code: { id: 'SMS_154950909', params: ['code'] }, bad: { id: 'nope', params: [] } },
    });
  });
  after(() => s.close());

  it('sends, and the stand-in accepts the signature', async () => {
    const r = await sms.send(message('row-1', '13900000001'));
    assert.ok(r.messageId);
    assert.equal(s.accepted.get('row-1'), 1);
    assert.equal(s.badSignatures, 0);
  });

  it('an illegal number fails for good; throttling is transient', async () => {
    const bad = await failure(sms.send(message('row-2', '12345')));
    assert.equal(bad.code, 'isv.MOBILE_NUMBER_ILLEGAL');
    assert.equal(bad.permanent, true);
    s.throttleNext = 1;
    const busy = await failure(sms.send(message('row-3', '13900000001')));
    assert.equal(busy.code, 'Throttling.User');
    assert.equal(busy.permanent, false);
    const tpl = await failure(sms.send(message('row-4', '13900000001', 'bad')));
    assert.equal(tpl.code, 'isv.SMS_TEMPLATE_ILLEGAL');
    assert.equal(tpl.permanent, true);
  });

  it('a wrong secret is refused by the signature check (permanent)', async () => {
    const wrong = new AliyunSms({
      accessKeyId: 'LTAI-test',
      accessKeySecret: 'not-the-secret',
      signName: '邻里社区',
      endpoint: s.url + '/',
      templates: { sign_in_code: { id: 'SMS_1', params: ['code'] } },
    });
    const e = await failure(wrong.send(message('row-5', '13900000001')));
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.equal(e.permanent, true);
  });

  it('a template with no provider template fails for good without a request', async () => {
    const e = await failure(sms.send(message('row-6', '13900000001', 'not.mapped')));
    assert.equal(e.code, 'template_not_configured');
    assert.equal(e.permanent, true);
  });
});

describe('Tencent Cloud SMS (TC3-HMAC-SHA256)', () => {
  it('signs fixed inputs to the value openssl derives', () => {
    // The body of Tencent's own example; its body hash is the one the documentation shows. The signature was
    // derived with the openssl command line (sha256 and chained HMACs) from the same inputs.
    const body = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
    const r = tc3Signature({
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      host: 'cvm.tencentcloudapi.com',
      body,
      timestamp: 1551113065,
    });
    assert.equal(r.date, '2019-02-25');
    assert.match(r.canonicalRequest, /\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064$/);
    assert.equal(r.signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  });

  let s: TencentStandIn;
  let sms: TencentSms;
  const config = (secretKey: string) => ({
    secretId: 'AKID-test',
    secretKey,
    sdkAppId: '1400006666',
    signName: '邻里社区',
    region: 'ap-guangzhou',
    endpoint: s.url + '/',
    templates: { sign_in_code: { id: '449739', params: ['code'] }, bad: { id: 'x', params: [] } },
  });
  before(async () => {
    s = await tencentStandIn({ id: 'AKID-test', secret: 'tencent-secret', appId: '1400006666' });
    sms = new TencentSms(config('tencent-secret'));
  });
  after(() => s.close());

  it('sends, and the stand-in accepts the signature', async () => {
    const r = await sms.send(message('row-1', '13900000001'));
    assert.ok(r.messageId);
    assert.equal(s.accepted.get('row-1'), 1);
    assert.equal(s.badSignatures, 0);
  });

  it('LimitExceeded is transient; FailedOperation and a bad number are permanent', async () => {
    s.throttleNext = 1;
    const busy = await failure(sms.send(message('row-2', '13900000001')));
    assert.equal(busy.code, 'LimitExceeded.PhoneNumberThirtySecondLimit');
    assert.equal(busy.permanent, false);
    const tpl = await failure(sms.send(message('row-3', '13900000001', 'bad')));
    assert.equal(tpl.code, 'FailedOperation.TemplateIncorrectOrUnapproved');
    assert.equal(tpl.permanent, true);
    const phone = await failure(sms.send(message('row-4', '123')));
    assert.equal(phone.code, 'InvalidParameterValue.IncorrectPhoneNumber');
    assert.equal(phone.permanent, true);
  });

  it('a wrong key fails the signature check', async () => {
    const e = await failure(new TencentSms(config('wrong')).send(message('row-5', '13900000001')));
    assert.equal(e.code, 'AuthFailure.SignatureFailure');
    assert.equal(e.permanent, true);
    assert.equal(s.badSignatures, 1);
  });
});

describe('WeChat official account', () => {
  let s: WechatStandIn;
  let mp: WechatMp;
  let clock = Date.now();
  before(async () => {
    s = await wechatStandIn({ appId: 'wx123', secret: 'app-secret' });
    mp = new WechatMp(
      {
        appId: 'wx123',
        appSecret: 'app-secret',
        baseUrl: s.url,
        templates: {
          'activities.reminder_day': { id: 'TPL-1', params: ['thing1=title', 'time2=startsAt'], url: 'https://x/m' },
          'needs.matched': { id: 'SUB-1', params: ['thing1=title'], kind: 'subscribe' },
          broken: { id: 'bad-template', params: [] },
        },
      },
      () => clock,
    );
  });
  after(() => s.close());

  it('fetches a token once and keeps it until shortly before it expires', async () => {
    await mp.send(message('m-1', 'o-user-1', 'activities.reminder_day'));
    await mp.send(message('m-2', 'o-user-1', 'activities.reminder_day'));
    assert.equal(s.tokenRequests, 1);
    clock += 7200_000 - 200_000; // within five minutes of expiry: renewed
    await mp.send(message('m-3', 'o-user-1', 'activities.reminder_day'));
    assert.equal(s.tokenRequests, 2);
    assert.deepEqual([...s.accepted.keys()], ['m-1', 'm-2', 'm-3']);
  });

  it('on 40001 or 42001 fetches a new token once and sends', async () => {
    s.expireTokens(42001);
    await mp.send(message('m-4', 'o-user-1', 'activities.reminder_day'));
    assert.equal(s.tokenRequests, 3);
    s.expireTokens(40001);
    await mp.send(message('m-5', 'o-user-1', 'activities.reminder_day'));
    assert.equal(s.tokenRequests, 4);
    assert.equal(s.accepted.get('m-5'), 1);
  });

  it('the same row sent twice is one message (client_msg_id)', async () => {
    const a = await mp.send(message('m-6', 'o-user-1', 'activities.reminder_day'));
    const b = await mp.send(message('m-6', 'o-user-1', 'activities.reminder_day'));
    assert.equal(a.messageId, b.messageId);
    assert.equal(s.accepted.get('m-6'), 1);
  });

  it('subscribe messages go through bizsend; a refusal is permanent, system busy is not', async () => {
    await mp.send(message('m-7', 'o-user-2', 'needs.matched'));
    assert.deepEqual(s.subscribeSent, [{ touser: 'o-user-2', template_id: 'SUB-1' }]);
    const refused = await failure(mp.send(message('m-8', 'o-refused', 'needs.matched')));
    assert.equal(refused.code, 'wechat_43101');
    assert.equal(refused.permanent, true);
    s.busyNext = 1;
    const busy = await failure(mp.send(message('m-9', 'o-user-2', 'needs.matched')));
    assert.equal(busy.permanent, false);
    const tpl = await failure(mp.send(message('m-10', 'o-user-2', 'broken')));
    assert.equal(tpl.code, 'wechat_40037');
    assert.equal(tpl.permanent, true);
  });

  it('a wrong secret fails for good', async () => {
    const wrong = new WechatMp({ appId: 'wx123', appSecret: 'nope', baseUrl: s.url, templates: {} });
    const e = await failure(wrong.createMenu([]));
    assert.equal(e.code, 'wechat_40125');
    assert.equal(e.permanent, true);
  });

  it('creates the menu of a community', async () => {
    await mp.createMenu(communityMenu('https://linli.example.cn/', 'c-1'));
    assert.deepEqual(s.menus, [
      {
        button: [
          { type: 'view', name: '我的邻里', url: 'https://linli.example.cn/m' },
          { type: 'view', name: '社区活动', url: 'https://linli.example.cn/m/activities' },
          { type: 'view', name: '社区公告', url: 'https://linli.example.cn/p/c-1' },
        ],
      },
    ]);
  });
});

describe('transport failures are transient', () => {
  it('a 5xx answer and a provider that does not answer in time are retried, not failed', async () => {
    const http = await import('node:http');
    const server = http.createServer((req, res) => {
      if (req.url?.startsWith('/slow')) return; // never answers
      res.writeHead(503).end('Service Unavailable');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const sms = (endpoint: string) =>
      new AliyunSms({
        accessKeyId: 'k',
        accessKeySecret: 's',
        signName: '邻里',
        endpoint,
        templates: { sign_in_code: { id: 'SMS_1', params: ['code'] } },
        timeoutMs: 200,
      });
    try {
      const down = await failure(sms(base + '/').send(message('t-1', '13900000001')));
      assert.deepEqual([down.code, down.permanent], ['http_503', false]);
      const slow = await failure(sms(base + '/slow').send(message('t-2', '13900000001')));
      assert.deepEqual([slow.code, slow.permanent], ['timeout', false]);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
