// /m/hours: the volunteer's own service record — star level, verified hours, hours waiting for verification,
// honour hours kept apart, what the next star needs, and each entry with its status. Plain words, large text.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, Stats } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { hoursText, useMyHours, type EntryView } from '../api.ts';
import { DisputeForm, MyDisputes } from './Dispute.tsx';

function Stars({ level }: { level: number }) {
  const { t } = useTranslation();
  // The stars are drawn for the eye; the words are what a screen reader says.
  return (
    <p>
      <span aria-hidden="true" style={{ color: '#b25e00', fontSize: '1.6em', letterSpacing: 2 }}>
        {'★'.repeat(level)}
        {'☆'.repeat(5 - level)}
      </span>
      <span className="ph-sr-only">{t('hoursPhone.starWords', { count: level })}</span>
    </p>
  );
}

/** Which status word an entry shows: a corrected entry no longer counts, honour hours are not service. */
function statusKey(e: EntryView) {
  if (e.correctedBy) return 'corrected' as const;
  if (e.kind === 'honour') return 'honour' as const;
  return e.status;
}

export default function MyHoursPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useMyHours(page);
  const [disputing, setDisputing] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const back = { to: '/m', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('hoursPhone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    const notVolunteer = isApiError(q.error) && q.error.code === 'not_found';
    return (
      <>
        <PageTitle title={t('hoursPhone.title')} back={back} />
        {notVolunteer ? (
          <EmptyState>{t('hoursPhone.notVolunteer')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  const { summary: s, entries } = q.data;
  const pages = Math.max(1, Math.ceil(entries.total / entries.pageSize));
  return (
    <>
      <PageTitle title={t('hoursPhone.title')} back={back} />
      <Card title={s.starLevel > 0 ? t('hoursPhone.starTitle', { count: s.starLevel }) : t('hoursPhone.noStar')}>
        <Stars level={s.starLevel} />
        <p>
          {s.hoursToNextStar === null
            ? t('hoursPhone.topStar')
            : t('hoursPhone.toNext', { hours: s.hoursToNextStar, next: s.starLevel + 1 })}
        </p>
        <Stats
          label={t('hoursPhone.title')}
          items={[
            { label: t('hoursPhone.credit'), value: t('hoursPhone.hours', { n: s.creditHours }) },
            { label: t('hoursPhone.pending'), value: t('hoursPhone.hours', { n: s.pendingHours }) },
            { label: t('hoursPhone.honour'), value: t('hoursPhone.hours', { n: s.honourHours }) },
          ]}
        />
        <p>{t('hoursPhone.explain')}</p>
      </Card>
      <Card title={t('selfPhone.recordTitle')}>
        <p>{t('selfPhone.recordHelp')}</p>
        <div className="ph-row">
          <a className="ph-btn ph-btn--secondary" href="/api/hours/mine/record.pdf" download>
            {t('selfPhone.recordPdf')}
          </a>
          <a className="ph-btn ph-btn--secondary" href="/api/hours/mine/record.xlsx" download>
            {t('selfPhone.recordXlsx')}
          </a>
        </div>
      </Card>
      <h2 style={{ fontSize: '1.1em' }}>{t('hoursPhone.entries')}</h2>
      {entries.items.length === 0 ? (
        <EmptyState>{t('hoursPhone.empty')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('hoursPhone.entries')}>
          {entries.items.map((e) => (
            <li key={e.id} className="ph-entry">
              <strong>{e.serviceDate}</strong> · {e.description}
              <br />
              {t('hoursPhone.hours', { n: hoursText(e.minutes) })} · {t(`hoursPhone.status.${statusKey(e)}`)}
              {e.correctsId && e.note ? (
                <>
                  <br />
                  {t('hoursPhone.correctedWhy', { reason: e.note })}
                </>
              ) : null}
              {!e.correctedBy &&
                e.kind === 'credit' &&
                (disputing === e.id ? (
                  <DisputeForm
                    entryId={e.id}
                    onDone={() => {
                      setDisputing(null);
                      setSent(true);
                    }}
                    onCancel={() => setDisputing(null)}
                  />
                ) : (
                  <button
                    type="button"
                    className="ph-btn ph-btn--secondary"
                    onClick={() => {
                      setSent(false);
                      setDisputing(e.id);
                    }}
                  >
                    {t('hoursPhone.disputeButton')}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
      {sent && (
        <div className="ph-alert ph-alert--ok" role="status">
          <span className="ph-alert__icon" aria-hidden="true">
            ✓
          </span>
          <div className="ph-alert__body">
            <p>{t('hoursPhone.disputeSent')}</p>
          </div>
        </div>
      )}
      {disputing === 'missing' ? (
        <DisputeForm
          onDone={() => {
            setDisputing(null);
            setSent(true);
          }}
          onCancel={() => setDisputing(null)}
        />
      ) : (
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block"
          onClick={() => {
            setSent(false);
            setDisputing('missing');
          }}
        >
          {t('hoursPhone.disputeMissing')}
        </button>
      )}
      <MyDisputes />
      {pages > 1 && (
        <div className="ph-actions">
          <button
            type="button"
            className="ph-btn ph-btn--secondary"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {t('hoursPhone.prev')}
          </button>
          <span>{t('hoursPhone.page', { page, pages })}</span>
          <button
            type="button"
            className="ph-btn ph-btn--secondary"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            {t('hoursPhone.next')}
          </button>
        </div>
      )}
    </>
  );
}
