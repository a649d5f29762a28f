// /m/needs 我要求助: a resident or a family member asks for help — for whom, what kind, in their words, and
// when suits — and follows their requests below (我的求助), rating the done ones. Plain words, big buttons.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useAskHelp, usePeople, type MyNewNeed, type SkillCategory } from '../api.ts';
import { CategoryChoice } from './CategoryChoice.tsx';
import { MyNeedsList } from './MyNeedsList.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { addDays, todayInShanghai } from '../../../../../domain/shared/dates.ts';

const DAYS = { any: null, today: 0, tomorrow: 1, after: 2 } as const;
const PARTS = {
  any: null,
  morning: ['09:00', '12:00'],
  afternoon: ['14:00', '17:00'],
  evening: ['18:00', '20:00'],
} as const;
type Day = keyof typeof DAYS;
type Part = keyof typeof PARTS;

/** A row of big one-choice buttons. */
function Choice<K extends string>({
  label,
  options,
  value,
  onChange,
  text,
}: {
  label: string;
  options: readonly K[];
  value: K;
  onChange: (k: K) => void;
  text: (k: K) => string;
}) {
  return (
    <div role="radiogroup" aria-label={label} className="ph-row" style={{ marginBottom: '0.8em' }}>
      {options.map((k) => (
        <button
          key={k}
          type="button"
          role="radio"
          aria-checked={value === k}
          className="ph-chip"
          onClick={() => onChange(k)}
        >
          <span aria-hidden="true">{value === k ? '●' : '○'}</span> {text(k)}
        </button>
      ))}
    </div>
  );
}

export default function AskHelpPage() {
  const { t } = useTranslation();
  const people = usePeople();
  const ask = useAskHelp();
  const [personId, setPersonId] = useState<string | null>(null);
  const [category, setCategory] = useState<SkillCategory | null>(null);
  const [description, setDescription] = useState('');
  const [day, setDay] = useState<Day>('any');
  const [part, setPart] = useState<Part>('any');
  const [urgent, setUrgent] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const busy = ask.isPending;
  const list = people.data ?? [];
  const residentId = personId ?? list[0]?.id ?? null;
  const showNotice = (n: Notice) => {
    setNotice(n);
    window.scrollTo({ top: 0 });
  };

  const submit = async () => {
    if (!category) {
      setProblem(t('needsPhone.chooseCategory'));
      return;
    }
    if (description.trim().length < 2) {
      setProblem(t('needsPhone.tooShort'));
      return;
    }
    if (!residentId) return;
    setProblem(null);
    const offset = DAYS[day];
    const window_ = offset === null ? null : PARTS[part];
    const body: MyNewNeed = {
      residentId,
      category,
      description: description.trim(),
      urgency: urgent ? 'urgent' : 'normal',
      ...(offset !== null ? { preferredDate: addDays(todayInShanghai(), offset) } : {}),
      ...(window_ ? { preferredStart: window_[0], preferredEnd: window_[1] } : {}),
    };
    try {
      await ask.mutateAsync(body);
      showNotice({ ok: true, text: t('needsPhone.sent') });
      setCategory(null);
      setDescription('');
      setDay('any');
      setPart('any');
      setUrgent(false);
    } catch (e) {
      showNotice({ ok: false, text: errorText(e, t) });
    }
  };

  return (
    <>
      <PageTitle title={t('needsPhone.title')} back={{ to: '/m', label: t('common.home') }} />
      <p className="ph-lead">{t('needsPhone.lead')}</p>
      <Card variant="note">
        <p>
          <strong>{t('needsPhone.emergency')}</strong>
        </p>
      </Card>
      <NoticeBox notice={notice} />
      {people.isPending && <Loading />}
      {people.isError && <ErrorNotice error={people.error} onRetry={() => void people.refetch()} />}
      {people.isSuccess && list.length === 0 && (
        <Card variant="note">
          <p>{t('needsPhone.noPeople')}</p>
        </Card>
      )}
      {list.length > 0 && (
        <>
          <Card title={t('needsPhone.stepWho')}>
            <Choice
              label={t('needsPhone.stepWho')}
              options={list.map((p) => p.id)}
              value={residentId ?? ''}
              onChange={setPersonId}
              text={(id) => {
                const p = list.find((x) => x.id === id)!;
                return `${p.name}（${p.relation === 'self' ? t('needsPhone.me') : t('needsPhone.family')}）`;
              }}
            />
          </Card>
          <Card title={t('needsPhone.stepWhat')}>
            <CategoryChoice
              label={t('needsPhone.stepWhat')}
              value={category}
              onChange={(c) => {
                setCategory(c);
                setProblem(null);
              }}
            />
          </Card>
          <Card title={t('needsPhone.stepSay')}>
            <div className="ph-field">
              <label className="ph-field__label" htmlFor="need-text">
                {t('needsPhone.description')}
              </label>
              <span className="ph-field__hint" id="need-text-hint">
                {t('needsPhone.descriptionHint')}
              </span>
              <textarea
                id="need-text"
                className="ph-input"
                rows={3}
                maxLength={500}
                aria-describedby="need-text-hint"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                style={{ resize: 'vertical' }}
              />
            </div>
            <label style={{ display: 'flex', alignItems: 'center', gap: '0.6em', minHeight: 'var(--ph-tap)' }}>
              <input
                type="checkbox"
                checked={urgent}
                onChange={(e) => setUrgent(e.target.checked)}
                style={{ width: '1.5em', height: '1.5em', flex: 'none' }}
              />
              {t('needsPhone.urgent')}
            </label>
          </Card>
          <Card title={t('needsPhone.stepWhen')}>
            <p className="ph-field__label">{t('needsPhone.dayLabel')}</p>
            <Choice
              label={t('needsPhone.dayLabel')}
              options={Object.keys(DAYS) as Day[]}
              value={day}
              onChange={setDay}
              text={(d) => t(`needsPhone.day.${d}`)}
            />
            {day !== 'any' && (
              <>
                <p className="ph-field__label">{t('needsPhone.partLabel')}</p>
                <Choice
                  label={t('needsPhone.partLabel')}
                  options={Object.keys(PARTS) as Part[]}
                  value={part}
                  onChange={setPart}
                  text={(p) => t(`needsPhone.part.${p}`)}
                />
              </>
            )}
          </Card>
          {problem && (
            <div className="ph-alert ph-alert--error" role="alert">
              <span className="ph-alert__icon" aria-hidden="true">
                ⚠
              </span>
              <div className="ph-alert__body">
                <p>{problem}</p>
              </div>
            </div>
          )}
          <button
            type="button"
            className="ph-btn ph-btn--block"
            disabled={busy}
            onClick={() => void submit()}
            style={{ marginBottom: '0.9em' }}
          >
            {busy ? t('needsPhone.sending') : t('needsPhone.submit')}
          </button>
        </>
      )}
      <MyNeedsList onNotice={showNotice} />
    </>
  );
}
