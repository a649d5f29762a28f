// The official account's message protocol in plaintext mode: the signature WeChat puts on every request,
// the flat XML it posts, and the passive text reply. The XML reader is written for this one flat shape on
// purpose: a general parser would bring DOCTYPEs, entities and nesting we neither need nor want to trust.
import crypto from 'node:crypto';

/** WeChat's signature: sha1 of token, timestamp and nonce, sorted as strings and joined. */
export function signatureOf(token: string, timestamp: string, nonce: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export function signatureMatches(token: string, timestamp: string, nonce: string, signature: string): boolean {
  const want = Buffer.from(signatureOf(token, timestamp, nonce), 'utf8');
  const got = Buffer.from(signature.toLowerCase(), 'utf8');
  return got.length === want.length && crypto.timingSafeEqual(got, want);
}

export class XmlError extends Error {
  constructor(readonly reason: 'too_large' | 'doctype' | 'nested' | 'malformed' | 'entity') {
    super(reason);
  }
}

/** Bigger than any text message WeChat sends (content ≤ 2048 bytes plus a small envelope). */
export const MAX_XML_BYTES = 16 * 1024;
const MAX_FIELDS = 32;
const NAME = /[A-Za-z_][A-Za-z0-9_]{0,63}/y;
// Characters XML 1.0 forbids (C0 controls except tab, newline, carriage return; lone surrogates aside).
// eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const DECLARATION = /^<\?xml(\s+(version|encoding|standalone)\s*=\s*("[A-Za-z0-9._-]*"|'[A-Za-z0-9._-]*'))*\s*\?>/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(raw: string): string {
  // '>' alone is legal XML text, but ']]>' outside CDATA is not.
  if (raw.includes(']]>')) throw new XmlError('malformed');
  return raw.replace(/&([^;&\s]{0,10});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError('malformed');
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|(\d{1,7}))$/.exec(ref);
    if (!m) throw new XmlError('entity');
    const cp = m[1] ? parseInt(m[1], 16) : Number(m[2]);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new XmlError('malformed');
    const ch = String.fromCodePoint(cp);
    if (FORBIDDEN.test(ch) || cp === 0) throw new XmlError('malformed');
    return ch;
  });
}

/**
 * Reads `<xml><Name>value</Name>…</xml>`: one root without attributes, children with text or CDATA and
 * nothing nested, each name once. Anything else — a DOCTYPE, an entity other than XML's five and character
 * references, a comment, an attribute, trailing content — is refused with an XmlError.
 */
export function parseFlatXml(input: string): Map<string, string> {
  if (Buffer.byteLength(input, 'utf8') > MAX_XML_BYTES) throw new XmlError('too_large');
  if (/<!DOCTYPE|<!ENTITY/i.test(input)) throw new XmlError('doctype');
  if (FORBIDDEN.test(input)) throw new XmlError('malformed');
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\r\n'.includes(s[i]!)) i++;
  };
  const expect = (lit: string) => {
    if (!s.startsWith(lit, i)) throw new XmlError('malformed');
    i += lit.length;
  };

  ws();
  if (s.startsWith('<?xml', i)) {
    const decl = DECLARATION.exec(s.slice(i));
    if (!decl) throw new XmlError('malformed');
    i += decl[0].length;
    ws();
  }
  expect('<xml>');
  const fields = new Map<string, string>();
  for (;;) {
    ws();
    if (s.startsWith('</xml>', i)) {
      i += 6;
      break;
    }
    if (s[i] !== '<' || s[i + 1] === '/' || s[i + 1] === '!' || s[i + 1] === '?') throw new XmlError('malformed');
    i++;
    NAME.lastIndex = i;
    const m = NAME.exec(s);
    if (!m) throw new XmlError('malformed');
    const name = m[0];
    i += name.length;
    expect('>');
    let value = '';
    for (;;) {
      if (s.startsWith('<![CDATA[', i)) {
        const end = s.indexOf(']]>', i + 9);
        if (end < 0) throw new XmlError('malformed');
        value += s.slice(i + 9, end);
        i = end + 3;
        continue;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) throw new XmlError('malformed');
      value += decodeText(s.slice(i, lt));
      i = lt;
      if (s.startsWith('<![CDATA[', i)) continue;
      if (s.startsWith(`</${name}>`, i)) {
        i += name.length + 3;
        break;
      }
      throw new XmlError(s.startsWith('</', i) || s.startsWith('<!', i) ? 'malformed' : 'nested');
    }
    if (fields.has(name) || fields.size >= MAX_FIELDS) throw new XmlError('malformed');
    fields.set(name, value);
  }
  ws();
  if (i !== s.length) throw new XmlError('malformed');
  return fields;
}

/** A CDATA section for any text: ']]>' inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** WeChat shows at most 2048 bytes of a text reply; cut at a character boundary with an ellipsis. */
export const MAX_REPLY_BYTES = 2000;
export function fitBytes(text: string, max = MAX_REPLY_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= max) return text;
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > max - 3) break;
    out += ch;
    bytes += b;
  }
  return `${out}…`;
}

/** The passive reply: to the sender, from the account, now. */
export function textReply(to: string, from: string, content: string, now = new Date()): string {
  return (
    `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName>` +
    `<CreateTime>${Math.floor(now.getTime() / 1000)}</CreateTime><MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(fitBytes(content))}</Content></xml>`
  );
}

/** A message from WeChat, as far as this module reads it. */
export interface InboundMessage {
  toUser: string;
  fromUser: string;
  createTime: number;
  msgType: string;
  content: string | null;
  msgId: string | null;
  event: string | null;
}

export function readMessage(fields: Map<string, string>): InboundMessage {
  const need = (k: string) => {
    const v = fields.get(k)?.trim();
    if (!v) throw new XmlError('malformed');
    return v;
  };
  const toUser = need('ToUserName'),
    fromUser = need('FromUserName'),
    msgType = need('MsgType');
  const createTime = need('CreateTime');
  if (!/^\d{1,12}$/.test(createTime)) throw new XmlError('malformed');
  const msgId = fields.get('MsgId')?.trim() || null;
  if (msgId !== null && !/^\d{1,24}$/.test(msgId)) throw new XmlError('malformed');
  if (toUser.length > 64 || fromUser.length > 64) throw new XmlError('malformed');
  if (msgType === 'text' && (fields.get('Content') === undefined || msgId === null)) throw new XmlError('malformed');
  return {
    toUser,
    fromUser,
    createTime: Number(createTime),
    msgType,
    content: fields.get('Content') ?? null,
    msgId,
    event: fields.get('Event')?.trim() || null,
  };
}
