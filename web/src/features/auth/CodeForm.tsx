import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeMobile } from '../../../../domain/shared/phone.ts';
import { TextField } from '../../shared/phone-ui/parts.tsx';
import { useCodeSignIn, useRequestCode } from './api.ts';
import { problemsOf, type FormProblems } from './fieldErrors.ts';
import { FormAlert } from './FormAlert.tsx';
import { PhoneField } from './PhoneField.tsx';
import { useCountdown } from './useCountdown.ts';
import type { SignInResult } from '../../shared/session/types.ts';

const DEFAULT_RESEND_SECONDS = 60;

export function CodeForm({ onSignedIn }: { onSignedIn: (r: SignInResult) => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ form: null, fields: {} });
  const [sentNote, setSentNote] = useState<string | null>(null);
  const countdown = useCountdown();
  const request = useRequestCode();
  const signIn = useCodeSignIn();

  function askForCode() {
    const normalized = normalizeMobile(phone);
    setSentNote(null);
    if (!normalized) {
      setProblems({ form: null, fields: { phone: t('auth.phoneInvalid') } });
      return;
    }
    setProblems({ form: null, fields: {} });
    request.mutate(normalized, {
      onSuccess: (r) => {
        countdown.start(r.resendAfterSeconds || DEFAULT_RESEND_SECONDS);
        setSentNote(t('auth.codeSent', { minutes: Math.max(1, Math.round((r.expiresInSeconds || 300) / 60)) }));
      },
      onError: (err) => setProblems(problemsOf(err, t)),
    });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeMobile(phone);
    const fields: Record<string, string> = {};
    if (!normalized) fields.phone = t('auth.phoneInvalid');
    if (!/^\d{4,8}$/.test(code.trim())) fields.code = t('auth.codeInvalid');
    setProblems({ form: null, fields });
    if (Object.keys(fields).length > 0 || !normalized) return;
    signIn.mutate(
      { phone: normalized, code: code.trim() },
      {
        onSuccess: onSignedIn,
        onError: (err) => setProblems(problemsOf(err, t)),
      },
    );
  }

  const waiting = countdown.left > 0;
  return (
    <form onSubmit={submit} noValidate aria-label={t('auth.tabCode')}>
      <FormAlert message={problems.form} />
      <PhoneField id="code-phone" value={phone} onChange={setPhone} error={problems.fields.phone} />
      <div className="ph-field">
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block"
          onClick={askForCode}
          disabled={waiting || request.isPending}
          aria-describedby="code-sent"
        >
          {request.isPending
            ? t('auth.sendingCode')
            : waiting
              ? t('auth.resendIn', { seconds: countdown.left })
              : t('auth.getCode')}
        </button>
        <p id="code-sent" className="ph-field__hint" role="status" style={{ marginTop: '0.4em' }}>
          {sentNote ?? ''}
        </p>
      </div>
      <TextField
        id="code-code"
        name="code"
        label={t('auth.code')}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={problems.fields.code}
      />
      <button type="submit" className="ph-btn ph-btn--block" disabled={signIn.isPending}>
        {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
      </button>
    </form>
  );
}
