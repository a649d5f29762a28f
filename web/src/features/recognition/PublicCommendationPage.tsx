// /recognition/:communityId/:quarter — the published commendation list, open to anyone (no sign-in):
// names, teams and hours of the commended volunteers who agreed to be named, and the poster.
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PhoneFrame } from '../../shared/phone-ui/PhoneFrame.tsx';
import { Card, EmptyState, Loading, PageTitle } from '../../shared/phone-ui/parts.tsx';
import { posterUrl, usePublicList } from './api.ts';

export default function PublicCommendationPage() {
  const { t } = useTranslation();
  const { communityId = '', quarter = '' } = useParams();
  const q = usePublicList(communityId, quarter);
  const period = t('recPublic.quarter', { year: quarter.slice(0, 4), n: quarter.slice(5) });
  return (
    <PhoneFrame
      subtitle={q.data?.community}
      homeTo={`/recognition/${encodeURIComponent(communityId)}/${encodeURIComponent(quarter)}`}
    >
      {q.isPending && <Loading />}
      {q.isError && (
        <>
          <PageTitle title={period} />
          <EmptyState>{t('recPublic.notFound')}</EmptyState>
        </>
      )}
      {q.data && (
        <>
          <PageTitle title={t('recPublic.title', { community: q.data.community })} />
          <p className="ph-lead">
            {period} · {t('recPublic.lead')}
          </p>
          {q.data.items.length === 0 ? (
            <EmptyState>{t('recPublic.empty')}</EmptyState>
          ) : (
            <Card>
              <ul className="ph-list" aria-label={t('recPublic.title', { community: q.data.community })}>
                {q.data.items.map((i, n) => (
                  <li key={`${i.name}-${n}`} style={{ padding: '0.6em 0' }}>
                    <strong style={{ fontSize: '1.2em' }}>{i.name}</strong>
                    <div>
                      {i.teams || '—'} · {t('recPublic.hours', { n: i.hours })}
                    </div>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <p>{t('recPublic.publishedOn', { date: q.data.publishedAt.slice(0, 10) })}</p>
          <p>
            <a
              className="ph-btn ph-btn--secondary ph-btn--block"
              href={posterUrl(communityId, quarter)}
              target="_blank"
              rel="noreferrer"
            >
              {t('recPublic.poster')}
            </a>
          </p>
        </>
      )}
    </PhoneFrame>
  );
}
