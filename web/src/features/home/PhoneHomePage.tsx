// /m: the phone home of every role — who you are, what you can do now, and what is coming.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Card, Details, LinkList, PageTitle } from '../../shared/phone-ui/parts.tsx';
import { ElderControls } from '../../shared/phone-ui/ElderControls.tsx';
import { LanguageButton } from '../../shared/phone-ui/LanguageButton.tsx';
import { can, useCurrentUser, useSignOut } from '../../shared/session/useSession.ts';
import { useLabels } from '../../shared/labels.ts';
import { comingKey } from './comingSoon.ts';

export default function PhoneHomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const readsRegistry = can(me, 'registry.read');
  const isOffice = me.role === 'community_admin' || me.role === 'staff';

  const tasks = [
    ...(readsRegistry && me.gridId
      ? [
          {
            key: 'grid',
            to: '/m/grid',
            title: t('home.myGrid'),
            sub: t('home.myGridDesc', { grid: me.gridName ?? '' }),
          },
        ]
      : []),
    ...(readsRegistry && !me.gridId
      ? [{ key: 'residents', to: '/m/grid', title: t('home.residents'), sub: t('home.residentsDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'tasks', to: '/m/tasks', title: t('tasksPhone.link'), sub: t('tasksPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [
          {
            key: 'volunteer',
            to: '/m/volunteer',
            title: t('volunteer.myVolunteer'),
            sub: t('volunteer.myVolunteerDesc'),
          },
        ]
      : []),
    ...(can(me, 'volunteer.self')
      ? [
          {
            key: 'availability',
            to: '/m/volunteer/availability',
            title: t('availability.link'),
            sub: t('availability.linkDesc'),
          },
        ]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'activities', to: '/m/activities', title: t('actPhone.link'), sub: t('actPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'hours', to: '/m/hours', title: t('hoursPhone.link'), sub: t('hoursPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'certificates', to: '/m/certificates', title: t('certPhone.link'), sub: t('certPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'points', to: '/m/points', title: t('pointsPhone.link'), sub: t('pointsPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'recognition', to: '/m/recognition', title: t('recPhone.link'), sub: t('recPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'pairings', to: '/m/pairings', title: t('pairPhone.link'), sub: t('pairPhone.linkDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'homecare', to: '/m/homecare', title: t('homecare.phone.link'), sub: t('homecare.phone.linkDesc') }]
      : []),
    ...(can(me, 'classroom.attend')
      ? [{ key: 'classroom', to: '/m/classroom', title: t('classroom.phone.link'), sub: t('classroom.phone.linkDesc') }]
      : []),
    ...(!can(me, 'volunteer.self') && !isOffice
      ? [
          {
            key: 'volunteer-register',
            to: '/m/volunteer/register',
            title: t('volunteer.registerLink'),
            sub: t('volunteer.registerLead'),
          },
        ]
      : []),
    ...(me.role === 'team_leader'
      ? [{ key: 'team', to: '/m/team', title: t('orgPhone.myTeam'), sub: t('orgPhone.myTeamDesc') }]
      : []),
    ...(can(me, 'volunteer.self')
      ? [{ key: 'teams', to: '/m/teams', title: t('orgPhone.joinTitle'), sub: t('orgPhone.joinDesc') }]
      : []),
    ...(can(me, 'needs.write')
      ? [{ key: 'survey', to: '/m/grid/survey', title: t('surveyPhone.link'), sub: t('surveyPhone.linkDesc') }]
      : []),
    ...(can(me, 'resident.self')
      ? [{ key: 'needs', to: '/m/needs', title: t('needsPhone.link'), sub: t('needsPhone.linkDesc') }]
      : []),
    ...(can(me, 'resident.self')
      ? [{ key: 'appointments', to: '/m/appointments', title: t('apptPhone.link'), sub: t('apptPhone.linkDesc') }]
      : []),
    ...(can(me, 'resident.self')
      ? [{ key: 'badges', to: '/m/badges', title: t('badges.phone.link'), sub: t('badges.phone.linkDesc') }]
      : []),
    ...(isOffice ? [{ key: 'console', to: '/console', title: t('home.console'), sub: t('home.consoleDesc') }] : []),
  ];

  return (
    <>
      <PageTitle title={t('home.greeting', { name: me.name })} />
      <p className="ph-lead">{t('home.roleLine', { role: labels.role(me.role), community: me.community.name })}</p>

      {tasks.length > 0 && (
        <Card title={t('home.tasks')}>
          <LinkList label={t('home.tasks')} items={tasks} />
        </Card>
      )}

      <Card title={t('home.profile')}>
        <Details
          items={[
            { term: t('home.name'), value: me.name },
            { term: t('home.phone'), value: me.phone },
            { term: t('home.role'), value: labels.role(me.role) },
            { term: t('home.community'), value: me.community.name },
            ...(me.gridName ? [{ term: t('home.grid'), value: me.gridName }] : []),
          ]}
        />
      </Card>

      <Card title={t('home.settings')}>
        <p>{t('home.elderExplain')}</p>
        <div className="ph-row">
          <ElderControls.Toggle />
          <LanguageButton />
        </div>
      </Card>

      <Card title={t('home.comingTitle')} variant="note">
        <p>{t(`home.coming.${comingKey(me.role)}`)}</p>
        <p>{t('home.helpLine')}</p>
      </Card>

      <button
        type="button"
        className="ph-btn ph-btn--secondary ph-btn--block"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
      >
        {t('common.signOut')}
      </button>
    </>
  );
}
