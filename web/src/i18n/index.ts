// i18next set up for the whole app. Chinese is the default; English everywhere.
// The base bundle holds the strings of sign-in and the phone pages; the console adds its own when it loads.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

import { LANGS, LANG_STORAGE_KEY, isLang, type Lang } from './langs.ts';

export { LANGS, LANG_STORAGE_KEY, isLang, type Lang };

/** The language the user chose on this device, if any. */
export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'zh-CN';
}

function reflectOnDocument(lng: string): void {
  document.documentElement.lang = isLang(lng) ? lng : 'zh-CN';
  document.title = i18n.t('app.documentTitle');
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLang() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGS],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  react: { useSuspense: false },
});

reflectOnDocument(i18n.language);
i18n.on('languageChanged', reflectOnDocument);

export default i18n;
