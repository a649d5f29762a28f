// The volunteer's self-service beside their sign-ups on /m/activities: 还来吗？ (我会来 in one tap; 来不了 asks once
// more, because it gives the place away), 换班 (offer my place; take the offer back), a no-show shown in words, and
// 可接的班: places others offer, taken in one tap. Big buttons, plain words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading } from '../../../shared/phone-ui/parts.tsx';
import type { Notice } from '../../../shared/phone-ui/Notice.tsx';
import { CancelAsk } from '../../../shared/phone-ui/CancelAsk.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { shanghaiLocal, shanghaiTime } from '../../../../../domain/shared/dates.ts';
import type { Signup } from '../api.ts';
import {
  useAnswer,
  useOfferSwap,
  useSwapOffers,
  useTakeSwap,
  useWithdrawSwap,
  type MyState,
} from './selfservice-api.ts';

/** 还来吗？ is asked from the day before (as the reminder does), or whenever the reminder's link points here. */
const ASK_BEFORE_MS = 48 * 3600_000;

export function MyShiftTools({
  s,
  state,
  highlight,
  onNotice,
}: {
  s: Signup;
  state: MyState | undefined;
  highlight: boolean;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const answer = useAnswer();
  const offer = useOfferSwap();
  const withdraw = useWithdrawSwap();
  const [asking, setAsking] = useState(false);
  const noShow = state?.noShows.some((n) => n.signupId === s.id);
  if (noShow) return <p>{`⚠ ${t('selfPhone.noShow')}`}</p>;
  const startsIn = Date.parse(s.shiftStart) - Date.now();
  if (s.status !== 'confirmed' || startsIn <= 0 || s.checkedInAt) return null;
  const answered = state?.answers.find((a) => a.signupId === s.id);
  const open = state?.offers.find((o) => o.signupId === s.id && o.status === 'open');
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      onNotice({ ok: true, text: ok });
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    }
  };
  return (
    <div>
      {(highlight || startsIn <= ASK_BEFORE_MS) &&
        (answered?.answer === 'coming' ? (
          <p>
            <strong>{`✓ ${t('selfPhone.coming')}`}</strong>
          </p>
        ) : (
          <div role="group" aria-label={t('selfPhone.ask')} id={`answer-${s.id}`}>
            <p>
              <strong>{t('selfPhone.ask')}</strong>
            </p>
            <div className="ph-row">
              <button
                type="button"
                className="ph-btn"
                disabled={answer.isPending}
                onClick={() =>
                  void run(() => answer.mutateAsync({ signupId: s.id, answer: 'coming' }), t('selfPhone.comingOk'))
                }
              >
                {t('selfPhone.yes')}
              </button>
            </div>
            <CancelAsk
              asking={asking}
              label={t('selfPhone.no')}
              question={t('selfPhone.noAsk', { title: s.title })}
              yes={t('selfPhone.noYes')}
              no={t('selfPhone.noNo')}
              busy={answer.isPending}
              onAsk={() => setAsking(true)}
              onYes={() =>
                void run(
                  () => answer.mutateAsync({ signupId: s.id, answer: 'not_coming' }),
                  t('selfPhone.notComingOk'),
                ).finally(() => setAsking(false))
              }
              onNo={() => setAsking(false)}
            />
          </div>
        ))}
      {open ? (
        <>
          <p>{t('selfPhone.offered')}</p>
          <button
            type="button"
            className="ph-btn ph-btn--secondary ph-btn--block"
            disabled={withdraw.isPending}
            onClick={() => void run(() => withdraw.mutateAsync(open.id), t('selfPhone.withdrawn'))}
          >
            {t('selfPhone.withdraw')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="ph-btn ph-btn--secondary ph-btn--block"
          disabled={offer.isPending}
          onClick={() => void run(() => offer.mutateAsync(s.id), t('selfPhone.offerOk'))}
        >
          {t('selfPhone.offer')}
        </button>
      )}
    </div>
  );
}

/** My places others took: the sign-up is cancelled, so it is said here who has it now. */
export function SwapsDone({ list, state }: { list: Signup[]; state: MyState | undefined }) {
  const { t } = useTranslation();
  const taken = (state?.offers ?? []).filter((o) => o.status === 'taken');
  if (!taken.length) return null;
  return (
    <Card title={t('selfPhone.doneTitle')}>
      <ul className="ph-list" aria-label={t('selfPhone.doneTitle')}>
        {taken.map((o) => {
          const s = list.find((x) => x.id === o.signupId);
          return (
            <li key={o.id}>
              {t('selfPhone.done', { title: s ? `${s.title} · ${s.shiftName}` : '', name: o.takenByName ?? '' })}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

/** 可接的班: places other volunteers offer; one tap takes one (the server checks I may do the work). */
export function SwapOffers({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const q = useSwapOffers();
  const take = useTakeSwap();
  const onTake = async (id: string, title: string) => {
    try {
      await take.mutateAsync(id);
      onNotice({ ok: true, text: t('selfPhone.takeOk', { title }) });
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    }
  };
  return (
    <Card title={t('selfPhone.offersTitle')}>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.length ? (
        <EmptyState>{t('selfPhone.offersNone')}</EmptyState>
      ) : (
        <ul className="ph-list" aria-label={t('selfPhone.offersTitle')}>
          {q.data.map((o) => (
            <li key={o.id} style={{ padding: '0.6em 0' }}>
              <p className="ph-list__title">
                <strong>{o.title}</strong> · {o.shiftName}
              </p>
              <p className="ph-list__sub">
                {shanghaiLocal(o.shiftStart).date} {shanghaiTime(o.shiftStart)}–{shanghaiTime(o.shiftEnd)} ·{' '}
                {t('actPhone.place', { place: o.place })}
              </p>
              <p>{t('selfPhone.offeredBy', { name: o.offeredByName })}</p>
              {o.note && <p>{o.note}</p>}
              <button
                type="button"
                className="ph-btn ph-btn--block"
                disabled={take.isPending}
                onClick={() => void onTake(o.id, o.title)}
              >
                {t('selfPhone.take')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
