// The new password twice, with the rule said before typing (the server names the rule a refused one breaks).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/phone-ui/parts.tsx';

export function NewPasswordFields({
  value,
  again,
  onChange,
  onAgain,
  errors,
}: {
  value: string;
  again: string;
  onChange: (v: string) => void;
  onAgain: (v: string) => void;
  errors: { newPassword?: string; confirm?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id="new-password"
        name="newPassword"
        label={t('accounts.newPassword')}
        hint={t('accounts.newHint')}
        type="password"
        autoComplete="new-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={errors.newPassword}
      />
      <TextField
        id="new-password-again"
        name="confirm"
        label={t('accounts.confirm')}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => onAgain(e.target.value)}
        error={errors.confirm}
      />
    </>
  );
}

/** Problems the form finds before asking the server: empty fields and two different new passwords. */
export function localProblems(
  t: TFunction,
  values: { newPassword: string; confirm: string } & Record<string, string>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!v) fields[k] = t('accounts.required');
  if (values.newPassword && values.confirm && values.newPassword !== values.confirm)
    fields.confirm = t('accounts.mismatch');
  return fields;
}
