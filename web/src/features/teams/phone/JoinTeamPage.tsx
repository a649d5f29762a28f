// /m/teams: a volunteer chooses teams to join; each request waits for the team leader.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, EmptyState, ErrorNotice, Loading, PageTitle } from '../../../shared/phone-ui/parts.tsx';
import { errorText } from '../../../shared/api/errorText.ts';
import { useTeamMutations, useTeams } from '../api.ts';

export default function JoinTeamPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const { join } = useTeamMutations();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const ask = async (id: string) => {
    try {
      await join.mutateAsync(id);
      setNotice({ ok: true, text: t('orgPhone.joinSent') });
    } catch (e) {
      setNotice({ ok: false, text: errorText(e, t) });
    }
  };
  return (
    <>
      <PageTitle title={t('orgPhone.joinTitle')} back={{ to: '/m', label: t('common.home') }} />
      <p className="ph-lead">{t('orgPhone.joinDesc')}</p>
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
      {teams.isPending && <Loading />}
      {teams.isError && <ErrorNotice error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data && teams.data.length === 0 && <EmptyState>{t('orgPhone.noTeams')}</EmptyState>}
      {teams.data?.map((team) => (
        <Card key={team.id} title={team.name}>
          <p className="ph-list__sub">
            {t(`orgPhone.kinds.${team.kind as 'squad'}`)} · {t('orgPhone.membersCount', { count: team.members })}
            {team.leaders.length ? ` · ${t('orgPhone.leader')}：${team.leaders.join('、')}` : ''}
          </p>
          {team.description && <p>{team.description}</p>}
          {team.myStatus === 'active' ? (
            <p>
              <strong>✓ {t('orgPhone.joined')}</strong>
            </p>
          ) : team.myStatus === 'requested' ? (
            <p>
              <strong>⏳ {t('orgPhone.requested')}</strong>
            </p>
          ) : (
            <button
              type="button"
              className="ph-btn ph-btn--block"
              disabled={join.isPending}
              onClick={() => void ask(team.id)}
            >
              {t('orgPhone.join', { name: team.name })}
            </button>
          )}
        </Card>
      ))}
    </>
  );
}
