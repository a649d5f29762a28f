import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

describe('config', () => {
  it('has working defaults and is frozen', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.demo, true);
    assert.equal(c.databaseUrl, undefined);
    assert.ok(Object.isFrozen(c));
  });

  it('names every bad setting at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LINLI_DEMO: 'maybe' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        for (const name of ['PORT', 'DATABASE_URL', 'LINLI_DEMO']) assert.match(err.message, new RegExp(name));
        return true;
      },
    );
  });

  it('refuses a PDF font file that does not exist', () => {
    assert.throws(() => loadConfig({ LINLI_CJK_FONT: '/nonexistent/font.ttf' }), /LINLI_CJK_FONT: no such font file/);
    assert.equal(loadConfig({}).cjkFontFile, undefined);
  });

  it('reads the unpacked upload limit in MB, 50 by default', () => {
    assert.equal(loadConfig({}).maxInflatedBytes, 50 * 1024 * 1024);
    assert.equal(loadConfig({ LINLI_MAX_INFLATED_MB: '2.5' }).maxInflatedBytes, 2.5 * 1024 * 1024);
    assert.throws(() => loadConfig({ LINLI_MAX_INFLATED_MB: '0' }), /LINLI_MAX_INFLATED_MB/);
  });
});
