import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { idNumberCheckChar, maskIdNumber, parseIdNumber } from './id-number.ts';
import { maskPhone, normalizeMobile } from './phone.ts';
import { ageOn, bornOnOrBefore, isRealDate, todayInShanghai } from './dates.ts';
import { namePinyin } from './pinyin.ts';
import { uuidv7, UUID_RE } from './ids.ts';

const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('ID numbers', () => {
  it('accepts a known-good number and reads its birth date and gender', () => {
    // 11010519491231002X: the GB 11643 example.
    const r = parseIdNumber('11010519491231002x');
    assert.deepEqual(r, { ok: true, id: { value: '11010519491231002X', birthDate: '1949-12-31', gender: 'female' } });
  });

  it('names the problem: format, checksum, impossible date', () => {
    assert.deepEqual(parseIdNumber('1234'), { ok: false, problem: 'format' });
    assert.deepEqual(parseIdNumber('110105194912310021'), { ok: false, problem: 'checksum' });
    const feb30 = '61030219560230001';
    assert.deepEqual(parseIdNumber(feb30 + idNumberCheckChar(feb30)), { ok: false, problem: 'birthDate' });
  });

  it('round-trips any real birth date, and any single-digit change is caught', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 16 }), (date, order, pos) => {
        const first17 = `610302${date.replace(/-/g, '')}${String(order).padStart(3, '0')}`;
        const id = first17 + idNumberCheckChar(first17);
        const r = parseIdNumber(id);
        assert.ok(r.ok && r.id.birthDate === date);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + 1) % 10) + id.slice(pos + 1);
        assert.equal(parseIdNumber(changed).ok && changed !== id, false);
      }),
    );
  });

  it('masks the birth date and order', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  });
});

describe('phones', () => {
  it('accepts mainland mobiles with +86, spaces and dashes, and refuses others', () => {
    assert.equal(normalizeMobile('+86 138-0000-0001'), '13800000001');
    assert.equal(normalizeMobile('8613800000001'), '13800000001');
    for (const bad of ['12800000001', '1380000000', '138000000011', '02988888888', 'abc'])
      assert.equal(normalizeMobile(bad), null, bad);
    assert.equal(maskPhone('13800000001'), '138****0001');
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = normalizeMobile(s);
        assert.ok(r === null || /^1[3-9]\d{9}$/.test(r));
      }),
    );
  });
});

describe('dates', () => {
  it('knows real dates and ages', () => {
    assert.equal(isRealDate('2024-02-29'), true);
    assert.equal(isRealDate('2023-02-29'), false);
    // Years no community record lies in: day arithmetic there leaves YYYY-MM-DD ('+010000-01-01').
    assert.equal(isRealDate('9999-12-31'), false);
    assert.equal(isRealDate('0000-01-01'), false);
    assert.equal(isRealDate('1800-01-01'), true);
    assert.equal(ageOn('1966-11-28', '2026-11-28'), 60);
    assert.equal(ageOn('1966-11-29', '2026-11-28'), 59);
    assert.equal(bornOnOrBefore(60, '2026-11-28'), '1966-11-28');
    assert.equal(todayInShanghai(new Date('2026-11-28T17:00:00Z')), '2026-11-29');
  });

  it('bornOnOrBefore agrees with ageOn for every date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: 0, max: 100 }), (birth, on, years) => {
        if (birth > on) return;
        assert.equal(birth <= bornOnOrBefore(years, on), ageOn(birth, on) >= years);
      }),
    );
  });
});

describe('pinyin', () => {
  it('reads surnames as surnames and writes ü as v', () => {
    assert.deepEqual(namePinyin('李泽钦'), { full: 'lizeqin', initials: 'lzq' });
    assert.deepEqual(namePinyin('单田芳'), { full: 'shantianfang', initials: 'stf' });
    assert.deepEqual(namePinyin('曾志伟'), { full: 'zengzhiwei', initials: 'zzw' });
    assert.deepEqual(namePinyin('吕秀莲'), { full: 'lvxiulian', initials: 'lxl' });
  });
});

describe('ids', () => {
  it('are UUIDv7 and sort by creation', () => {
    const ids = Array.from({ length: 1000 }, () => uuidv7());
    assert.ok(ids.every((i) => UUID_RE.test(i) && i[14] === '7'));
    assert.deepEqual([...ids].sort(), ids);
  });
});
