import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fc from 'fast-check';
import {
  cdata,
  fitBytes,
  MAX_XML_BYTES,
  parseFlatXml,
  readMessage,
  signatureMatches,
  signatureOf,
  textReply,
  XmlError,
} from './wechat.protocol.ts';

const reason = (xml: string) => {
  try {
    parseFlatXml(xml);
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof XmlError, String(e));
    return e.reason;
  }
};

describe('WeChat protocol', () => {
  it('signs as WeChat documents: sha1 of the sorted token, timestamp and nonce', () => {
    const expected = crypto.createHash('sha1').update(['1409304348', 'token', 'xxxxxx'].sort().join('')).digest('hex');
    assert.equal(signatureOf('token', '1409304348', 'xxxxxx'), expected);
    assert.ok(signatureMatches('token', '1409304348', 'xxxxxx', expected));
    assert.ok(signatureMatches('token', '1409304348', 'xxxxxx', expected.toUpperCase()));
    assert.ok(!signatureMatches('token', '1409304349', 'xxxxxx', expected));
    assert.ok(!signatureMatches('other', '1409304348', 'xxxxxx', expected));
    assert.ok(!signatureMatches('token', '1409304348', 'xxxxxx', expected.slice(0, 39)));
  });

  it('reads the documented text message', () => {
    const xml = `<xml>
 <ToUserName><![CDATA[toUser]]></ToUserName>
 <FromUserName><![CDATA[fromUser]]></FromUserName>
 <CreateTime>1348831860</CreateTime>
 <MsgType><![CDATA[text]]></MsgType>
 <Content><![CDATA[this is a test]]></Content>
 <MsgId>1234567890123456</MsgId>
</xml>`;
    assert.deepEqual(readMessage(parseFlatXml(xml)), {
      toUser: 'toUser',
      fromUser: 'fromUser',
      createTime: 1348831860,
      msgType: 'text',
      content: 'this is a test',
      msgId: '1234567890123456',
      event: null,
    });
    assert.equal(
      parseFlatXml('<?xml version="1.0" encoding="UTF-8"?><xml><A>x &amp; &lt;y&gt; &#20320;</A></xml>').get('A'),
      'x & <y> 你',
    );
  });

  it('refuses DOCTYPEs, entities, nesting, attributes and anything malformed', () => {
    assert.equal(reason('<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><A>&x;</A></xml>'), 'doctype');
    assert.equal(reason('<xml><A>&x;</A></xml>'), 'entity');
    assert.equal(reason('<xml><A>a & b</A></xml>'), 'malformed');
    assert.equal(reason('<xml><A><B>1</B></A></xml>'), 'nested');
    assert.equal(reason('<xml><A b="1">1</A></xml>'), 'malformed');
    assert.equal(reason('<xml a="1"><A>1</A></xml>'), 'malformed');
    assert.equal(reason('<xml><A>1</A><A>2</A></xml>'), 'malformed');
    assert.equal(reason('<xml><A>1</B></xml>'), 'malformed');
    assert.equal(reason('<xml><A>1</A>'), 'malformed');
    assert.equal(reason('<xml><A>1</A></xml><xml></xml>'), 'malformed');
    assert.equal(reason('<xml><!-- hi --><A>1</A></xml>'), 'malformed');
    assert.equal(reason('<xml>text<A>1</A></xml>'), 'malformed');
    assert.equal(reason('<xml><A><![CDATA[open</A></xml>'), 'malformed');
    assert.equal(reason('<xml><A>\u0001</A></xml>'), 'malformed');
    assert.equal(reason(`<xml><A>${'x'.repeat(MAX_XML_BYTES)}</A></xml>`), 'too_large');
    assert.throws(
      () =>
        readMessage(
          parseFlatXml(
            '<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName>' +
              '<CreateTime>x</CreateTime><MsgType>text</MsgType></xml>',
          ),
        ),
      XmlError,
    );
  });

  it('round-trips any text through its own reply, and only ever throws XmlError on junk', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 30 }), (content, user) => {
        // eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
        const u = user.replace(/[\u0000-\u001F\uFFFE\uFFFF]/g, 'x').trim() || 'u';
        // eslint-disable-next-line no-control-regex -- control characters are deliberate: XML 1.0 forbids them
        const c = content.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        const fields = parseFlatXml(textReply(u, 'gh_account', c, new Date(1_700_000_000_000)));
        assert.equal(fields.get('Content'), c);
        assert.equal(fields.get('ToUserName'), u);
        assert.equal(fields.get('CreateTime'), '1700000000');
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (junk) => {
        reason(`<xml>${junk}</xml>`);
        reason(junk);
      }),
    );
    assert.equal(cdata('a]]>b'), '<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('keeps a reply within WeChat’s byte limit without splitting a character', () => {
    const long = '邻'.repeat(2000);
    const fitted = fitBytes(long);
    assert.ok(Buffer.byteLength(fitted) <= 2000);
    assert.ok(fitted.endsWith('…') && !fitted.includes('\uFFFD'));
    assert.equal(fitBytes('短'), '短');
  });
});
