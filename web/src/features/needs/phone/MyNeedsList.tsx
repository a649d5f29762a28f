// 我的求助: my requests and my family's, newest first, each with its status in words; a done one takes a
// 1–5 star rating (five big buttons, then one to send).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useMyNeeds, useRateMyNeed, type Need } from '../api.ts';
import { CategoryIcon } from './CategoryChoice.tsx';
import type { Notice } from '../../../shared/phone-ui/Notice.tsx';

function Rating({ need, onNotice }: { need: Need; onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const rate = useRateMyNeed(need.id);
  const [stars, setStars] = useState(0);
  const send = async () => {
    if (!stars) {
      onNotice({ ok: false, text: t('needsPhone.chooseStars') });
      return;
    }
    try {
      await rate.mutateAsync(stars);
      onNotice({ ok: true, text: t('needsPhone.rated') });
    } catch (e) {
      onNotice({ ok: false, text: errorText(e, t) });
    }
  };
  return (
    <div>
      <p>
        <strong>{t('needsPhone.rateTitle')}</strong>
      </p>
      <div className="ph-row" role="radiogroup" aria-label={t('needsPhone.rateTitle')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={stars === n}
            className="ph-chip"
            onClick={() => setStars(n)}
          >
            <span aria-hidden="true">{n <= stars ? '★' : '☆'}</span> {t('needsPhone.star', { n })}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="ph-btn ph-btn--block"
        style={{ marginTop: '0.5em' }}
        disabled={rate.isPending}
        onClick={() => void send()}
      >
        {t('needsPhone.rateSubmit')}
      </button>
    </div>
  );
}

function NeedItem({ n, onNotice }: { n: Need; onNotice: (x: Notice) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <li style={{ padding: '0.7em 0' }}>
      <p className="ph-list__title" style={{ display: 'flex', alignItems: 'center', gap: '0.5em' }}>
        <CategoryIcon category={n.category} /> {t(`needsPhone.cat.${n.category}`)}
      </p>
      <p>{n.description}</p>
      <p>
        <strong>{t(`needsPhone.status.${n.status}`)}</strong>
      </p>
      <p className="ph-list__sub">
        {[
          n.residentName ? t('needsPhone.forName', { name: n.residentName }) : null,
          t('needsPhone.askedOn', { date: formatDateTime(n.createdAt, i18n.language).slice(0, 10) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {n.volunteerName && <p>{t('needsPhone.volunteer', { name: n.volunteerName })}</p>}
      {n.scheduledFor && <p>{t('needsPhone.visitAt', { when: n.scheduledFor.replace('T', ' ') })}</p>}
      {n.closeReason && <p>{t('needsPhone.reason', { reason: n.closeReason })}</p>}
      {n.status === 'reviewed' && n.rating !== null && (
        <p>
          {t('needsPhone.yourRating', { n: n.rating })} <span aria-hidden="true">{'★'.repeat(n.rating)}</span>
        </p>
      )}
      {n.status === 'done' && <Rating need={n} onNotice={onNotice} />}
    </li>
  );
}

export function MyNeedsList({ onNotice }: { onNotice: (n: Notice) => void }) {
  const { t } = useTranslation();
  const q = useMyNeeds();
  const items = [...(q.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card title={t('needsPhone.mine')}>
      {q.isPending && <Loading />}
      {q.isError && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.isSuccess && items.length === 0 && <EmptyState>{t('needsPhone.noNeeds')}</EmptyState>}
      {items.length > 0 && (
        <ul className="ph-list" aria-label={t('needsPhone.mine')}>
          {items.map((n) => (
            <NeedItem key={n.id} n={n} onNotice={onNotice} />
          ))}
        </ul>
      )}
    </Card>
  );
}
