// 换班 of 4:30 rota days on /m/classroom: each of my rota days to come has a big 换班 button (or 收回换班 while my
// offer is open); days others took over say who has them now; 可接的课堂值班 lists the days others offer, taken in
// one tap (the server checks I may do the work). Big buttons, plain words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading } from '../../../shared/phone-ui/parts.tsx';
import { NoticeBox, type Notice } from '../../../shared/phone-ui/Notice.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useMyRota, useOfferRotaDay, useRotaOffers, useTakeRotaDay, useWithdrawRotaDay } from './rota-swap-api.ts';

export default function RotaSwap() {
  const { t } = useTranslation();
  const mine = useMyRota();
  const offers = useRotaOffers();
  const offer = useOfferRotaDay();
  const withdraw = useWithdrawRotaDay();
  const take = useTakeRotaDay();
  const [notice, setNotice] = useState<Notice>(null);
  const busy = offer.isPending || withdraw.isPending || take.isPending;
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setNotice(null);
    try {
      await fn();
      setNotice({ ok: true, text: ok });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e, t) });
    }
  };
  const when = (d: { date: string; starts: string; ends: string }) => `${d.date} ${d.starts}–${d.ends}`;

  return (
    <section aria-label={t('classroomSwap.title')}>
      <NoticeBox notice={notice} />
      <Card title={t('classroomSwap.mineTitle')}>
        {mine.isPending ? (
          <Loading />
        ) : mine.isError ? (
          <ErrorNotice error={mine.error} onRetry={() => void mine.refetch()} />
        ) : (
          <>
            {!mine.data.days.length ? (
              <EmptyState>{t('classroomSwap.mineNone')}</EmptyState>
            ) : (
              <ul className="ph-list" aria-label={t('classroomSwap.mineTitle')}>
                {mine.data.days.map((d) => (
                  <li key={d.sessionId} className="ph-entry">
                    <p className="ph-list__title">
                      <strong>{when(d)}</strong> · {d.place}
                    </p>
                    {d.offer ? (
                      <>
                        <p>{t('classroomSwap.offered')}</p>
                        <button
                          type="button"
                          className="ph-btn ph-btn--secondary ph-btn--block"
                          disabled={busy}
                          aria-label={t('classroomSwap.withdrawOf', { date: d.date })}
                          onClick={() =>
                            void run(() => withdraw.mutateAsync(d.offer!.id), t('classroomSwap.withdrawn'))
                          }
                        >
                          {t('classroomSwap.withdraw')}
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="ph-btn ph-btn--secondary ph-btn--block"
                        disabled={busy}
                        aria-label={t('classroomSwap.offerOf', { date: d.date })}
                        onClick={() => void run(() => offer.mutateAsync(d.sessionId), t('classroomSwap.offerOk'))}
                      >
                        {t('classroomSwap.offer')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {mine.data.taken.length > 0 && (
              <>
                <p>
                  <strong>{t('classroomSwap.doneTitle')}</strong>
                </p>
                <ul className="ph-list" aria-label={t('classroomSwap.doneTitle')}>
                  {mine.data.taken.map((x) => (
                    <li key={x.id}>{t('classroomSwap.done', { date: x.date, name: x.takenByName })}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </Card>
      <Card title={t('classroomSwap.offersTitle')}>
        {offers.isPending ? (
          <Loading />
        ) : offers.isError ? (
          <ErrorNotice error={offers.error} onRetry={() => void offers.refetch()} />
        ) : !offers.data.length ? (
          <EmptyState>{t('classroomSwap.offersNone')}</EmptyState>
        ) : (
          <ul className="ph-list" aria-label={t('classroomSwap.offersTitle')}>
            {offers.data.map((o) => (
              <li key={o.id} className="ph-entry">
                <p className="ph-list__title">
                  <strong>{when(o)}</strong> · {o.place}
                </p>
                <p>{t('classroomSwap.offeredBy', { name: o.offeredByName })}</p>
                {o.note && <p>{o.note}</p>}
                <button
                  type="button"
                  className="ph-btn ph-btn--block"
                  disabled={busy}
                  onClick={() => void run(() => take.mutateAsync(o.id), t('classroomSwap.takeOk', { date: o.date }))}
                >
                  {t('classroomSwap.take')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </section>
  );
}
