// /m/volunteer/register — public, step by step: phone check, about you (guardian under 18), a skill, consent.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../../shared/phone-ui/PhoneFrame.tsx';
import { Card, ErrorNotice, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { PhoneCodeFields } from './PhoneCodeFields.tsx';
import { isApiError, problemsByField } from '../../../shared/api/errors.ts';
import { SKILLS } from '../../../../../domain/volunteers/skills.ts';
import { ageOn, todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { useRegisterVolunteer, useSendRegistrationCode, volunteersApi } from '../api.ts';

function Choice({
  label,
  value,
  onChange,
  options,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="ph-field">
      <label className="ph-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="ph-select"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && <span className="ph-field__error">{error}</span>}
    </div>
  );
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState(1);
  const [communities, setCommunities] = useState<{ id: string; name: string }[]>([]);
  const [f, setF] = useState({
    communityId: '',
    phone: '',
    code: '',
    name: '',
    gender: 'female',
    birthDate: '',
    idNumber: '',
    fitness: 'good',
    politicalStatus: 'masses',
    recruitedVia: 'self',
    skill: '',
    level: 'basic',
    licenceNo: '',
    licenceExpiresOn: '',
    guardianName: '',
    guardianPhone: '',
    guardianRelation: 'mother',
    consent: false,
  });
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const codeSend = useSendRegistrationCode();
  const registration = useRegisterVolunteer();
  const busy = codeSend.isPending || registration.isPending;
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof f) => (v: string | boolean) => setF((x) => ({ ...x, [k]: v }));
  useEffect(() => {
    void volunteersApi.communities().then((c) => {
      setCommunities(c);
      setF((x) => ({ ...x, communityId: x.communityId || c[0]?.id || '' }));
    }, setError);
  }, []);

  const fieldErrors = isApiError(error) ? problemsByField(error.fields) : new Map<string, string>();
  const err = (k: string) => fieldErrors.get(k) ?? null;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(f.birthDate);
  const minor = validDate && ageOn(f.birthDate, todayInShanghai()) < 18;
  const skillDef = SKILLS.find((s) => s.code === f.skill);
  const total = 4;

  const sendCode = () => {
    setError(null);
    codeSend.mutate(f.phone, { onSuccess: () => setSent(true), onError: setError });
  };
  const submit = () => {
    setError(null);
    registration.mutate(
      {
        communityId: f.communityId,
        code: f.code,
        name: f.name,
        gender: f.gender,
        birthDate: f.birthDate,
        phone: f.phone,
        idNumber: f.idNumber,
        fitness: f.fitness,
        politicalStatus: f.politicalStatus,
        recruitedVia: f.recruitedVia,
        consent: f.consent,
        skills: f.skill
          ? [
              {
                code: f.skill,
                level: f.level,
                licenceNo: f.licenceNo || null,
                licenceExpiresOn: f.licenceExpiresOn || null,
              },
            ]
          : [],
        guardian: minor ? { name: f.guardianName, phone: f.guardianPhone, relation: f.guardianRelation } : null,
      },
      { onSuccess: () => setDone(true), onError: setError },
    );
  };

  let body: ReactNode;
  if (done) {
    body = (
      <Card title={t('volunteer.doneTitle')}>
        <p role="status">{t('volunteer.doneBody')}</p>
        {minor && <p>{t('volunteer.doneGuardian', { phone: f.guardianPhone })}</p>}
        <Link className="ph-btn ph-btn--block" to="/sign-in">
          {t('volunteer.toSignIn')}
        </Link>
      </Card>
    );
  } else {
    const titles = [
      t('volunteer.stepPhone'),
      t('volunteer.stepPerson'),
      t('volunteer.stepMore'),
      t('volunteer.stepConsent'),
    ];
    body = (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (step < total) setStep(step + 1);
          else submit();
        }}
      >
        <p className="ph-lead">{t('volunteer.step', { n: step, total })}</p>
        <Card title={titles[step - 1]}>
          {step === 1 && (
            <>
              <Choice
                label={t('volunteer.community')}
                value={f.communityId}
                onChange={set('communityId')}
                options={communities.map((c) => ({ value: c.id, label: c.name }))}
              />
              <PhoneCodeFields
                phone={f.phone}
                code={f.code}
                onPhone={set('phone')}
                onCode={set('code')}
                phoneError={err('phone')}
                codeError={err('code')}
                busy={busy}
                sent={sent}
                onSend={sendCode}
                labels={{
                  phone: t('volunteer.phone'),
                  sendCode: t('volunteer.sendCode'),
                  sent: t('volunteer.codeSent'),
                  code: t('volunteer.code'),
                }}
              />
            </>
          )}
          {step === 2 && (
            <>
              <TextField
                label={t('volunteer.name')}
                required
                value={f.name}
                onChange={(e) => set('name')(e.target.value)}
                error={err('name')}
              />
              <Choice
                label={t('volunteer.gender')}
                value={f.gender}
                onChange={set('gender')}
                options={[
                  { value: 'female', label: t('gender.female') },
                  { value: 'male', label: t('gender.male') },
                ]}
              />
              <TextField
                label={t('volunteer.birthDate')}
                hint={t('volunteer.birthDateHint')}
                required
                value={f.birthDate}
                onChange={(e) => set('birthDate')(e.target.value)}
                error={err('birthDate')}
              />
              <TextField
                label={t('volunteer.idNumber')}
                required
                maxLength={18}
                value={f.idNumber}
                onChange={(e) => set('idNumber')(e.target.value.toUpperCase())}
                error={err('idNumber')}
              />
              <Choice
                label={t('volunteer.fitness')}
                value={f.fitness}
                onChange={set('fitness')}
                options={[
                  { value: 'good', label: t('volunteer.fitnessGood') },
                  { value: 'fair', label: t('volunteer.fitnessFair') },
                  { value: 'limited', label: t('volunteer.fitnessLimited') },
                ]}
              />
              <Choice
                label={t('volunteer.political')}
                value={f.politicalStatus}
                onChange={set('politicalStatus')}
                options={(['masses', 'party_member', 'league_member'] as const).map((p) => ({
                  value: p,
                  label: t(`volunteer.${p}`),
                }))}
              />
              <Choice
                label={t('volunteer.recruited')}
                value={f.recruitedVia}
                onChange={set('recruitedVia')}
                options={(
                  [
                    'self',
                    'residents_committee',
                    'youth_league',
                    'womens_federation',
                    'elderly_association',
                    'disabled_association',
                    'unit',
                    'party',
                  ] as const
                ).map((r) => ({ value: r, label: t(`volunteer.recruitedOptions.${r}`) }))}
              />
              {minor && (
                <fieldset className="ph-card ph-card--note">
                  <legend>{t('volunteer.guardianTitle')}</legend>
                  <p>{t('volunteer.guardianLead')}</p>
                  <TextField
                    label={t('volunteer.guardianName')}
                    required
                    value={f.guardianName}
                    onChange={(e) => set('guardianName')(e.target.value)}
                    error={err('guardian.name') ?? err('guardian')}
                  />
                  <TextField
                    label={t('volunteer.guardianPhone')}
                    inputMode="tel"
                    required
                    value={f.guardianPhone}
                    onChange={(e) => set('guardianPhone')(e.target.value)}
                    error={err('guardian.phone')}
                  />
                  <Choice
                    label={t('volunteer.guardianRelation')}
                    value={f.guardianRelation}
                    onChange={set('guardianRelation')}
                    options={(['mother', 'father', 'grandparent', 'other'] as const).map((r) => ({
                      value: r,
                      label: t(`volunteer.relationOptions.${r}`),
                    }))}
                  />
                </fieldset>
              )}
            </>
          )}
          {step === 3 && (
            <>
              <Choice
                label={t('volunteer.skill')}
                value={f.skill}
                onChange={set('skill')}
                options={[
                  { value: '', label: t('volunteer.skillNone') },
                  ...SKILLS.map((s) => ({ value: s.code, label: s.zh })),
                ]}
              />
              {f.skill && (
                <Choice
                  label={t('volunteer.skillLevel')}
                  value={f.level}
                  onChange={set('level')}
                  options={[
                    { value: 'basic', label: t('volunteer.levelBasic') },
                    { value: 'skilled', label: t('volunteer.levelSkilled') },
                    { value: 'expert', label: t('volunteer.levelExpert') },
                  ]}
                />
              )}
              {skillDef?.licensed && (
                <>
                  <TextField
                    label={t('volunteer.licenceNo')}
                    required
                    value={f.licenceNo}
                    onChange={(e) => set('licenceNo')(e.target.value)}
                    error={err('skills.0.licenceNo')}
                  />
                  <TextField
                    label={t('volunteer.licenceExpiresOn')}
                    hint={t('volunteer.birthDateHint')}
                    required
                    value={f.licenceExpiresOn}
                    onChange={(e) => set('licenceExpiresOn')(e.target.value)}
                    error={err('skills.0.licenceExpiresOn')}
                  />
                </>
              )}
            </>
          )}
          {step === 4 && (
            <label className="ph-row" style={{ alignItems: 'flex-start', gap: '0.6em' }}>
              <input
                type="checkbox"
                checked={f.consent}
                onChange={(e) => set('consent')(e.target.checked)}
                style={{ width: 32, height: 32, flex: 'none' }}
              />
              <span>{t('volunteer.consentText')}</span>
            </label>
          )}
        </Card>
        {error != null && <ErrorNotice error={error} />}
        {fieldErrors.size > 0 && (
          <ul role="alert">
            {[...fieldErrors].map(([k, m]) => (
              <li key={k}>{m}</li>
            ))}
          </ul>
        )}
        <div className="ph-row">
          {step > 1 && (
            <button type="button" className="ph-btn ph-btn--secondary" onClick={() => setStep(step - 1)}>
              {t('volunteer.back')}
            </button>
          )}
          <button type="submit" className="ph-btn" disabled={busy || (step === 4 && !f.consent)}>
            {step < total ? t('volunteer.next') : t('volunteer.submit')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <PhoneFrame homeTo="/sign-in">
      <PageTitle title={t('volunteer.registerTitle')} back={{ to: '/sign-in', label: t('volunteer.back') }} />
      {!done && <p className="ph-lead">{t('volunteer.registerLead')}</p>}
      {body}
    </PhoneFrame>
  );
}
