// What shows while the session or a page's code loads, or when the server cannot be reached.
import { useTranslation } from 'react-i18next';
import { errorText } from '../shared/api/errorText.ts';

export function BootLoading() {
  const { t } = useTranslation();
  return (
    <main className="boot" role="status" aria-live="polite">
      <span className="boot__spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </main>
  );
}

export function BootError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="boot">
      <h1 style={{ fontSize: 22, margin: 0 }}>{t('errors.cannotStart')}</h1>
      <p role="alert" style={{ margin: 0 }}>
        {errorText(error, t)}
      </p>
      <button type="button" className="boot__button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </main>
  );
}
