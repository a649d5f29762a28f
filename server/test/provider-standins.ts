// Local stand-ins for the message providers (Alibaba Cloud SMS, Tencent Cloud SMS, the WeChat official account),
// on 127.0.0.1 at a random port. Each checks a request's signature the way the provider does — written here
// again from the providers' documents, not with the adapters' code — and answers as the provider does,
// including its errors. Used by the adapter tests, the outbox tests and the benchmark.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandIn {
  url: string;
  close(): Promise<void>;
}

async function listen(
  handler: (req: http.IncomingMessage, body: string) => Promise<[number, unknown]> | [number, unknown],
) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const [status, body] = await handler(req, Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

// ---- Alibaba Cloud SMS (RPC, HMAC-SHA1) ----

/** RFC 3986 unreserved characters stay; every other UTF-8 byte becomes %XX (upper case). */
function rfc3986(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

export function aliyunExpectedSignature(method: string, params: Map<string, string>, secret: string): string {
  const keys = [...params.keys()].filter((k) => k !== 'Signature').sort();
  const canonical = keys.map((k) => rfc3986(k) + '=' + rfc3986(params.get(k)!)).join('&');
  const toSign = method + '&' + rfc3986('/') + '&' + rfc3986(canonical);
  return crypto
    .createHmac('sha1', secret + '&')
    .update(toSign)
    .digest('base64');
}

export interface AliyunStandIn extends StandIn {
  /** Messages accepted, by OutId (our row id): how many times each was accepted. */
  accepted: Map<string, number>;
  acceptedAt: Map<string, number>;
  /** The TemplateParam (JSON) of each accepted message, by OutId. */
  templateParams: Map<string, string>;
  throttleNext: number;
  badSignatures: number;
}

export async function aliyunStandIn(keys: { id: string; secret: string }): Promise<AliyunStandIn> {
  const nonces = new Set<string>();
  const state = {
    accepted: new Map<string, number>(),
    acceptedAt: new Map<string, number>(),
    templateParams: new Map<string, string>(),
    throttleNext: 0,
    badSignatures: 0,
  };
  const s = await listen((req, body) => {
    const params = new Map(new URLSearchParams(body));
    const requestId = crypto.randomUUID().toUpperCase();
    if (req.method !== 'POST' || params.get('Action') !== 'SendSms' || params.get('Version') !== '2017-05-25')
      return [400, { Code: 'InvalidAction.NotFound', Message: 'no such action', RequestId: requestId }];
    if (params.get('AccessKeyId') !== keys.id)
      return [
        404,
        { Code: 'InvalidAccessKeyId.NotFound', Message: 'Specified access key is not found.', RequestId: requestId },
      ];
    if (params.get('SignatureMethod') !== 'HMAC-SHA1' || params.get('SignatureVersion') !== '1.0')
      return [400, { Code: 'InvalidSignatureMethod', Message: 'bad method', RequestId: requestId }];
    if (params.get('Signature') !== aliyunExpectedSignature('POST', params, keys.secret)) {
      state.badSignatures++;
      return [
        400,
        {
          Code: 'SignatureDoesNotMatch',
          Message: 'Specified signature is not matched with our calculation.',
          RequestId: requestId,
        },
      ];
    }
    const ts = Date.parse(params.get('Timestamp') ?? '');
    if (!/Z$/.test(params.get('Timestamp') ?? '') || !(Math.abs(Date.now() - ts) < 15 * 60_000))
      return [
        400,
        {
          Code: 'InvalidTimeStamp.Expired',
          Message: 'Specified time stamp or date value is expired.',
          RequestId: requestId,
        },
      ];
    const nonce = params.get('SignatureNonce') ?? '';
    if (nonces.has(nonce))
      return [
        400,
        { Code: 'SignatureNonceUsed', Message: 'Specified signature nonce was used already.', RequestId: requestId },
      ];
    nonces.add(nonce);
    if (state.throttleNext > 0) {
      state.throttleNext--;
      return [
        200,
        { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.', RequestId: requestId },
      ];
    }
    const phone = params.get('PhoneNumbers') ?? '';
    if (!/^1\d{10}$/.test(phone))
      return [200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号', RequestId: requestId }];
    if (!/^SMS_\d+$/.test(params.get('TemplateCode') ?? ''))
      return [200, { Code: 'isv.SMS_TEMPLATE_ILLEGAL', Message: '模板不合法', RequestId: requestId }];
    try {
      JSON.parse(params.get('TemplateParam') ?? '{}');
    } catch {
      return [200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法', RequestId: requestId }];
    }
    const out = params.get('OutId') ?? '';
    state.accepted.set(out, (state.accepted.get(out) ?? 0) + 1);
    if (!state.acceptedAt.has(out)) state.acceptedAt.set(out, Date.now());
    state.templateParams.set(out, params.get('TemplateParam') ?? '');
    return [200, { Code: 'OK', Message: 'OK', BizId: `${Date.now()}^0`, RequestId: requestId }];
  });
  return Object.assign(state, s);
}

// ---- Tencent Cloud SMS (API 3.0, TC3-HMAC-SHA256) ----

const hex = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

export function tc3Expected(
  secretKey: string,
  service: string,
  timestamp: number,
  canonicalHeaders: string,
  signedHeaders: string,
  body: string,
): string {
  const day = new Date(timestamp * 1000).toISOString().substring(0, 10);
  const request = `POST\n/\n\n${canonicalHeaders}\n${signedHeaders}\n${hex(body)}`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${day}/${service}/tc3_request\n${hex(request)}`;
  let key: Buffer = crypto
    .createHmac('sha256', 'TC3' + secretKey)
    .update(day)
    .digest();
  for (const part of [service, 'tc3_request']) key = crypto.createHmac('sha256', key).update(part).digest();
  return crypto.createHmac('sha256', key).update(toSign).digest('hex');
}

export interface TencentStandIn extends StandIn {
  accepted: Map<string, number>;
  throttleNext: number;
  badSignatures: number;
}

export async function tencentStandIn(keys: { id: string; secret: string; appId: string }): Promise<TencentStandIn> {
  const state = { accepted: new Map<string, number>(), throttleNext: 0, badSignatures: 0 };
  const s = await listen((req, body) => {
    const RequestId = crypto.randomUUID();
    const fail = (Code: string, Message: string): [number, unknown] => [
      200,
      { Response: { Error: { Code, Message }, RequestId } },
    ];
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11')
      return fail('InvalidAction', 'no such action or version');
    const auth = new RegExp(
      '^TC3-HMAC-SHA256 Credential=([^/]+)/(\\d{4}-\\d{2}-\\d{2})/sms/tc3_request, ' +
        'SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$',
    ).exec(String(req.headers.authorization ?? ''));
    if (!auth) return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    const [, id, day, signed, signature] = auth;
    if (id !== keys.id) return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found.');
    const ts = Number(req.headers['x-tc-timestamp']);
    if (!(Math.abs(Date.now() / 1000 - ts) < 300)) return fail('AuthFailure.SignatureExpire', 'Signature expired.');
    if (new Date(ts * 1000).toISOString().substring(0, 10) !== day)
      return fail('AuthFailure.SignatureFailure', 'The credential date does not match the timestamp.');
    const names = signed!.split(';');
    if (!names.includes('content-type') || !names.includes('host'))
      return fail('AuthFailure.SignatureFailure', 'content-type and host must be signed.');
    // Tencent's canonical headers: name and value in lower case, trimmed, each line ending in \n.
    const canonical = names
      .map(
        (n) =>
          `${n}:${String(req.headers[n] ?? '')
            .trim()
            .toLowerCase()}\n`,
      )
      .join('');
    if (tc3Expected(keys.secret, 'sms', ts, canonical, signed!, body) !== signature) {
      state.badSignatures++;
      return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    }
    let p: { PhoneNumberSet?: string[]; SmsSdkAppId?: string; TemplateId?: string; SessionContext?: string };
    try {
      p = JSON.parse(body);
    } catch {
      return fail('InvalidParameter', 'bad JSON');
    }
    if (p.SmsSdkAppId !== keys.appId) return fail('FailedOperation.SmsSdkAppIdVerifyFail', 'SdkAppId verify failed.');
    if (state.throttleNext > 0) {
      state.throttleNext--;
      return fail('LimitExceeded.PhoneNumberThirtySecondLimit', '30 秒内同一手机号的短信条数超过上限');
    }
    if (!/^\d+$/.test(p.TemplateId ?? ''))
      return fail('FailedOperation.TemplateIncorrectOrUnapproved', '模板未审批或请求的内容与审核通过的模板内容不匹配');
    const phone = p.PhoneNumberSet?.[0] ?? '';
    const status = /^\+861\d{10}$/.test(phone)
      ? { Code: 'Ok', Message: 'send success' }
      : { Code: 'InvalidParameterValue.IncorrectPhoneNumber', Message: '手机号格式错误' };
    if (status.Code === 'Ok')
      state.accepted.set(p.SessionContext ?? '', (state.accepted.get(p.SessionContext ?? '') ?? 0) + 1);
    return [
      200,
      {
        Response: {
          SendStatusSet: [
            {
              SerialNo: crypto.randomUUID(),
              PhoneNumber: phone,
              Fee: 1,
              SessionContext: p.SessionContext ?? '',
              ...status,
              IsoCode: 'CN',
            },
          ],
          RequestId,
        },
      },
    ];
  });
  return Object.assign(state, s);
}

// ---- WeChat official account ----

export interface WechatStandIn extends StandIn {
  tokenRequests: number;
  /** Template messages accepted, by client_msg_id. */
  accepted: Map<string, number>;
  subscribeSent: Array<{ touser: string; template_id: string }>;
  menus: unknown[];
  /** Expire every issued token now (as if 2 hours passed or the token was renewed elsewhere). */
  expireTokens(code?: 40001 | 42001): void;
  busyNext: number;
}

export async function wechatStandIn(app: { appId: string; secret: string }): Promise<WechatStandIn> {
  const tokens = new Map<string, 'ok' | 40001 | 42001>();
  const seenClientMsg = new Map<string, number>();
  const state = {
    tokenRequests: 0,
    accepted: new Map<string, number>(),
    subscribeSent: [] as Array<{ touser: string; template_id: string }>,
    menus: [] as unknown[],
    busyNext: 0,
    expireTokens(code: 40001 | 42001 = 42001) {
      for (const k of tokens.keys()) tokens.set(k, code);
    },
  };
  let msgid = 1000;
  const s = await listen((req, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/cgi-bin/token') {
      state.tokenRequests++;
      if (url.searchParams.get('grant_type') !== 'client_credential')
        return [200, { errcode: 40002, errmsg: 'invalid grant_type' }];
      if (url.searchParams.get('appid') !== app.appId) return [200, { errcode: 40013, errmsg: 'invalid appid' }];
      if (url.searchParams.get('secret') !== app.secret) return [200, { errcode: 40125, errmsg: 'invalid appsecret' }];
      const t = crypto.randomBytes(24).toString('base64url');
      tokens.set(t, 'ok');
      return [200, { access_token: t, expires_in: 7200 }];
    }
    const t = tokens.get(url.searchParams.get('access_token') ?? '');
    if (!t) return [200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }];
    if (t === 42001) return [200, { errcode: 42001, errmsg: 'access_token expired' }];
    if (t === 40001)
      return [200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }];
    if (state.busyNext > 0) {
      state.busyNext--;
      return [200, { errcode: -1, errmsg: 'system error' }];
    }
    let j: any;
    try {
      j = JSON.parse(body);
    } catch {
      return [200, { errcode: 47001, errmsg: 'data format error' }];
    }
    if (url.pathname === '/cgi-bin/menu/create') {
      if (!Array.isArray(j.button) || j.button.length === 0 || j.button.length > 3)
        return [200, { errcode: 40016, errmsg: 'invalid button size' }];
      state.menus.push(j);
      return [200, { errcode: 0, errmsg: 'ok' }];
    }
    if (typeof j.touser !== 'string' || !j.touser.startsWith('o'))
      return [200, { errcode: 40003, errmsg: 'invalid openid' }];
    if (!j.template_id || String(j.template_id).startsWith('bad'))
      return [200, { errcode: 40037, errmsg: 'invalid template_id' }];
    if (url.pathname === '/cgi-bin/message/template/send') {
      // WeChat keeps one message per client_msg_id: a repeat answers with the first message's id.
      const id = j.client_msg_id as string | undefined;
      if (id && seenClientMsg.has(id)) return [200, { errcode: 0, errmsg: 'ok', msgid: seenClientMsg.get(id) }];
      const m = ++msgid;
      if (id) seenClientMsg.set(id, m);
      state.accepted.set(id ?? '', (state.accepted.get(id ?? '') ?? 0) + 1);
      return [200, { errcode: 0, errmsg: 'ok', msgid: m }];
    }
    if (url.pathname === '/cgi-bin/message/subscribe/bizsend') {
      if (j.touser === 'o-refused') return [200, { errcode: 43101, errmsg: 'user refuse to accept the msg' }];
      state.subscribeSent.push({ touser: j.touser, template_id: j.template_id });
      return [200, { errcode: 0, errmsg: 'ok' }];
    }
    return [404, 'not found'];
  });
  return Object.assign(state, s);
}
