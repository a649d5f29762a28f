// Switching the UI language: i18next, this device's memory, and (when signed in) the account's setting,
// so the server writes its messages and notifications in the same language.
import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import i18n, { LANG_STORAGE_KEY, currentLang, type Lang } from '../../i18n/index.ts';
import { saveLocale } from '../session/api.ts';
import { ME_KEY } from '../session/useSession.ts';
import type { Me } from '../session/types.ts';

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export function useLanguage() {
  useTranslation(); // re-render on change
  const qc = useQueryClient();
  const lang = currentLang();
  const setLang = useCallback(
    (next: Lang) => {
      rememberLang(next);
      void i18n.changeLanguage(next);
      const me = qc.getQueryData<Me | null>(ME_KEY);
      if (me && me.locale !== next) {
        const updated: Me = { ...me, locale: next };
        qc.setQueryData<Me | null>(ME_KEY, updated);
        saveLocale(next).catch(() => undefined); // the UI already switched; the server copy can catch up later
      }
      // Error messages from the server were written in the old language: ask again.
      void qc.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    },
    [qc],
  );
  return { lang, setLang, toggle: () => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN') };
}
