// Switches between 中文 and English; the label is written in the language it switches to.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../prefs/useLanguage.ts';

export function LanguageButton() {
  const { t } = useTranslation();
  const { lang, toggle } = useLanguage();
  const target = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button type="button" className="ph-chip" onClick={toggle} aria-label={t('lang.switchAria')}>
      <span lang={target}>{t('lang.switchLabel')}</span>
    </button>
  );
}
