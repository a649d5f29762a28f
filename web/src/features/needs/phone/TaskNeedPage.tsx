// /m/tasks/needs/:id: a request matched to the volunteer — what, when, where (the resident's phone only once they
// accept) — and the answer in one tap: accept, or say why not (the community finds someone else); then, on the
// day, done with how long it took (the hours go to the ledger once staff verify them).
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Details, ErrorNotice, Loading, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { todayInShanghai } from '../../../../../domain/shared/dates.ts';
import { useAnswerNeed, useMyNeed, type MyNeed } from '../api.ts';

const MINUTES = [30, 60, 90, 120, 180];

function Answer({ need, onNotice }: { need: MyNeed; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { accept, decline } = useAnswerNeed(need.id);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const run = async (p: Promise<unknown>, ok: string) => {
    try {
      await p;
      onNotice({ ok: true, text: ok });
      return true;
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
      return false;
    }
  };
  if (!declining)
    return (
      <div>
        <button
          type="button"
          className="ph-btn ph-btn--block"
          disabled={accept.isPending}
          onClick={() => void run(accept.mutateAsync(), t('tasksPhone.accepted'))}
        >
          {t('tasksPhone.accept')}
        </button>
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block"
          style={{ marginTop: '0.6em' }}
          onClick={() => setDeclining(true)}
        >
          {t('tasksPhone.decline')}
        </button>
      </div>
    );
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim().length < 2) {
          onNotice({ ok: false, text: t('tasksPhone.reasonNeeded') });
          return;
        }
        void run(decline.mutateAsync(reason.trim()), t('tasksPhone.declined')).then(
          (ok) => ok && navigate('/m/tasks', { replace: true }),
        );
      }}
    >
      <div className="ph-field">
        <label className="ph-field__label" htmlFor="decline-reason">
          {t('tasksPhone.declineReason')}
        </label>
        <textarea
          id="decline-reason"
          className="ph-input"
          rows={3}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          style={{ resize: 'vertical' }}
        />
      </div>
      <button type="submit" className="ph-btn ph-btn--block" disabled={decline.isPending}>
        {t('tasksPhone.declineSend')}
      </button>
      <button
        type="button"
        className="ph-btn ph-btn--secondary ph-btn--block"
        style={{ marginTop: '0.6em' }}
        onClick={() => setDeclining(false)}
      >
        {t('common.cancel')}
      </button>
    </form>
  );
}

function Done({ need, onNotice }: { need: MyNeed; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const { done } = useAnswerNeed(need.id);
  const [minutes, setMinutes] = useState<number | null>(null);
  const [other, setOther] = useState('');
  const [note, setNote] = useState('');
  const chosen = minutes ?? (other.trim() ? Number(other) : null);
  if (need.preferredDate && need.preferredDate > todayInShanghai()) return <p>{t('tasksPhone.notYet')}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!chosen) {
          onNotice({ ok: false, text: t('tasksPhone.chooseMinutes') });
          return;
        }
        done
          .mutateAsync({ minutes: chosen, note })
          .then(() => onNotice({ ok: true, text: t('tasksPhone.doneOk') }))
          .catch((err: unknown) => onNotice({ ok: false, text: errorText(err, t) }));
      }}
    >
      <div className="ph-field">
        <span className="ph-field__label" id="done-minutes">
          {t('tasksPhone.minutes')}
        </span>
        <div className="ph-row" role="radiogroup" aria-labelledby="done-minutes">
          {MINUTES.map((m) => (
            <button
              key={m}
              type="button"
              role="radio"
              aria-checked={minutes === m}
              className="ph-chip"
              onClick={() => {
                setMinutes(m);
                setOther('');
              }}
            >
              {m < 60 || m % 60 ? t('tasksPhone.minutesShort', { n: m }) : t('tasksPhone.hoursShort', { n: m / 60 })}
            </button>
          ))}
        </div>
      </div>
      <TextField
        label={t('tasksPhone.minutesOther')}
        inputMode="numeric"
        value={other}
        onChange={(e) => {
          setOther(e.target.value.replace(/\D/g, ''));
          setMinutes(null);
        }}
      />
      <TextField label={t('tasksPhone.note')} value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="ph-btn ph-btn--block" disabled={done.isPending}>
        {t('tasksPhone.doneSend')}
      </button>
    </form>
  );
}

export default function TaskNeedPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useMyNeed(id);
  const [notice, setNotice] = useState<Notice>(null);
  const n = q.data;
  const open = n && (n.status === 'matched' || n.status === 'scheduled' || n.status === 'in_progress');
  const when = n?.preferredDate
    ? [n.preferredDate, n.preferredStart && n.preferredEnd ? `${n.preferredStart}–${n.preferredEnd}` : null]
        .filter(Boolean)
        .join(' ')
    : t('tasksPhone.anyTime');
  return (
    <>
      <PageTitle title={t('tasksPhone.needTitle')} back={{ to: '/m/tasks', label: t('tasksPhone.back') }} />
      <NoticeBox notice={notice} />
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {n && (
        <>
          <Card title={t(`needsPhone.cat.${n.category}`)}>
            <p style={{ fontSize: '1.15em' }}>{n.description}</p>
            <Details
              items={[
                { term: t('tasksPhone.who'), value: n.residentName },
                { term: t('tasksPhone.where'), value: n.address },
                ...(n.place ? [{ term: t('tasksPhone.place'), value: n.place }] : []),
                { term: t('tasksPhone.when'), value: when },
                {
                  term: t('tasksPhone.phone'),
                  value: n.residentPhone ? (
                    <a href={`tel:${n.residentPhone}`}>{n.residentPhone}</a>
                  ) : open ? (
                    t('tasksPhone.phoneLater')
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
            <p>
              <strong>{n.answer === 'waiting' ? t('tasksPhone.waiting') : t(`tasksPhone.status.${n.status}`)}</strong>
            </p>
          </Card>
          {open && n.answer === 'waiting' && (
            <Card>
              <Answer need={n} onNotice={setNotice} />
            </Card>
          )}
          {open && n.answer === 'accepted' && (
            <Card title={t('tasksPhone.doneTitle')}>
              <Done need={n} onNotice={setNotice} />
            </Card>
          )}
          {n.doneAt && (
            <Card variant="note">
              <p>
                {t('tasksPhone.doneAt', {
                  date: formatDateTime(n.doneAt, i18n.language).slice(0, 10),
                  minutes: n.minutes ?? 0,
                })}
              </p>
            </Card>
          )}
        </>
      )}
    </>
  );
}
