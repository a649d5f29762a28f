// A value the server hid from this role, said in words (not by colour or an icon alone).
import { useTranslation } from 'react-i18next';
import { Masked } from '../../../shared/phone-ui/parts.tsx';

export function YesNoMasked({ value }: { value: boolean | null }) {
  const { t } = useTranslation();
  if (value === null) return <Masked>{t('registry.hidden')}</Masked>;
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

export function TextMasked({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <>{t('common.none')}</>;
  if (value.includes('*')) return <Masked>{value}</Masked>;
  return <>{value}</>;
}
