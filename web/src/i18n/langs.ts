// The UI languages. Kept apart from the i18next set-up so types can use them without loading it.
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LANG_STORAGE_KEY = 'linli.lang';

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en';
}
