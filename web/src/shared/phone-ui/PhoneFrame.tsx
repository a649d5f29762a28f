// The frame of every phone page: a header with the 长辈版 switch, the font-size control and the
// language switch, then the page's main landmark.
import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useElderMode } from '../prefs/elderMode.ts';
import { ElderControls } from './ElderControls.tsx';
import { LanguageButton } from './LanguageButton.tsx';
import './phone.css';

export function PhoneFrame({
  children,
  subtitle,
  homeTo = '/m',
}: {
  children: ReactNode;
  subtitle?: string;
  homeTo?: string;
}) {
  const { t } = useTranslation();
  const elder = useElderMode();
  const style = { '--elder-fs': `${elder.fontSize}px` } as CSSProperties;
  // The page itself (and anything rendered outside this frame) follows the chosen size too.
  useEffect(() => {
    document.body.style.fontSize = elder.on ? `${elder.fontSize}px` : '';
    return () => {
      document.body.style.fontSize = '';
    };
  }, [elder.on, elder.fontSize]);
  return (
    <div className={elder.on ? 'ph elder' : 'ph'} style={style}>
      <a className="ph-skip" href="#main">
        {t('a11y.skipToMain')}
      </a>
      <header className="ph-header">
        <div className="ph-header__inner">
          <Link className="ph-brand" to={homeTo}>
            <span className="ph-brand__name">{t('app.name')}</span>
            <span className="ph-brand__sub">{subtitle ?? t('app.tagline')}</span>
          </Link>
          <div className="ph-toolbar" role="group" aria-label={t('settings.label')}>
            <ElderControls.Toggle />
            <LanguageButton />
          </div>
          {elder.on && <ElderControls.FontSize />}
        </div>
      </header>
      <main id="main" className="ph-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
