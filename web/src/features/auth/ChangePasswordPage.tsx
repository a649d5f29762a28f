// /m/password (修改密码 on the phone's 我的 page): the current password, then the new one twice.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, PageTitle, TextField } from '../../shared/phone-ui/parts.tsx';
import { useChangePassword } from './password-api.ts';
import { problemsOf, type FormProblems } from './fieldErrors.ts';
import { FormAlert } from './FormAlert.tsx';
import { useNewPassword } from './NewPasswordFields.tsx';

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassword();
  const [problems, setProblems] = useState<FormProblems>({ form: null, fields: {} });
  const [done, setDone] = useState(false);
  const change = useChangePassword();

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const fields = next.problems(t, { currentPassword: current });
    setProblems({ form: null, fields });
    if (Object.keys(fields).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next.value },
      {
        onSuccess: () => {
          setDone(true);
          setCurrent('');
          next.clear();
        },
        onError: (err) => setProblems(problemsOf(err, t)),
      },
    );
  }

  return (
    <>
      <PageTitle title={t('accounts.changeTitle')} back={{ to: '/m', label: t('home.profile') }} />
      <p className="ph-lead">{t('accounts.changeLead')}</p>
      <Card>
        {done && (
          <div className="ph-alert ph-alert--ok" role="status">
            <p className="ph-alert__body">{t('accounts.changed')}</p>
          </div>
        )}
        <form onSubmit={submit} noValidate aria-label={t('accounts.changeTitle')}>
          <FormAlert message={problems.form} />
          <TextField
            id="current-password"
            name="currentPassword"
            label={t('accounts.current')}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={problems.fields.currentPassword}
          />
          {next.fields(problems.fields)}
          <button type="submit" className="ph-btn ph-btn--block" disabled={change.isPending}>
            {change.isPending ? t('accounts.saving') : t('accounts.save')}
          </button>
        </form>
      </Card>
    </>
  );
}
