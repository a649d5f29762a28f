// /m/volunteer — my volunteer home: the electronic card with a large QR code, profile, teams, training, insurance.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Details, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { isApiError } from '../../../shared/api/errors.ts';
import { SKILL_BY_CODE } from '../../../../../domain/volunteers/skills.ts';
import { useMyVolunteer } from '../api.ts';
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client.ts';

export default function MyVolunteerPage() {
  const { t, i18n } = useTranslation();
  const q = useMyVolunteer();
  const back = { to: '/m', label: t('volunteer.back') };
  if (q.isPending) return <Loading />;
  if (q.isError) {
    return (
      <>
        <PageTitle title={t('volunteer.homeTitle')} back={back} />
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
  const { profile: p, card, summary: s } = q.data;
  const en = i18n.language === 'en';
  const validity = (ok: boolean) => (ok ? t('volunteer.valid') : t('volunteer.expired'));
  return (
    <>
      <PageTitle title={t('volunteer.homeTitle')} back={back} />
      <Card title={t('volunteer.cardTitle')}>
        <p>
          <strong style={{ fontSize: '1.4em' }}>{p.name}</strong>
          {'\u3000'}
          {t(`volunteer.status.${p.status}`)}
        </p>
        <div
          role="img"
          aria-label={t('volunteer.cardTitle')}
          style={{ width: '100%', maxWidth: 320, margin: '0 auto' }}
          dangerouslySetInnerHTML={{ __html: card.qrSvg }}
        />
        <p>{t('volunteer.cardHint')}</p>
      </Card>
      <Card title={t('volunteer.profile')}>
        <Details
          items={[
            { term: t('volunteer.name'), value: p.name },
            { term: t('volunteer.phone'), value: p.phone },
            { term: t('volunteer.idNumber'), value: p.idNumber },
            { term: t('volunteer.political'), value: t(`volunteer.${p.politicalStatus}`) },
            ...(p.socialWorkerName ? [{ term: t('volunteer.socialWorker'), value: p.socialWorkerName }] : []),
          ]}
        />
      </Card>
      <Card title={t('volunteer.skills')}>
        {p.skills.length ? (
          <ul>
            {p.skills.map((k) => {
              const d = SKILL_BY_CODE.get(k.code);
              return (
                <li key={k.code}>
                  {d ? (en ? d.en : d.zh) : k.code}
                  {k.licenceExpiresOn ? ` · ${t('volunteer.until', { date: k.licenceExpiresOn })}` : ''}
                </li>
              );
            })}
          </ul>
        ) : (
          <p>{t('volunteer.noSkills')}</p>
        )}
      </Card>
      <Card title={t('volunteer.teams')}>
        {s.teams.length ? (
          <ul>
            {s.teams.map((x) => (
              <li key={x.id}>{x.name}</li>
            ))}
          </ul>
        ) : (
          <p>{t('volunteer.noTeams')}</p>
        )}
      </Card>
      <Card title={t('volunteer.training')}>
        {s.trainings.length ? (
          <ul>
            {s.trainings.map((x) => (
              <li key={x.courseTitle + x.issuedOn}>
                {x.courseTitle}（{validity(x.valid)}
                {x.expiresOn ? `，${t('volunteer.until', { date: x.expiresOn })}` : ''}）
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('volunteer.noTraining')}</p>
        )}
      </Card>
      <Card title={t('volunteer.insurance')}>
        {s.insurance.length ? (
          <ul>
            {s.insurance.map((x) => (
              <li key={x.policyNo}>
                {x.insurer}（{validity(x.valid)}，{t('volunteer.until', { date: x.endsOn })}）
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('volunteer.noInsurance')}</p>
        )}
      </Card>
      <MyCalendarCard />
    </>
  );
}

const feedKey = ['activities', 'feed'] as const;

/**
 * 订阅我的日程: the address of my one calendar feed (activities, visits, tasks, shifts, rota days, bookings). The server
 * gives the full address, built on its public address (LINLI_PUBLIC_URL), which a calendar app elsewhere can reach.
 */
function MyCalendarCard() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const feed = useQuery({
    queryKey: feedKey,
    queryFn: () => api.get<{ path: string; url: string }>('/api/activities/mine/feed'),
  });
  const renew = useMutation({
    mutationFn: () => api.post<{ path: string; url: string }>('/api/activities/mine/feed', {}),
    onSuccess: (r) => qc.setQueryData(feedKey, r),
  });
  const [copied, setCopied] = useState(false);
  const url = feed.data?.url ?? '';
  const webcal = url.replace(/^https?:/, 'webcal:');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Card title={t('selfPhone.calendarTitle')}>
      <p>{t('selfPhone.calendarHelp')}</p>
      {feed.isPending ? (
        <Loading />
      ) : feed.isError ? (
        <ErrorNotice error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <>
          <p style={{ wordBreak: 'break-all' }}>
            <code data-testid="my-calendar-url">{url}</code>
          </p>
          <div className="ph-row">
            <a className="ph-btn" href={webcal}>
              {t('selfPhone.calendarSubscribe')}
            </a>
            <button type="button" className="ph-btn ph-btn--secondary" onClick={() => void copy()}>
              {copied ? t('selfPhone.calendarCopied') : t('selfPhone.calendarCopy')}
            </button>
          </div>
          <button
            type="button"
            className="ph-btn ph-btn--secondary ph-btn--block"
            disabled={renew.isPending}
            onClick={() => renew.mutate()}
          >
            {t('selfPhone.calendarRenew')}
          </button>
        </>
      )}
    </Card>
  );
}
