// Small words of the public pages in both languages.
import type { Locale } from '../../platform/i18n.ts';

const QUARTER_ZH = ['一', '二', '三', '四'];

/** 2026Q4 → 2026年第四季度光荣榜 / Commended, 2026 Q4. */
export function quarterTitle(quarter: string, locale: Locale): string {
  const q = Number(quarter.slice(5));
  return locale === 'en'
    ? `Commended volunteers, ${quarter.slice(0, 4)} Q${q}`
    : `${quarter.slice(0, 4)}年第${QUARTER_ZH[q - 1]}季度光荣榜`;
}
