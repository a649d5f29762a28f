import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { FieldCipher, generateKeyring } from './crypto.ts';
import { loggerOptions } from './logger.ts';
import { pickLocale, translate } from './i18n.ts';

describe('field encryption', () => {
  it('round-trips, never repeats a ciphertext, and rejects tampering', () => {
    const c = new FieldCipher(generateKeyring());
    const a = c.encrypt('610303194803150012');
    assert.notEqual(a, c.encrypt('610303194803150012'));
    assert.equal(c.decrypt(a), '610303194803150012');
    const parts = a.split('.');
    const ct = Buffer.from(parts[4]!, 'base64url');
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString('base64url');
    assert.throws(() => c.decrypt(parts.join('.')));
  });

  it('gives every value its own IV across refills of the IV pool, and each opens with its own', () => {
    const c = new FieldCipher(generateKeyring());
    const sealed = Array.from({ length: 1_000 }, (_, i) => c.encrypt(`value ${i}`));
    const ivs = new Set(sealed.map((s) => s.split('.')[2]));
    assert.equal(ivs.size, sealed.length);
    for (const iv of ivs) assert.equal(Buffer.from(iv!, 'base64url').length, 12);
    sealed.forEach((s, i) => assert.equal(c.decrypt(s), `value ${i}`));
  });

  it('keeps reading old values after a new key becomes active', () => {
    const ring = generateKeyring();
    const old = new FieldCipher(ring);
    const sealed = old.encrypt('高血压');
    const rotated = new FieldCipher({
      ...ring,
      active: 'k2',
      keys: { ...ring.keys, k2: crypto.randomBytes(32).toString('base64') },
    });
    assert.equal(rotated.decrypt(sealed), '高血压');
    assert.match(rotated.encrypt('x'), /^v1\.k2\./);
    // Blind indexes do not change with the data key, so lookups survive rotation.
    assert.equal(rotated.token('c', 'id_number', '1'), old.token('c', 'id_number', '1'));
    assert.notEqual(old.token('c1', 'id_number', '1'), old.token('c2', 'id_number', '1'));
  });
});

describe('logs', () => {
  it('redact phone and ID numbers, health and secrets', () => {
    let out = '';
    const sink = new Writable({
      write(chunk, _e, cb) {
        out += chunk;
        cb();
      },
    });
    const log = pino(loggerOptions('info') as any, sink);
    log.info(
      {
        phone: '13800000001',
        body: { idNumber: '610303194803150012', password: 'pw' },
        resident: { health: '阿尔茨海默病' },
      },
      'x',
    );
    for (const secret of ['13800000001', '610303194803150012', 'pw"', '阿尔茨海默病'])
      assert.ok(!out.includes(secret), `${secret} leaked: ${out}`);
    assert.match(out, /\[redacted\]/);
  });
});

describe('messages', () => {
  it('speak Chinese by default and English when asked, with role and permission names', () => {
    assert.equal(pickLocale(null, undefined), 'zh-CN');
    assert.equal(pickLocale(null, 'en-US,en;q=0.9'), 'en');
    assert.equal(pickLocale('zh-CN', 'en-US'), 'zh-CN');
    assert.equal(
      translate('zh-CN', 'forbidden', { role: 'grid_leader', permission: 'registry.sensitive' }),
      '您的角色（网格长）没有权限执行此操作：查看敏感信息',
    );
    assert.equal(
      translate('en', 'forbidden', { role: 'volunteer', permission: 'audit.read' }),
      'Your role (Volunteer) may not do this: read the audit log',
    );
  });
});
