// After sign-in: a language chosen on this device wins and is saved to the account;
// otherwise the account's language is used.
import { useEffect } from 'react';
import i18n, { storedLang } from '../../i18n/index.ts';
import { saveLocale } from '../session/api.ts';
import type { Me } from '../session/types.ts';

export function useLocaleSync(me: Me | null | undefined): void {
  const accountId = me?.accountId;
  useEffect(() => {
    if (!me) return;
    const chosen = storedLang();
    if (chosen && chosen !== me.locale) saveLocale(chosen).catch(() => undefined);
    else if (!chosen && i18n.language !== me.locale) void i18n.changeLanguage(me.locale);
    // Only when the signed-in account changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accountId]);
}
