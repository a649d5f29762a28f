// Values the server masked for this role, said in words, with a lock icon as a second cue.
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export function MaskedText({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  if (!value.includes('*')) return <>{value}</>;
  return (
    <span className="cn-masked">
      <LockOutlined aria-hidden="true" /> {value} <span className="sr-only">{t('registry.maskedSuffix')}</span>
    </span>
  );
}

export function DibaoValue({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  if (value === null)
    return (
      <span className="cn-masked">
        <LockOutlined aria-hidden="true" /> {t('registry.hidden')}
      </span>
    );
  return <>{value ? t('registry.dibaoYes') : t('common.no')}</>;
}
