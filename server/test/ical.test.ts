// Folding a calendar line (RFC 5545 §3.1): at most 75 octets a physical line, continuations start with one space,
// no UTF-8 character split, and each line as full as the next character allows (folding early is legal but wastes
// lines; folding late breaks strict calendar apps). Checked on ASCII, Chinese (3 octets) and emoji (4 octets).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldLine } from '../src/platform/ical.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkFolded(line: string) {
  const folded = foldLine(line);
  const physical = folded.split('\r\n');
  assert.equal(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line, 'unfolds to the line');
  physical.forEach((p, i) => {
    assert.ok(Buffer.byteLength(p) <= 75, `line ${i}: ${Buffer.byteLength(p)} octets`);
    if (i > 0) assert.equal(p[0], ' ', 'a continuation starts with one space');
    assert.ok(!LONE_SURROGATE.test(p), `line ${i} splits a character`);
    const next = physical[i + 1];
    if (next !== undefined) {
      const nextChar = String.fromCodePoint(next.slice(1).codePointAt(0)!);
      assert.ok(Buffer.byteLength(p) + Buffer.byteLength(nextChar) > 75, `line ${i} folded early`);
    }
  });
  return physical;
}

describe('folding calendar lines', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    assert.equal(foldLine('a'.repeat(75)), 'a'.repeat(75));
    assert.deepEqual(checkFolded('a'.repeat(76)), ['a'.repeat(75), ' a']);
  });

  it('keeps Chinese and emoji whole at every offset', () => {
    for (let pad = 0; pad < 4; pad++) {
      checkFolded('D'.repeat(pad) + 'DESCRIPTION:已预约 3 人：李*钦、王*华、张*明'.repeat(6));
      checkFolded('x'.repeat(pad) + '🏮中秋😀'.repeat(40));
    }
  });

  it('folds a long line into as many lines as its octets need', () => {
    const line = '社'.repeat(100); // 300 octets: 25 on the first line, 24 on each continuation
    assert.equal(checkFolded(line).length, 1 + Math.ceil((100 - 25) / 24));
  });
});
