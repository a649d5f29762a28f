// Tencent Cloud SMS (SendSms, API 3.0, version 2021-01-11), signed with TC3-HMAC-SHA256 as Tencent documents:
// CanonicalRequest = POST \n / \n (empty query) \n canonical headers \n signed headers \n hex(SHA256(body));
// StringToSign = "TC3-HMAC-SHA256" \n timestamp \n date/sms/tc3_request \n hex(SHA256(CanonicalRequest));
// the signing key is HMAC chained over "TC3"+SecretKey → date → "sms" → "tc3_request".
import crypto from 'node:crypto';
import {
  mappingFor,
  paramValue,
  parseJson,
  postOrGet,
  ProviderError,
  type OutgoingMessage,
  type Provider,
  type TemplateMap,
} from './provider.ts';

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  region: string;
  /** e.g. https://sms.tencentcloudapi.com; its host is the signed Host header. */
  endpoint: string;
  templates: TemplateMap;
  timeoutMs?: number;
}

const sha256hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: crypto.BinaryLike, s: string) => crypto.createHmac('sha256', key).update(s, 'utf8').digest();

export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';

export function tc3Signature(input: {
  secretKey: string;
  service: string;
  host: string;
  body: string;
  timestamp: number;
}): { signature: string; date: string; signedHeaders: string; canonicalRequest: string; stringToSign: string } {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${TC3_CONTENT_TYPE}\nhost:${input.host}\n`,
    signedHeaders,
    sha256hex(input.body),
  ].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256hex(canonicalRequest)].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, 'tc3_request');
  const signature = crypto.createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  return { signature, date, signedHeaders, canonicalRequest, stringToSign };
}

// Limits and Tencent's own faults pass later; a rejected number, template, sign or key will not.
const TRANSIENT = /^(LimitExceeded|RequestLimitExceeded|InternalError|ResourceUnavailable|FailedOperation\.Timeout)/;

export class TencentSms implements Provider {
  readonly name = 'tencent';
  constructor(
    private readonly c: TencentSmsConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(m: OutgoingMessage): Promise<{ messageId: string | null }> {
    const t = mappingFor(this.c.templates, m.template);
    const phone = m.recipient.startsWith('+') ? m.recipient : `+86${m.recipient}`;
    const body = JSON.stringify({
      PhoneNumberSet: [phone],
      SmsSdkAppId: this.c.sdkAppId,
      SignName: this.c.signName,
      TemplateId: t.id,
      TemplateParamSet: t.params.map((p) => paramValue(m.payload, p)),
      // Returned with the status report: ties the receipt to our row.
      SessionContext: m.id,
    });
    const host = new URL(this.c.endpoint).host;
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const s = tc3Signature({ secretKey: this.c.secretKey, service: 'sms', host, body, timestamp });
    const authorization =
      `TC3-HMAC-SHA256 Credential=${this.c.secretId}/${s.date}/sms/tc3_request, ` +
      `SignedHeaders=${s.signedHeaders}, Signature=${s.signature}`;
    const res = await postOrGet(
      this.c.endpoint,
      {
        method: 'POST',
        headers: {
          authorization,
          'content-type': TC3_CONTENT_TYPE,
          'x-tc-action': 'SendSms',
          'x-tc-timestamp': String(timestamp),
          'x-tc-version': '2021-01-11',
          'x-tc-region': this.c.region,
        },
        body,
      },
      this.c.timeoutMs ?? 10_000,
    );
    const json = parseJson(res.body) as {
      Response?: {
        Error?: { Code: string; Message: string };
        SendStatusSet?: Array<{ Code: string; Message: string; SerialNo: string }>;
      };
    };
    const r = json.Response;
    const err = r?.Error ?? (r?.SendStatusSet?.[0]?.Code !== 'Ok' ? r?.SendStatusSet?.[0] : undefined);
    if (err) throw new ProviderError(err.Code, err.Message, !TRANSIENT.test(err.Code));
    const status = r?.SendStatusSet?.[0];
    if (!status) throw new ProviderError('bad_response', res.body.slice(0, 200), false);
    return { messageId: status.SerialNo };
  }
}
