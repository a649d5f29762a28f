// /m/team: a team leader's team — join requests to accept or decline (big buttons), and the members.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useTeam, useTeamMutations, useTeams, type Decision } from '../api.ts';
import { ListFinder, useListFinder } from '../../../shared/phone-ui/ListFinder.tsx';

export default function TeamLeaderPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const mine = teams.data?.find((x) => x.managed) ?? null;
  const team = useTeam(mine?.id ?? null);
  const { decide } = useTeamMutations();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  // A team of 93: members found by name or phone, 20 at a time.
  const finder = useListFinder(
    (team.data?.roster ?? []).filter((m) => m.status === 'active'),
    (m, text) => m.name.includes(text) || m.phone.includes(text),
  );

  const act = async (volunteerId: string, name: string, decision: Decision) => {
    try {
      await decide.mutateAsync({ teamId: mine!.id, volunteerId, decision });
      setNotice({ ok: true, text: t(decision === 'approve' ? 'orgPhone.approved' : 'orgPhone.rejected', { name }) });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e, t) });
    }
  };

  const back = { to: '/m', label: t('common.home') };
  if (teams.isPending || (mine && team.isPending))
    return (
      <>
        <PageTitle title={t('orgPhone.myTeam')} back={back} />
        <Loading />
      </>
    );
  if (teams.isError)
    return (
      <>
        <PageTitle title={t('orgPhone.myTeam')} back={back} />
        <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />
      </>
    );
  if (!mine)
    return (
      <>
        <PageTitle title={t('orgPhone.myTeam')} back={back} />
        <EmptyState>{t('orgPhone.noTeam')}</EmptyState>
      </>
    );
  if (team.isError || !team.data)
    return (
      <>
        <PageTitle title={mine.name} back={back} />
        <ErrorNotice error={team.error} onRetry={() => void team.refetch()} />
      </>
    );

  const pending = team.data.roster.filter((m) => m.status === 'requested');
  const members = team.data.roster.filter((m) => m.status === 'active');
  return (
    <>
      <PageTitle title={team.data.name} back={back} />
      <div aria-live="polite">
        {notice && (
          <div
            className={`ph-alert ${notice.ok ? 'ph-alert--ok' : 'ph-alert--error'}`}
            role={notice.ok ? 'status' : 'alert'}
          >
            <span className="ph-alert__icon" aria-hidden="true">
              {notice.ok ? '✓' : '⚠'}
            </span>
            <div className="ph-alert__body">
              <p>{notice.text}</p>
            </div>
          </div>
        )}
      </div>
      <Card title={`${t('orgPhone.pending')}（${pending.length}）`}>
        {pending.length === 0 ? (
          <EmptyState>{t('orgPhone.noPending')}</EmptyState>
        ) : (
          <ul className="ph-list">
            {pending.map((m) => (
              <li key={m.volunteerId} style={{ padding: '0.7em 0' }}>
                <div className="ph-list__main">
                  <span className="ph-list__title">{m.name}</span>
                  <span className="ph-list__sub">
                    <a href={`tel:${m.phone}`} aria-label={t('orgPhone.call', { phone: m.phone })}>
                      {m.phone}
                    </a>
                  </span>
                </div>
                <div className="ph-row" style={{ marginTop: '0.5em' }}>
                  <button
                    type="button"
                    className="ph-btn"
                    disabled={decide.isPending}
                    onClick={() => void act(m.volunteerId, m.name, 'approve')}
                  >
                    {t('orgPhone.approve', { name: m.name })}
                  </button>
                  <button
                    type="button"
                    className="ph-btn ph-btn--secondary"
                    disabled={decide.isPending}
                    onClick={() => void act(m.volunteerId, m.name, 'reject')}
                  >
                    {t('orgPhone.reject', { name: m.name })}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`${t('orgPhone.members')}（${members.length}）`}>
        <ListFinder label={t('common.findInList')} finder={finder}>
          <ul className="ph-list">
            {finder.shown.map((m) => (
              <li key={m.volunteerId} style={{ padding: '0.6em 0' }}>
                <div className="ph-list__main">
                  <span className="ph-list__title">
                    {m.name}
                    {m.role === 'leader' ? ` · ${t('orgPhone.leader')}` : ''}
                  </span>
                  <span className="ph-list__sub">
                    <a href={`tel:${m.phone}`} aria-label={t('orgPhone.call', { phone: m.phone })}>
                      {m.phone}
                    </a>
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </ListFinder>
      </Card>
    </>
  );
}
