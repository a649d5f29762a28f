// The second sign-in step: the 6 digits from the authenticator app, or a recovery code.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/phone-ui/parts.tsx';
import type { Me } from '../../shared/session/types.ts';
import { useSecondStep } from './api.ts';
import { problemsOf, type FormProblems } from './fieldErrors.ts';
import { FormAlert } from './FormAlert.tsx';

export function SecondStepForm(props: { challenge: string; onSignedIn: (me: Me) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<FormProblems>({ form: null, fields: {} });
  const step = useSecondStep();

  function submit(e: FormEvent) {
    e.preventDefault();
    const typed = code.trim();
    if (typed.length < 6) {
      setProblems({ form: null, fields: { code: t('twoStep.codeInvalid') } });
      return;
    }
    setProblems({ form: null, fields: {} });
    step.mutate(
      { challenge: props.challenge, code: typed },
      { onSuccess: props.onSignedIn, onError: (err) => setProblems(problemsOf(err, t)) },
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('twoStep.title')}>
      <h2 className="ph-card__title">{t('twoStep.title')}</h2>
      <p>{t('twoStep.lead')}</p>
      <FormAlert message={problems.form} />
      <TextField
        id="two-step-code"
        name="code"
        label={t('twoStep.code')}
        hint={t('twoStep.codeHint')}
        type="text"
        inputMode="text"
        autoComplete="one-time-code"
        maxLength={20}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={problems.fields.code}
      />
      <button type="submit" className="ph-btn ph-btn--block" disabled={step.isPending}>
        {step.isPending ? t('auth.submitting') : t('twoStep.submit')}
      </button>
      <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={props.onBack}>
        {t('twoStep.back')}
      </button>
    </form>
  );
}
