// Alibaba Cloud SMS (dysmsapi, SendSms, version 2017-05-25), signed with the RPC signature (HMAC-SHA1,
// SignatureVersion 1.0) as Alibaba documents it: the parameters sorted by name, each name and value
// percent-encoded per RFC 3986, joined with & into the canonical query; StringToSign is
// METHOD & percentEncode("/") & percentEncode(canonical query); the key is the AccessKey secret followed by "&";
// the Base64 of the HMAC-SHA1 is the Signature parameter. Sent as a form POST.
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

export interface AliyunSmsConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  endpoint: string;
  templates: TemplateMap;
  timeoutMs?: number;
}

/** RFC 3986 percent-encoding: encodeURIComponent leaves !'()* alone, which Alibaba encodes. */
export function aliyunPercentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export function aliyunStringToSign(method: string, params: Record<string, string>): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(params[k]!)}`)
    .join('&');
  return `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`;
}

export function aliyunSignature(method: string, params: Record<string, string>, secret: string): string {
  return crypto.createHmac('sha1', `${secret}&`).update(aliyunStringToSign(method, params), 'utf8').digest('base64');
}

// Codes that may pass if tried again later; every other code (bad number, template or sign rejected, bad
// key) will fail the same way again.
const TRANSIENT = /^(Throttling|isv\.BUSINESS_LIMIT_CONTROL|isv\.DAY_LIMIT_CONTROL|ServiceUnavailable|InternalError)/;

export class AliyunSms implements Provider {
  readonly name = 'aliyun';
  constructor(
    private readonly c: AliyunSmsConfig,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(m: OutgoingMessage): Promise<{ messageId: string | null }> {
    const t = mappingFor(this.c.templates, m.template);
    const templateParam = Object.fromEntries(t.params.map((p) => [p, paramValue(m.payload, p)]));
    const params: Record<string, string> = {
      AccessKeyId: this.c.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: m.id,
      PhoneNumbers: m.recipient,
      SignName: this.c.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: crypto.randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: t.id,
      TemplateParam: JSON.stringify(templateParam),
      Timestamp: this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    params.Signature = aliyunSignature('POST', params, this.c.accessKeySecret);
    const body = Object.entries(params)
      .map(([k, v]) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(v)}`)
      .join('&');
    const res = await postOrGet(
      this.c.endpoint,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      this.c.timeoutMs ?? 10_000,
    );
    const json = parseJson(res.body) as { Code?: string; Message?: string; BizId?: string };
    if (json.Code === 'OK') return { messageId: json.BizId ?? null };
    const code = json.Code ?? `http_${res.status}`;
    throw new ProviderError(code, json.Message ?? '', !TRANSIENT.test(code));
  }
}
