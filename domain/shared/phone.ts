// Mainland China mobile numbers: 11 digits, 1 then 3–9. A leading +86 / 86 and spaces or dashes are accepted.
export const MOBILE_RE = /^1[3-9]\d{9}$/;

export function normalizeMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return MOBILE_RE.test(digits) ? digits : null;
}

/** 138****0001: what a role without need sees. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****';
}
