// Which tiles a person's phone home shows: only what they can use — volunteer tools for approved volunteers,
// registration for those who are not one, and for the scoped office roles the console pages of their work.
import type { TFunction } from 'i18next';
import { can } from '../../shared/session/useSession.ts';
import type { Me } from '../../shared/session/types.ts';
import type { Tile } from '../../shared/phone-ui/Tiles.tsx';
import type { HomeSummary } from '../../../../domain/me/home.ts';

export function isOffice(me: Me): boolean {
  return me.role === 'community_admin' || me.role === 'staff';
}

/** The tools of the phone home, in the order a person reaches for them. */
export function phoneTiles(me: Me, home: HomeSummary, t: TFunction): Tile[] {
  const volunteer = home.volunteerStatus;
  const tiles: (Tile | false)[] = [];
  const approved = volunteer === 'approved';
  const registry = can(me, 'registry.read');
  tiles.push(
    registry &&
      !!me.gridId && {
        key: 'grid',
        to: '/m/grid',
        title: t('home.tile.grid'),
        sub: t('home.tile.gridDesc', { grid: me.gridName ?? '' }),
      },
    registry &&
      !me.gridId && {
        key: 'residents',
        to: '/m/grid',
        title: t('home.tile.residents'),
        sub: t('home.tile.residentsDesc'),
      },
    can(me, 'needs.write') && {
      key: 'survey',
      to: '/m/grid/survey',
      title: t('surveyPhone.link'),
      sub: t('surveyPhone.linkDesc'),
    },
  );
  // 我的消息: everyone may be sent a notice; the tile says how many are new.
  const unread = home.messages?.unread ?? 0;
  tiles.push({
    key: 'messages',
    to: '/m/messages',
    title: t('noticesPhone.link'),
    sub: unread ? t('noticesPhone.linkUnread', { count: unread }) : t('noticesPhone.linkDesc'),
  });
  // A team leader runs the team from the phone whether or not they serve as a volunteer themselves.
  tiles.push(
    me.role === 'team_leader' && {
      key: 'team',
      to: '/m/team',
      title: t('orgPhone.myTeam'),
      sub: t('orgPhone.myTeamDesc'),
    },
  );
  if (approved) {
    tiles.push(
      { key: 'tasks', to: '/m/tasks', title: t('tasksPhone.link'), sub: t('tasksPhone.linkDesc') },
      { key: 'activities', to: '/m/activities', title: t('actPhone.link'), sub: t('actPhone.linkDesc') },
      { key: 'volunteer', to: '/m/volunteer', title: t('volunteer.myVolunteer'), sub: t('volunteer.myVolunteerDesc') },
      { key: 'hours', to: '/m/hours', title: t('hoursPhone.link'), sub: t('hoursPhone.linkDesc') },
      { key: 'pairings', to: '/m/pairings', title: t('pairPhone.link'), sub: t('pairPhone.linkDesc') },
      { key: 'homecare', to: '/m/homecare', title: t('homecare.phone.link'), sub: t('homecare.phone.linkDesc') },
      {
        key: 'availability',
        to: '/m/volunteer/availability',
        title: t('availability.link'),
        sub: t('availability.linkDesc'),
      },
      { key: 'recognition', to: '/m/recognition', title: t('recPhone.link'), sub: t('recPhone.linkDesc') },
      { key: 'certificates', to: '/m/certificates', title: t('certPhone.link'), sub: t('certPhone.linkDesc') },
      { key: 'points', to: '/m/points', title: t('pointsPhone.link'), sub: t('pointsPhone.linkDesc') },
      { key: 'teams', to: '/m/teams', title: t('orgPhone.joinTitle'), sub: t('orgPhone.joinDesc') },
    );
  }
  tiles.push(
    // Tutors check children in on their rota days (volunteers); the office runs the classroom.
    can(me, 'classroom.attend') &&
      (approved || isOffice(me)) && {
        key: 'classroom',
        to: '/m/classroom',
        title: t('classroom.phone.link'),
        sub: t('classroom.phone.linkDesc'),
      },
    (volunteer === 'pending' || volunteer === 'rejected') && {
      key: 'application',
      to: '/m/volunteer',
      title: t('home.tile.application'),
      sub: t('home.tile.applicationDesc'),
    },
    volunteer === 'none' &&
      !isOffice(me) && {
        key: 'volunteer-register',
        to: '/m/volunteer/register',
        title: t('home.tile.register'),
        sub: t('home.tile.registerDesc'),
      },
    can(me, 'resident.self') && {
      key: 'needs',
      to: '/m/needs',
      title: t('needsPhone.link'),
      sub: t('needsPhone.linkDesc'),
    },
    can(me, 'resident.self') && {
      key: 'selections',
      to: '/m/selections',
      title: t('selPhone.link'),
      sub: t('selPhone.linkDesc'),
    },
    can(me, 'resident.self') && {
      key: 'appointments',
      to: '/m/appointments',
      title: t('apptPhone.link'),
      sub: t('apptPhone.linkDesc'),
    },
    // The love badge page is a family's: offered once one of my elders has a badge.
    can(me, 'resident.self') &&
      !!home.family?.badges && {
        key: 'badges',
        to: '/m/badges',
        title: t('badges.phone.link'),
        sub: t('badges.phone.linkDesc'),
      },
  );
  return tiles.filter((x): x is Tile => !!x);
}

/** The console pages a scoped office role works in (grid leader, team leader, unit coordinator); the whole console
 * for the office itself. */
export function officeTiles(me: Me, t: TFunction): Tile[] {
  const tile = (key: string, to: string): Tile => ({
    key: `console-${key}`,
    to,
    title: t(`home.tile.${key}` as 'home.tile.console'),
    sub: t(`home.tile.${key}Desc` as 'home.tile.consoleDesc'),
  });
  switch (me.role) {
    case 'community_admin':
    case 'staff':
      return [tile('console', '/console')];
    case 'grid_leader':
      return [
        tile('dashboard', '/console'),
        tile('needsBoard', '/console/needs'),
        tile('survey', '/console/survey'),
        tile('monitor', '/console/monitor'),
      ];
    case 'team_leader':
      return [
        tile('activities', '/console/activities'),
        tile('nominations', '/console/recognition'),
        tile('teamVolunteers', '/console/volunteers'),
      ];
    case 'unit_coordinator':
      return [tile('unitVolunteers', '/console/volunteers')];
    default:
      return [];
  }
}
