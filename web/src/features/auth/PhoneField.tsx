import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/phone-ui/parts.tsx';

/** The mobile number both sign-in forms ask for first. */
export function PhoneField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      id={id}
      name="phone"
      label={t('auth.phone')}
      hint={t('auth.phoneHint')}
      type="tel"
      inputMode="numeric"
      autoComplete="tel"
      maxLength={16}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}
