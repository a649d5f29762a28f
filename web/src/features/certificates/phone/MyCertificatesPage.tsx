// /m/certificates: the volunteer asks for a certificate of their verified service (all of it, or a period) and
// downloads each one as a PDF. Plain words, large targets; the PDF opens with an ordinary link.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, TextField } from '../../../shared/phone-ui/parts.tsx';
import { isApiError, problemsByField } from '../../../shared/api/errors.ts';
import { errorText } from '../../../shared/api/errorText.ts';
import { myPdfHref, useMyCertificates, useRequestCertificate } from '../api.ts';

export default function MyCertificatesPage() {
  const { t } = useTranslation();
  const q = useMyCertificates();
  const ask = useRequestCertificate();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const back = { to: '/m', label: t('common.back') };
  const error = ask.error;
  const fields = isApiError(error) ? problemsByField(error.fields) : new Map<string, string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    ask.mutate({ from: from || undefined, to: to || undefined }, { onSuccess: (c) => setDone(c.number) });
  };

  if (q.isPending)
    return (
      <>
        <PageTitle title={t('certPhone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    const notVolunteer = isApiError(q.error) && q.error.code === 'not_found';
    return (
      <>
        <PageTitle title={t('certPhone.title')} back={back} />
        {notVolunteer ? (
          <EmptyState>{t('certPhone.notVolunteer')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('certPhone.title')} back={back} />
      <Card variant="note">
        <p>{t('certPhone.explain')}</p>
      </Card>
      <Card title={t('certPhone.request')}>
        <form onSubmit={submit} noValidate>
          <TextField
            type="date"
            label={t('certPhone.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            error={fields.get('from') ?? null}
          />
          <TextField
            type="date"
            label={t('certPhone.to')}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={fields.get('to') ?? null}
          />
          {error && !(isApiError(error) && error.fields.length) ? (
            <p role="alert" className="ph-alert ph-alert--error">
              {errorText(error, t)}
            </p>
          ) : null}
          {done && (
            <p role="status" className="ph-alert">
              {t('certPhone.issued', { number: done })}
            </p>
          )}
          <div className="ph-actions">
            <button type="submit" className="ph-btn" disabled={ask.isPending}>
              {ask.isPending ? t('certPhone.requesting') : t('certPhone.request')}
            </button>
          </div>
        </form>
      </Card>
      <h2 style={{ fontSize: '1.1em' }}>{t('certPhone.list')}</h2>
      {q.data.length === 0 ? (
        <EmptyState>{t('certPhone.empty')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('certPhone.list')}>
          {q.data.map((c) => (
            <li key={c.id} className="ph-entry">
              <strong>{t('certPhone.number', { number: c.number })}</strong> · {t(`certPhone.status.${c.status}`)}
              <br />
              {t('certPhone.period', { from: c.periodFrom, to: c.periodTo })}
              <br />
              {t('certPhone.hours', { n: c.serviceHours })}
              {c.status === 'revoked' ? (
                <>
                  <br />
                  {t('certPhone.revokedWhy', { reason: c.revokeReason ?? '' })}
                </>
              ) : (
                <div className="ph-actions">
                  <a className="ph-btn ph-btn--secondary" href={myPdfHref(c.id)} download={`${c.number}.pdf`}>
                    {t('certPhone.download', { number: c.number })}
                  </a>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
