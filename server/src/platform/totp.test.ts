import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totp, totpStep } from './totp.ts';

// RFC 6238 Appendix B, SHA-1 rows: the secret is the ASCII "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 Appendix B SHA-1 codes, in 8 digits and truncated to 6', () => {
    assert.equal(RFC_SECRET, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [t, want] of RFC_VECTORS) {
      assert.equal(totp(RFC_SECRET, t * 1000, 8), want, `T=${t}`);
      assert.equal(totp(RFC_SECRET, t * 1000), want.slice(2), `T=${t} (6 digits)`);
    }
  });

  it('gives the RFC 4226 Appendix D HOTP codes', () => {
    const key = Buffer.from('12345678901234567890');
    const want = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    want.forEach((code, counter) => assert.equal(hotp(key, counter), code));
  });

  it('round-trips base32 as people type it', () => {
    const s = newTotpSecret();
    assert.equal(s.length, 32);
    assert.deepEqual(base32Decode(s.toLowerCase().replace(/(.{4})/g, '$1 ')), base32Decode(s));
    assert.throws(() => base32Decode('1!'));
  });

  it('accepts one step either side of now and no further', () => {
    const now = 1_800_000_015_000;
    for (const [shift, ok] of [
      [-60, false],
      [-30, true],
      [0, true],
      [30, true],
      [60, false],
    ] as const) {
      const code = totp(RFC_SECRET, now + shift * 1000);
      assert.equal(matchTotp(RFC_SECRET, code, now, null) !== null, ok, `shift ${shift}s`);
    }
    assert.equal(matchTotp(RFC_SECRET, '12345', now, null), null);
  });

  it('refuses a code replayed within its window, and any older one', () => {
    const now = 1_800_000_015_000;
    const code = totp(RFC_SECRET, now);
    const step = matchTotp(RFC_SECRET, code, now, null);
    assert.equal(step, totpStep(now));
    assert.equal(matchTotp(RFC_SECRET, code, now + 20_000, step), null);
    assert.equal(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 30_000), now, step), null);
    assert.equal(matchTotp(RFC_SECRET, totp(RFC_SECRET, now + 30_000), now + 30_000, step), step! + 1);
  });

  it('writes the otpauth link authenticator apps read', () => {
    const uri = otpauthUri({ secret: 'ABCD', issuer: '邻里 Linli', account: '13800000001' });
    assert.match(uri, /^otpauth:\/\/totp\/%E9%82%BB%E9%87%8C%20Linli%3A13800000001\?secret=ABCD&issuer=/);
    assert.equal(new URL(uri).searchParams.get('issuer'), '邻里 Linli');
    assert.equal(new URL(uri).searchParams.get('digits'), '6');
  });
});
