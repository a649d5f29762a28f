import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeMobile } from '../../../../domain/shared/phone.ts';
import { TextField } from '../../shared/phone-ui/parts.tsx';
import { usePasswordSignIn } from './api.ts';
import { problemsOf, type FormProblems } from './fieldErrors.ts';
import { FormAlert } from './FormAlert.tsx';
import { PhoneField } from './PhoneField.tsx';
import type { SignInResult } from '../../shared/session/types.ts';

export function PasswordForm({ onSignedIn }: { onSignedIn: (r: SignInResult) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ form: null, fields: {} });
  const signIn = usePasswordSignIn();

  function submit(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeMobile(phone);
    const fields: Record<string, string> = {};
    if (!normalized) fields.phone = t('auth.phoneInvalid');
    if (!password) fields.password = t('auth.passwordRequired');
    setProblems({ form: null, fields });
    if (Object.keys(fields).length > 0 || !normalized) return;
    signIn.mutate(
      { phone: normalized, password },
      {
        onSuccess: onSignedIn,
        onError: (err) => setProblems(problemsOf(err, t)),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.tabPassword')}>
      <FormAlert message={problems.form} />
      <PhoneField id="pw-phone" value={phone} onChange={setPhone} error={problems.fields.phone} />
      <TextField
        id="pw-password"
        name="password"
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={problems.fields.password}
      />
      <button type="submit" className="ph-btn ph-btn--block" disabled={signIn.isPending}>
        {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
