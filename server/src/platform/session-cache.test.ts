import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SessionCache } from './session-cache.ts';
import type { Actor } from './actor.ts';

const actor = (accountId: string, tokenHash: string) => ({ accountId, tokenHash }) as Actor;

describe('SessionCache', () => {
  it("keeps an actor for its time to live, never past the session's expiry", () => {
    let now = 1_000;
    const c = new SessionCache(5_000, () => now);
    c.set(actor('a', 't1'), 3_000, c.epoch());
    c.set(actor('a', 't2'), 100_000, c.epoch());
    assert.equal(c.get('t1')?.accountId, 'a');
    now = 3_000;
    assert.equal(c.get('t1'), null, 'the session itself expired');
    assert.equal(c.get('t2')?.accountId, 'a');
    now = 6_000;
    assert.equal(c.get('t2'), null, 'the cache entry expired');
  });

  it('forgets one session, or every session of an account', () => {
    const c = new SessionCache();
    c.set(actor('a', 't1'), Date.now() + 60_000, c.epoch());
    c.set(actor('a', 't2'), Date.now() + 60_000, c.epoch());
    c.set(actor('b', 't3'), Date.now() + 60_000, c.epoch());
    c.forgetSession('t1');
    assert.equal(c.get('t1'), null);
    assert.ok(c.get('t2'));
    c.forgetAccount('a');
    assert.equal(c.get('t2'), null);
    assert.ok(c.get('t3'));
  });

  it('does not keep a read that a forget overtook (it may hold the state from before a sign-out)', () => {
    const c = new SessionCache();
    const before = c.epoch();
    c.forgetSession('t1'); // a sign-out lands while the read of t1 is in flight
    c.set(actor('a', 't1'), Date.now() + 60_000, before);
    assert.equal(c.get('t1'), null);
  });
});
