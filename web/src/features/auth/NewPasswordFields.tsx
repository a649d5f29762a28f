// The new password twice, with the rule said before typing (the server names the rule a refused one breaks).
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/phone-ui/parts.tsx';

type Errors = { newPassword?: string; confirm?: string };

function NewPasswordFields(p: {
  value: string;
  again: string;
  onChange: (v: string) => void;
  onAgain: (v: string) => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  const field = (name: 'newPassword' | 'confirm', value: string, set: (v: string) => void) => (
    <TextField
      id={name === 'newPassword' ? 'new-password' : 'new-password-again'}
      name={name}
      label={t(name === 'newPassword' ? 'accounts.newPassword' : 'accounts.confirm')}
      hint={name === 'newPassword' ? t('accounts.newHint') : undefined}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={(e) => set(e.target.value)}
      error={p.errors[name]}
    />
  );
  return (
    <>
      {field('newPassword', p.value, p.onChange)}
      {field('confirm', p.again, p.onAgain)}
    </>
  );
}

/** The two fields' state, what the form finds wrong before asking the server, and the fields themselves. */
export function useNewPassword() {
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  return {
    value,
    clear: () => {
      setValue('');
      setAgain('');
    },
    /** Empty fields (of these and of `others`) and two different new passwords. */
    problems(t: TFunction, others: Record<string, string> = {}): Record<string, string> {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...others, newPassword: value, confirm: again }))
        if (!v) fields[k] = t('accounts.required');
      if (value && again && value !== again) fields.confirm = t('accounts.mismatch');
      return fields;
    },
    fields: (errors: Errors) => (
      <NewPasswordFields value={value} again={again} onChange={setValue} onAgain={setAgain} errors={errors} />
    ),
  };
}
