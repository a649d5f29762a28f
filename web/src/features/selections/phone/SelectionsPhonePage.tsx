// /m/selections 社区评选: the selections taking nominations or votes today. A resident reads each nominee's reason,
// votes once (the button says so, and a second vote is refused in words), or nominates someone with a reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useMySelections, useVote, type PhoneSelection } from '../api.ts';

function Nominate({ s, onNotice }: { s: PhoneSelection; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const { nominate } = useVote();
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const send = () =>
    nominate.mutateAsync({ id: s.id, name: name.trim(), reason: reason.trim() }).then(
      () => {
        setName('');
        setReason('');
        onNotice({ ok: true, text: t('selPhone.nominated') });
      },
      (e) => onNotice({ ok: false, text: errorText(e, t) }),
    );
  return (
    <div>
      <div className="ph-field">
        <label className="ph-field__label" htmlFor={`nom-name-${s.id}`}>
          {t('selPhone.nomineeName')}
        </label>
        <input
          id={`nom-name-${s.id}`}
          className="ph-input"
          value={name}
          maxLength={40}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="ph-field">
        <label className="ph-field__label" htmlFor={`nom-reason-${s.id}`}>
          {t('selPhone.reason')}
        </label>
        <textarea
          id={`nom-reason-${s.id}`}
          className="ph-input"
          rows={3}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="ph-btn ph-btn--secondary ph-btn--block"
        disabled={!name.trim() || !reason.trim() || nominate.isPending}
        onClick={() => void send()}
      >
        {t('selPhone.nominate')}
      </button>
    </div>
  );
}

export default function SelectionsPhonePage() {
  const { t } = useTranslation();
  const list = useMySelections();
  const { vote } = useVote();
  const [notice, setNotice] = useState<Notice>(null);
  const cast = (s: PhoneSelection, nomineeId: string, name: string) =>
    vote.mutateAsync({ id: s.id, nomineeId }).then(
      () => setNotice({ ok: true, text: t('selPhone.voted', { name }) }),
      (e) => setNotice({ ok: false, text: errorText(e, t) }),
    );
  return (
    <>
      <PageTitle title={t('selPhone.title')} back={{ to: '/m', label: t('selPhone.back') }} />
      <p className="ph-lead">{t('selPhone.lead')}</p>
      <NoticeBox notice={notice} />
      {list.isPending && <Loading />}
      {list.isError && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.length === 0 && <EmptyState>{t('selPhone.empty')}</EmptyState>}
      {list.data?.map((s) => (
        <Card key={s.id} title={s.title}>
          <p>
            {s.voting
              ? t('selPhone.voteWindow', { from: s.voteFrom, to: s.voteTo })
              : t('selPhone.nominateWindow', { from: s.nominateFrom, to: s.nominateTo })}
          </p>
          {s.voting && s.myVote && <p role="status">{t('selPhone.alreadyVoted')}</p>}
          <ul className="ph-list" aria-label={t('selPhone.ballot')}>
            {s.ballot.map((n) => (
              <li key={n.id} style={{ marginBottom: '1em' }}>
                <strong>{n.name}</strong>
                {s.myVote === n.id && <span> ✓ {t('selPhone.myChoice')}</span>}
                <p>{n.reason}</p>
                {s.voting && (
                  <button
                    type="button"
                    className="ph-btn ph-btn--block"
                    disabled={vote.isPending}
                    onClick={() => void cast(s, n.id, n.name)}
                  >
                    {t('selPhone.voteFor', { name: n.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {s.nominating && (
            <>
              <h3>{t('selPhone.nominateTitle')}</h3>
              <Nominate s={s} onNotice={setNotice} />
            </>
          )}
        </Card>
      ))}
    </>
  );
}
