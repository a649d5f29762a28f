import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './password-policy.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

describe('password policy', () => {
  it('asks for at least ten characters, counting Chinese characters as one each', () => {
    assert.equal(PASSWORD_MIN_LENGTH, 10);
    assert.equal(passwordProblem('Xq7#kd93p'), 'too_short');
    assert.equal(passwordProblem('Xq7#kd93pL'), null);
    assert.equal(passwordProblem('邻里互助志愿服务温暖'), null);
    assert.equal(passwordProblem('邻里互助志愿服务'), 'too_short');
    assert.equal(passwordProblem('x'.repeat(201) + 'Y'), 'too_long');
  });

  it('refuses the common passwords, Chinese favourites included, whatever their case', () => {
    assert.ok(COMMON_PASSWORDS.size >= 1000, `only ${COMMON_PASSWORDS.size}`);
    for (const p of ['123456', 'a123456', 'woaini1314', 'qq123456', '88888888', '5201314'])
      assert.ok(COMMON_PASSWORDS.has(p), p);
    for (const p of ['1234567890', 'woaini1314520', 'Password123456', 'QWERTYUIOP', '1qaz2wsx3edc', 'woaini1999'])
      assert.equal(passwordProblem(p), 'common', p);
  });

  it('refuses a password holding the phone number or its last eight digits', () => {
    const phone = '13912345678';
    assert.equal(passwordProblem('my13912345678', { phone }), 'contains_phone');
    assert.equal(passwordProblem('abc12345678!', { phone }), 'contains_phone');
    assert.equal(passwordProblem('abc-1234-5678', { phone }), 'contains_phone');
    assert.equal(passwordProblem('abc1234567!x', { phone }), null);
    assert.equal(passwordProblem('abc12345678!'), null);
  });
});
