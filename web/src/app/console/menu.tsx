// The console's side menu: only what the user's permissions allow.
import type { ReactNode } from 'react';
import { ScheduleOutlined } from '@ant-design/icons';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FlagOutlined,
  HeartOutlined,
  ImportOutlined,
  MailOutlined,
  ReadOutlined,
  SafetyOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  LinkOutlined,
  PhoneOutlined,
  ProfileOutlined,
  NodeIndexOutlined,
  CarryOutOutlined,
  FieldTimeOutlined,
  TrophyOutlined,
  BarChartOutlined,
  FileProtectOutlined,
  GiftOutlined,
  QrcodeOutlined,
  BookOutlined,
  HomeOutlined,
  NotificationOutlined,
  GlobalOutlined,
  PartitionOutlined,
  KeyOutlined,
} from '@ant-design/icons';
import type { Permission } from '../../shared/session/types.ts';

export interface ConsoleMenuItem {
  key: string;
  path: string;
  labelKey: MenuLabelKey;
  icon: ReactNode;
  permission: Permission;
}

/** The menu's headings, in order: registry, volunteers, needs and pairings, activities and records, care, system. */
export const MENU_GROUPS = ['registry', 'volunteers', 'needs', 'records', 'care', 'system'] as const;
export type MenuGroupKey = (typeof MENU_GROUPS)[number];

/** The kind of work each page belongs to (the menu's headings); the dashboard stands above them all. */
const GROUP_OF: Record<string, MenuGroupKey> = {
  grids: 'registry',
  residents: 'registry',
  import: 'registry',
  volunteers: 'volunteers',
  approvals: 'volunteers',
  training: 'volunteers',
  insurance: 'volunteers',
  'service-types': 'volunteers',
  skills: 'volunteers',
  teams: 'volunteers',
  units: 'volunteers',
  party: 'volunteers',
  'needs-hotline': 'needs',
  needs: 'needs',
  'needs-batch': 'needs',
  survey: 'needs',
  pairings: 'needs',
  monitor: 'needs',
  appointments: 'needs',
  activities: 'records',
  hours: 'records',
  recognition: 'records',
  certificates: 'records',
  supermarket: 'records',
  'party-indicators': 'records',
  indicators: 'records',
  projects: 'records',
  selections: 'records',
  badges: 'care',
  classroom: 'care',
  homecare: 'care',
  publicity: 'records',
  organisation: 'system',
  audit: 'system',
  outbox: 'system',
  notices: 'system',
  accounts: 'system',
};
export type MenuLabelKey =
  | 'dashboard'
  | 'grids'
  | 'residents'
  | 'import'
  | 'audit'
  | 'outbox'
  | 'volunteers'
  | 'approvals'
  | 'training'
  | 'insurance'
  | 'serviceTypes'
  | 'skills'
  | 'units'
  | 'teams'
  | 'party'
  | 'pairings'
  | 'monitor'
  | 'appointments'
  | 'needs'
  | 'hotline'
  | 'batchMatch'
  | 'survey'
  | 'hours'
  | 'activities'
  | 'recognition'
  | 'certificates'
  | 'supermarket'
  | 'partyIndicators'
  | 'indicators'
  | 'badges'
  | 'classroom'
  | 'homecare'
  | 'publicity'
  | 'notices'
  | 'regions'
  | 'projects'
  | 'selections'
  | 'organisation'
  | 'accounts';

