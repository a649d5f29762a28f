// /m/points: the volunteer's points — what they can spend, the rule, each earning, reversal and redemption,
// and what they took home from the love supermarket.
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, Stats } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { useMyPoints } from '../api.ts';

export default function MyPointsPage() {
  const { t } = useTranslation();
  const q = useMyPoints();
  const back = { to: '/m', label: t('common.back') };
  if (q.isPending)
    return (
      <>
        <PageTitle title={t('pointsPhone.title')} back={back} />
        <Loading />
      </>
    );
  if (q.isError) {
    const notVolunteer = isApiError(q.error) && q.error.code === 'not_found';
    return (
      <>
        <PageTitle title={t('pointsPhone.title')} back={back} />
        {notVolunteer ? (
          <EmptyState>{t('pointsPhone.notVolunteer')}</EmptyState>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </>
    );
  }
  const a = q.data;
  const rule = [
    t('pointsPhone.rule', { rate: a.rule.pointsPerHour }),
    ...(a.rule.dailyCap !== null ? [t('pointsPhone.dailyCap', { n: a.rule.dailyCap })] : []),
    ...(a.rule.totalCap !== null ? [t('pointsPhone.totalCap', { n: a.rule.totalCap })] : []),
  ].join('，');
  return (
    <>
      <PageTitle title={t('pointsPhone.title')} back={back} />
      <Card>
        <Stats
          label={t('pointsPhone.title')}
          items={[
            { label: t('pointsPhone.balance'), value: a.balance },
            { label: t('pointsPhone.earned'), value: a.earned },
            ...(a.debt > 0 ? [{ label: t('pointsPhone.debt'), value: a.debt }] : []),
          ]}
        />
        <p>{rule}</p>
        <p>{t('pointsPhone.explain')}</p>
      </Card>
      <h2 style={{ fontSize: '1.1em' }}>{t('pointsPhone.redemptions')}</h2>
      {a.redemptions.length === 0 ? (
        <EmptyState>{t('pointsPhone.noRedemptions')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('pointsPhone.redemptions')}>
          {a.redemptions.map((r) => (
            <li key={r.id} className="ph-entry">
              <strong>{r.createdAt.slice(0, 10)}</strong> · {t('pointsPhone.points', { n: -r.points })}
              <br />
              {r.lines.map((l) => `${l.name} × ${l.quantity}`).join('、')}
              <br />
              {t('pointsPhone.handledBy', { name: r.handledByName })}
            </li>
          ))}
        </ul>
      )}
      <h2 style={{ fontSize: '1.1em' }}>{t('pointsPhone.history')}</h2>
      {a.history.length === 0 ? (
        <EmptyState>{t('pointsPhone.empty')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('pointsPhone.history')}>
          {a.history.map((h) => (
            <li key={h.id} className="ph-entry">
              <strong>{t(`pointsPhone.kind.${h.kind}`)}</strong> ·{' '}
              {t('pointsPhone.points', { n: h.points > 0 ? `+${h.points}` : h.points })}
              <br />
              {h.serviceDate ? t('pointsPhone.serviceOf', { date: h.serviceDate }) : h.note}
              {h.shortfall > 0 ? (
                <>
                  <br />
                  {t('pointsPhone.shortfall', { n: h.shortfall })}
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
