import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config.ts';

describe('WeChat token setting', () => {
  it('takes one token, or a JSON map per community, and refuses anything else', () => {
    assert.deepEqual(loadConfig({}).wechat, { all: null, byCommunity: {} });
    assert.deepEqual(loadConfig({ LINLI_WECHAT_TOKEN: 'abc123' }).wechat, { all: 'abc123', byCommunity: {} });
    assert.deepEqual(loadConfig({ LINLI_WECHAT_TOKEN: '{"c1":"tokenA","c2":"tokenB"}' }).wechat, {
      all: null,
      byCommunity: { c1: 'tokenA', c2: 'tokenB' },
    });
    for (const bad of ['ab', 'has space', 'x'.repeat(33), '{"c1":"bad token"}', '{not json', '["abc"]']) {
      assert.throws(
        () => loadConfig({ LINLI_WECHAT_TOKEN: bad }),
        (e: unknown) => e instanceof ConfigError && /LINLI_WECHAT_TOKEN/.test(e.message),
        bad,
      );
    }
  });
});
