// The console's side menu: only what the user's permissions allow.
import type { ReactNode } from 'react';
import { AuditOutlined, ClusterOutlined, DashboardOutlined, ImportOutlined, MailOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '../../shared/session/types.ts';

export interface ConsoleMenuItem { key: string; path: string; labelKey: MenuLabelKey; icon: ReactNode; permission: Permission }
export type MenuLabelKey = 'dashboard' | 'grids' | 'residents' | 'import' | 'audit' | 'outbox';

export const CONSOLE_MENU: ConsoleMenuItem[] = [
  { key: 'dashboard', path: '/console', labelKey: 'dashboard', icon: <DashboardOutlined />, permission: 'registry.read' },
  { key: 'grids', path: '/console/grids', labelKey: 'grids', icon: <ClusterOutlined />, permission: 'registry.read' },
  { key: 'residents', path: '/console/residents', labelKey: 'residents', icon: <TeamOutlined />, permission: 'registry.read' },
  { key: 'import', path: '/console/import', labelKey: 'import', icon: <ImportOutlined />, permission: 'registry.import' },
  { key: 'audit', path: '/console/audit', labelKey: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'outbox', path: '/console/outbox', labelKey: 'outbox', icon: <MailOutlined />, permission: 'outbox.read' },
];

/** Which menu entry a path belongs to (households and buildings live under 网格, residents under 居民). */
export function menuKeyOf(pathname: string): string {
  const seg = pathname.split('/')[2] ?? '';
  if (seg === '' ) return 'dashboard';
  if (seg === 'households') return 'grids';
  return CONSOLE_MENU.some((m) => m.key === seg) ? seg : 'dashboard';
}

export function allowedMenu(permissions: readonly string[]): ConsoleMenuItem[] {
  return CONSOLE_MENU.filter((m) => permissions.includes(m.permission));
}
