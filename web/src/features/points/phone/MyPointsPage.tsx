// /m/points: the volunteer's points — what they can spend, the rule, each earning, reversal and redemption,
// what the love supermarket has on its shelf (and what the balance buys now), and what they took home from it.
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle, Stats } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { useMyPoints, useMyShelf, type ShelfView } from '../api.ts';

/** The love supermarket's shelf: each item's price, whether it is in, and whether the balance buys it now. */
function Shelf() {
  const { t } = useTranslation();
  const q = useMyShelf();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  const { items, balance } = q.data;
  const canBuy = items.filter((i) => i.affordable).length;
  const state = (i: ShelfView['items'][number]) =>
    !i.inStock
      ? t('pointsPhone.shelf.out')
      : i.affordable
        ? t('pointsPhone.shelf.canBuy')
        : t('pointsPhone.shelf.short', { n: i.pricePoints - balance });
  return (
    <section aria-labelledby="shelf-title">
      <h2 id="shelf-title" style={{ fontSize: '1.1em' }}>
        {t('pointsPhone.shelf.title')}
      </h2>
      {items.length === 0 ? (
        <EmptyState>{t('pointsPhone.shelf.empty')}</EmptyState>
      ) : (
        <>
          <p>{canBuy ? t('pointsPhone.shelf.summary', { n: canBuy }) : t('pointsPhone.shelf.none')}</p>
          <ul className="ph-list" aria-label={t('pointsPhone.shelf.title')}>
            {items.map((i) => (
              <li key={i.id} className="ph-entry" data-affordable={i.affordable ? 'yes' : 'no'}>
                <strong>{i.name}</strong> · {t('pointsPhone.points', { n: i.pricePoints })}
                <br />
                <span className="ph-tag">
                  {i.affordable ? '✓ ' : ''}
                  {state(i)}
                </span>
              </li>
            ))}
          </ul>
          <p>{t('pointsPhone.shelf.how')}</p>
        </>
      )}
    </section>
  );
}

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
      <Shelf />
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
