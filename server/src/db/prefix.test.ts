import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { prefixRange } from './prefix.ts';

const pinyin = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), maxLength: 8 });

describe('prefixRange', () => {
  it('selects exactly the a–z strings that start with the prefix', () => {
    fc.assert(
      fc.property(
        pinyin.filter((p) => p.length > 0),
        pinyin,
        pinyin,
        (p, other, tail) => {
          const { lo, hi } = prefixRange(p);
          // Any string, and one that does start with p (random strings seldom do).
          for (const s of [other, p + tail])
            assert.equal(s >= lo && (hi === null || s < hi), s.startsWith(p), `${s} against ${p} → [${lo}, ${hi})`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('moves the last letter on, past trailing z', () => {
    assert.deepEqual(prefixRange('wang'), { lo: 'wang', hi: 'wanh' });
    assert.deepEqual(prefixRange('zhz'), { lo: 'zhz', hi: 'zi' });
    assert.deepEqual(prefixRange('zz'), { lo: 'zz', hi: null });
  });
});