export const CONSOLE_MENU: ConsoleMenuItem[] = [
  // Offices above the community (街道, 区): their communities side by side; the only entry they have.
  {
    key: 'regions',
    path: '/console/regions',
    labelKey: 'regions',
    icon: <GlobalOutlined />,
    permission: 'regions.read',
  },
  {
    key: 'dashboard',
    path: '/console',
    labelKey: 'dashboard',
    icon: <DashboardOutlined />,
    permission: 'registry.read',
  },
  { key: 'grids', path: '/console/grids', labelKey: 'grids', icon: <ClusterOutlined />, permission: 'registry.read' },
  {
    key: 'residents',
    path: '/console/residents',
    labelKey: 'residents',
    icon: <TeamOutlined />,
    permission: 'registry.read',
  },
  {
    key: 'volunteers',
    path: '/console/volunteers',
    labelKey: 'volunteers',
    icon: <HeartOutlined />,
    permission: 'volunteers.read',
  },
  {
    key: 'approvals',
    path: '/console/volunteers/approvals',
    labelKey: 'approvals',
    icon: <CheckCircleOutlined />,
    permission: 'volunteers.approve',
  },
  {
    key: 'training',
    path: '/console/training',
    labelKey: 'training',
    icon: <ReadOutlined />,
    permission: 'volunteers.read',
  },
  {
    key: 'insurance',
    path: '/console/insurance',
    labelKey: 'insurance',
    icon: <SafetyOutlined />,
    permission: 'volunteers.read',
  },
  {
    key: 'service-types',
    path: '/console/service-types',
    labelKey: 'serviceTypes',
    icon: <SolutionOutlined />,
    permission: 'volunteers.read',
  },
  { key: 'skills', path: '/console/skills', labelKey: 'skills', icon: <StarOutlined />, permission: 'volunteers.read' },
  {
    key: 'teams',
    path: '/console/teams',
    labelKey: 'teams',
    icon: <UsergroupAddOutlined />,
    permission: 'volunteers.read',
  },
  {
    key: 'units',
    path: '/console/units',
    labelKey: 'units',
    icon: <ApartmentOutlined />,
    permission: 'volunteers.read',
  },
  { key: 'party', path: '/console/party', labelKey: 'party', icon: <FlagOutlined />, permission: 'party.read' },
  {
    key: 'needs-hotline',
    path: '/console/needs/hotline',
    labelKey: 'hotline',
    icon: <PhoneOutlined />,
    permission: 'needs.write',
  },
  { key: 'needs', path: '/console/needs', labelKey: 'needs', icon: <ProfileOutlined />, permission: 'needs.read' },
  {
    key: 'needs-batch',
    path: '/console/needs/batch',
    labelKey: 'batchMatch',
    icon: <NodeIndexOutlined />,
    permission: 'needs.match',
  },
  { key: 'survey', path: '/console/survey', labelKey: 'survey', icon: <CarryOutOutlined />, permission: 'needs.read' },
  {
    key: 'pairings',
    path: '/console/pairings',
    labelKey: 'pairings',
    icon: <LinkOutlined />,
    permission: 'pairings.manage',
  },
  { key: 'monitor', path: '/console/monitor', labelKey: 'monitor', icon: <AlertOutlined />, permission: 'needs.read' },
  {
    key: 'appointments',
    path: '/console/appointments',
    labelKey: 'appointments',
    icon: <CalendarOutlined />,
    permission: 'appointments.manage',
  },
  {
    key: 'activities',
    path: '/console/activities',
    labelKey: 'activities',
    icon: <ScheduleOutlined />,
    permission: 'activities.manage',
  },
  { key: 'hours', path: '/console/hours', labelKey: 'hours', icon: <FieldTimeOutlined />, permission: 'hours.verify' },
  {
    key: 'recognition',
    path: '/console/recognition',
    labelKey: 'recognition',
    icon: <TrophyOutlined />,
    permission: 'recognition.nominate',
  },
  {
    key: 'certificates',
    path: '/console/certificates',
    labelKey: 'certificates',
    icon: <FileProtectOutlined />,
    permission: 'certificates.issue',
  },
  {
    key: 'supermarket',
    path: '/console/supermarket',
    labelKey: 'supermarket',
    icon: <GiftOutlined />,
    permission: 'points.manage',
  },
  { key: 'badges', path: '/console/badges', labelKey: 'badges', icon: <QrcodeOutlined />, permission: 'badges.manage' },
  {
    key: 'classroom',
    path: '/console/classroom',
    labelKey: 'classroom',
    icon: <BookOutlined />,
    permission: 'classroom.manage',
  },
  {
    key: 'homecare',
    path: '/console/homecare',
    labelKey: 'homecare',
    icon: <HomeOutlined />,
    permission: 'homecare.manage',
  },
  {
    key: 'publicity',
    path: '/console/publicity',
    labelKey: 'publicity',
    icon: <NotificationOutlined />,
    permission: 'publicity.manage',
  },
  {
    key: 'party-indicators',
    path: '/console/party-indicators',
    labelKey: 'partyIndicators',
    icon: <BarChartOutlined />,
    permission: 'party.read',
  },
  {
    key: 'indicators',
    path: '/console/indicators',
    labelKey: 'indicators',
    icon: <BarChartOutlined />,
    permission: 'indicators.read',
  },
  {
    key: 'import',
    path: '/console/import',
    labelKey: 'import',
    icon: <ImportOutlined />,
    permission: 'registry.import',
  },
  {
    key: 'organisation',
    path: '/console/organisation',
    labelKey: 'organisation',
    icon: <PartitionOutlined />,
    permission: 'org.read',
  },
  { key: 'audit', path: '/console/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'outbox', path: '/console/outbox', labelKey: 'outbox', icon: <MailOutlined />, permission: 'outbox.read' },
  {
    key: 'accounts',
    path: '/console/accounts',
    labelKey: 'accounts',
    icon: <KeyOutlined />,
    permission: 'accounts.reset',
  },
  {
    key: 'notices',
    path: '/console/notices',
    labelKey: 'notices',
    icon: <NotificationOutlined />,
    permission: 'notices.send',
  },
  {
    key: 'projects',
    path: '/console/projects',
    labelKey: 'projects',
    icon: <FlagOutlined />,
    permission: 'projects.manage',
  },
  {
    key: 'selections',
    path: '/console/selections',
    labelKey: 'selections',
    icon: <TrophyOutlined />,
    permission: 'selections.manage',
  },
];

/** Which menu entry a path belongs to (households and buildings live under 网格, residents under 居民). */
export function menuKeyOf(pathname: string): string {
  const seg = pathname.split('/')[2] ?? '';
  if (seg === '') return 'dashboard';
  if (seg === 'households') return 'grids';
  if (seg === 'volunteers' && pathname.split('/')[3] === 'approvals') return 'approvals';
  if (seg === 'needs')
    return (
      ({ hotline: 'needs-hotline', batch: 'needs-batch' } as Record<string, string>)[pathname.split('/')[3] ?? ''] ??
      'needs'
    );
  return CONSOLE_MENU.some((m) => m.key === seg) ? seg : 'dashboard';
}

/** The entries the permissions allow, heading by heading (the order the menu shows them in). */
export function allowedMenu(permissions: readonly string[]): ConsoleMenuItem[] {
  return groupedMenu(permissions).flatMap((g) => g.items);
}

/** The allowed entries under their headings; a heading with no entry is left out. The first has no heading. */
export function groupedMenu(
  permissions: readonly string[],
): { group: MenuGroupKey | null; items: ConsoleMenuItem[] }[] {
  const allowed = CONSOLE_MENU.filter((m) => permissions.includes(m.permission));
  return [null, ...MENU_GROUPS]
    .map((group) => ({ group, items: allowed.filter((m) => (GROUP_OF[m.key] ?? null) === group) }))
    .filter((g) => g.items.length > 0);
}
