// /m/recognition: my awarded star, a notice in progress ("★2 in public notice until …"), and whether my
// name may appear on a published commendation list (off until I say yes), and my yearly health check once booked.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Details, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { useMyStar, useSetMyConsent } from '../api.ts';
import { MyHealthCheck } from './MyHealthCheck.tsx';

export default function MyStarPage() {
  const { t } = useTranslation();
  const q = useMyStar();
  const save = useSetMyConsent();
  if (q.isPending) return <Loading />;
  if (q.isError) {
    return (
      <>
        <PageTitle title={t('recPhone.title')} back={{ to: '/m', label: t('recPhone.back') }} />
        {isApiError(q.error) && q.error.status === 404 ? (
          <EmptyState>
            {t('volunteer.notVolunteer')} <Link to="/m/volunteer/register">{t('volunteer.registerLink')}</Link>
          </EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  const s = q.data;
  const publish = s.consent.publish;
  return (
    <>
      <PageTitle title={t('recPhone.title')} back={{ to: '/m', label: t('recPhone.back') }} />
      <Card title={t('recPhone.awarded')}>
        <p className="ph-lead" style={{ fontSize: '1.4em', color: 'inherit' }}>
          {s.awardedLevel > 0 ? (
            <>
              <span aria-hidden="true">{'★'.repeat(s.awardedLevel)} </span>
              {t('recPhone.stars', { n: s.awardedLevel })}
            </>
          ) : (
            t('recPhone.none')
          )}
        </p>
        {s.notice && (
          <p role="status">
            <strong>{t('recPhone.inNotice', { n: s.notice.level, date: s.notice.endsOn })}</strong>
          </p>
        )}
        {!s.notice && s.reachedLevel > s.awardedLevel && <p>{t('recPhone.reached', { n: s.reachedLevel })}</p>}
        <Details
          items={[
            { term: t('recPhone.hours'), value: t('recPhone.hoursValue', { n: s.creditHours }) },
            ...(s.awardedOn ? [{ term: t('recPhone.awarded'), value: s.awardedOn }] : []),
          ]}
        />
      </Card>
      <MyHealthCheck />
      <Card title={t('recPhone.consentTitle')}>
        <p>{t('recPhone.consentLead')}</p>
        <p>
          {t('recPhone.consentNow', { state: publish ? t('recPhone.yes') : t('recPhone.no') })}
          {s.consent.source === 'paper' ? ` ${t('recPhone.paper')}` : ''}
        </p>
        <div className="ph-row" role="radiogroup" aria-label={t('recPhone.consentTitle')}>
          <button
            type="button"
            role="radio"
            aria-checked={publish}
            className="ph-chip"
            disabled={save.isPending}
            onClick={() => save.mutate(true)}
          >
            {t('recPhone.consentOn')}
          </button>
          <button
            type="button"
            role="radio"
            aria-checked={!publish}
            className="ph-chip"
            disabled={save.isPending}
            onClick={() => save.mutate(false)}
          >
            {t('recPhone.consentOff')}
          </button>
        </div>
        {save.isSuccess && <p role="status">{t('recPhone.saved')}</p>}
        {save.isError && <ErrorNotice error={save.error} />}
      </Card>
    </>
  );
}
