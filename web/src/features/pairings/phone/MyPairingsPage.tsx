// /m/pairings: the volunteer's own three-fixed pairings — whom, where, when next, what is due or was missed —
// and logging a visit in a few taps: the day (today, yesterday or another), how long, an optional note.
// Plain HTML on phone.css: large text, full-size tap targets, works in elder mode.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Card,
  Details,
  EmptyState,
  ErrorNotice,
  Loading,
  PageTitle,
  TextField,
} from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { addDays, todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { useLogMyVisit, useMyPairings, type Scheduled } from '../api.ts';
import { describeRule } from '../rule.ts';

const MINUTES = [15, 30, 45, 60, 90, 120];

function Choice<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="ph-field">
      <span className="ph-field__label" id={id}>
        {label}
      </span>
      <div className="ph-row" role="radiogroup" aria-labelledby={id}>
        {options.map((o) => (
          <button
            key={String(o.value)}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            className="ph-chip"
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function LogVisit({
  pairing,
  onDone,
  onCancel,
}: {
  pairing: Scheduled;
  onDone: (date: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const today = todayInShanghai();
  const [day, setDay] = useState<'today' | 'yesterday' | 'other'>('today');
  const [other, setOther] = useState(pairing.due.find((d) => d < today) ?? addDays(today, -2));
  const [minutes, setMinutes] = useState(60);
  const [notes, setNotes] = useState('');
  const date = day === 'today' ? today : day === 'yesterday' ? addDays(today, -1) : other;
  const save = useLogMyVisit(pairing.id);
  const fieldError = isApiError(save.error)
    ? (save.error.fields.find((f) => f.field === 'visitedOn')?.message ?? null)
    : null;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ visitedOn: date, minutes, notes: notes.trim() || null }, { onSuccess: () => onDone(date) });
      }}
      aria-label={t('pairPhone.logFor', { name: pairing.residentName })}
    >
      <Choice
        label={t('pairPhone.date')}
        value={day}
        onChange={setDay}
        options={[
          { value: 'today', label: t('pairPhone.today') },
          { value: 'yesterday', label: t('pairPhone.yesterday') },
          { value: 'other', label: t('pairPhone.otherDay') },
        ]}
      />
      {day === 'other' && (
        <TextField
          label={t('pairPhone.date')}
          type="date"
          value={other}
          max={today}
          onChange={(e) => setOther(e.target.value)}
          error={fieldError}
        />
      )}
      <Choice
        label={t('pairPhone.minutes')}
        value={minutes}
        onChange={setMinutes}
        options={MINUTES.map((m) => ({ value: m, label: t('pairPhone.minutesShort', { count: m }) }))}
      />
      <TextField
        label={t('pairPhone.notes')}
        hint={t('pairPhone.notesHint')}
        value={notes}
        maxLength={500}
        onChange={(e) => setNotes(e.target.value)}
      />
      {save.isError && <ErrorNotice error={save.error} />}
      <div className="ph-actions">
        <button type="submit" className="ph-btn ph-btn--block" disabled={save.isPending}>
          {save.isPending ? t('pairPhone.saving') : t('pairPhone.submit')}
        </button>
        <button type="button" className="ph-btn ph-btn--secondary ph-btn--block" onClick={onCancel}>
          {t('pairPhone.cancel')}
        </button>
      </div>
    </form>
  );
}

function PairingCard({ p }: { p: Scheduled }) {
  const { t } = useTranslation();
  const [logging, setLogging] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const sep = t('pairPhone.rule.sep');
  return (
    <Card title={`${t(`pairPhone.items.${p.item}`)} · ${p.residentName}`}>
      <Details
        items={[
          { term: t('pairPhone.resident'), value: `${p.residentName}（${p.residentAddress}）` },
          { term: t('pairPhone.where'), value: p.place },
          { term: t('pairPhone.when'), value: describeRule(p.rrule, t) },
        ]}
      />
      {p.due.length > 0 && (
        <p>
          <strong>{t('pairPhone.due', { dates: p.due.join(sep) })}</strong>
        </p>
      )}
      <p>{t('pairPhone.next', { dates: p.next.length ? p.next.join(sep) : t('pairPhone.none') })}</p>
      <p>
        {p.missed.length
          ? t('pairPhone.missed', { count: p.missed.length, dates: p.missed.join(sep) })
          : t('pairPhone.missedNone')}
      </p>
      {saved && (
        <div className="ph-alert ph-alert--ok" role="status">
          <span className="ph-alert__icon" aria-hidden="true">
            ✓
          </span>
          <div className="ph-alert__body">
            <p>{t('pairPhone.saved', { date: saved })}</p>
          </div>
        </div>
      )}
      {logging ? (
        <LogVisit
          pairing={p}
          onDone={(d) => {
            setSaved(d);
            setLogging(false);
          }}
          onCancel={() => setLogging(false)}
        />
      ) : (
        <button
          type="button"
          className="ph-btn ph-btn--block"
          onClick={() => {
            setSaved(null);
            setLogging(true);
          }}
        >
          {t('pairPhone.logFor', { name: p.residentName })}
        </button>
      )}
      <h3 style={{ fontSize: '1em' }}>{t('pairPhone.lastVisits')}</h3>
      {p.visits.length === 0 ? (
        <p>{t('pairPhone.noVisits')}</p>
      ) : (
        <ul className="ph-list" aria-label={t('pairPhone.lastVisits')}>
          {p.visits.map((v) => (
            <li key={v.id} className="ph-contact">
              {v.visitedOn} · {t('pairPhone.minutesShort', { count: v.minutes })}
              {v.notes ? ` · ${v.notes}` : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export default function MyPairingsPage() {
  const { t } = useTranslation();
  const q = useMyPairings();
  const back = { to: '/m', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('pairPhone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    const notVolunteer = isApiError(q.error) && q.error.code === 'not_found';
    return (
      <>
        <PageTitle title={t('pairPhone.title')} back={back} />
        {notVolunteer ? (
          <EmptyState>{t('pairPhone.notVolunteer')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('pairPhone.title')} back={back} />
      <p className="ph-lead">{t('pairPhone.lead')}</p>
      {q.data.length === 0 ? (
        <EmptyState>{t('pairPhone.empty')}</EmptyState>
      ) : (
        q.data.map((p) => <PairingCard key={p.id} p={p} />)
      )}
    </>
  );
}
