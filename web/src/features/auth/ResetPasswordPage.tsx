// /reset-password (忘记密码？ on the sign-in page): phone, the code staff had sent, and the new password twice.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { normalizeMobile } from '../../../../domain/shared/phone.ts';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Card, PageTitle, TextField } from '../../shared/phone-ui/parts.tsx';
import { useResetPassword } from './password-api.ts';
import { problemsOf, type FormProblems } from './fieldErrors.ts';
import { FormAlert } from './FormAlert.tsx';
import { PhoneField } from './PhoneField.tsx';
import { useNewPassword } from './NewPasswordFields.tsx';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const next = useNewPassword();
  const [problems, setProblems] = useState<FormProblems>({ form: null, fields: {} });
  const reset = useResetPassword();

  function submit(e: FormEvent) {
    e.preventDefault();
    const normalized = normalizeMobile(phone);
    const fields = next.problems(t);
    if (!normalized) fields.phone = t('auth.phoneInvalid');
    if (!/^\d{6}$/.test(code.trim())) fields.code = t('accounts.codeInvalid');
    setProblems({ form: null, fields });
    if (Object.keys(fields).length || !normalized) return;
    reset.mutate(
      { phone: normalized, code: code.trim(), newPassword: next.value },
      { onError: (err) => setProblems(problemsOf(err, t)) },
    );
  }

  return (
    <PhoneFrame homeTo="/sign-in">
      <PageTitle title={t('accounts.resetTitle')} back={{ to: '/sign-in', label: t('auth.title') }} />
      {reset.isSuccess ? (
        <Card>
          <div className="ph-alert ph-alert--ok" role="status">
            <p className="ph-alert__body">{t('accounts.resetDone')}</p>
          </div>
          <Link className="ph-btn ph-btn--block" to="/sign-in">
            {t('accounts.toSignIn')}
          </Link>
        </Card>
      ) : (
        <>
          <p className="ph-lead">{t('accounts.resetLead')}</p>
          <Card>
            <form onSubmit={submit} noValidate aria-label={t('accounts.resetTitle')}>
              <FormAlert message={problems.form} />
              <PhoneField id="reset-phone" value={phone} onChange={setPhone} error={problems.fields.phone} />
              <TextField
                id="reset-code"
                name="code"
                label={t('accounts.code')}
                hint={t('accounts.codeHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                error={problems.fields.code}
              />
              {next.fields(problems.fields)}
              <button type="submit" className="ph-btn ph-btn--block" disabled={reset.isPending}>
                {reset.isPending ? t('accounts.saving') : t('accounts.resetSubmit')}
              </button>
            </form>
          </Card>
        </>
      )}
    </PhoneFrame>
  );
}
