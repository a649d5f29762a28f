import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeGbk } from './gbk.ts';

describe('encodeGbk', () => {
  it('encodes Chinese as GBK bytes that GBK decodes back', () => {
    const text = '西关社区【今日活动】重阳节包饺子 9:00 邻里互助服务队';
    const bytes = encodeGbk(text);
    assert.deepEqual([...encodeGbk('你好')], [0xc4, 0xe3, 0xba, 0xc3]);
    assert.equal(new TextDecoder('gbk').decode(bytes), text);
    assert.ok(bytes.length < Buffer.byteLength(text, 'utf8'), 'two bytes a character, not three');
  });

  it('puts ? for what GBK cannot carry, keeping the rest', () => {
    assert.equal(new TextDecoder('gbk').decode(encodeGbk('好😀a')), '好?a');
  });
});
