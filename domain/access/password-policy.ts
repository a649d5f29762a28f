// What a password must be (issue 16), checked by the server on every change, reset and setup, and by the forms as
// people type. Pure: the server hashes only what passes.
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * Ten characters, not the usual eight: people here mostly choose digits, and eight digits are a date of birth
 * (19800101) or half a phone number; even an all-digit password of ten has 10^10 choices, a hundred times eight's,
 * which argon2id at ~30 ms a guess puts out of reach of an offline attack on a stolen database.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordRule = 'too_short' | 'too_long' | 'common' | 'contains_phone';

/** The first rule the password breaks, or null when it may be used. `phone` is the account's mobile number. */
export function passwordProblem(password: string, opts: { phone?: string | null } = {}): PasswordRule | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (COMMON_PASSWORDS.has(password.toLowerCase().trim())) return 'common';
  const phone = opts.phone?.replace(/\D/g, '') ?? '';
  // The last eight digits are what a person remembers of a number; the whole number is in the list of staff.
  if (phone.length >= 8 && password.replace(/\D/g, '').includes(phone.slice(-8))) return 'contains_phone';
  return null;
}
