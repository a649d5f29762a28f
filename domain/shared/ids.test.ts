// uuidv7 with pooled random bytes: still RFC 9562 version 7 / variant 10, the time in the first 48 bits, strictly
// increasing within a process (also across pool refills and when the clock goes back), and never a repeat.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { uuidv7, UUID_RE } from './ids.ts';

describe('uuidv7 from a pooled random buffer', () => {
  it('carries the version, the variant and the time', () => {
    const now = Date.UTC(2026, 10, 29, 0, 30);
    const id = uuidv7(now + 10_000_000);
    assert.match(id, UUID_RE);
    assert.equal(id[14], '7');
    assert.ok('89ab'.includes(id[19]!), id);
    assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), now + 10_000_000);
  });

  it('stays strictly increasing and unique over pool refills, in one millisecond and when the clock goes back', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(i < 2500 ? Date.now() + 20_000_000 : 1));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
    // Random tails differ (no pool slice handed out twice).
    assert.equal(new Set(ids.map((i) => i.slice(-12))).size, ids.length);
  });
});
