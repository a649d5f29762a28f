// The 18-digit resident identity number (GB 11643-1999): 6-digit area, 8-digit birth date,
// 3-digit order (odd for men), and an ISO 7064 MOD 11-2 check character.
import { isRealDate } from './dates.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type IdNumberProblem = 'format' | 'checksum' | 'birthDate';

export interface ParsedIdNumber {
  value: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export function parseIdNumber(
  input: string,
): { ok: true; id: ParsedIdNumber } | { ok: false; problem: IdNumberProblem } {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (idNumberCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || Number(value.slice(6, 10)) < 1890) return { ok: false, problem: 'birthDate' };
  return { ok: true, id: { value, birthDate, gender: Number(value[16]) % 2 === 1 ? 'male' : 'female' } };
}

/** 610302********123X: area code and the last four stay, the birth date and order are hidden. */
export function maskIdNumber(value: string): string {
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}
