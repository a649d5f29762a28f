import type { Permission, Role } from '../../../../domain/access/roles.ts';
import type { Lang } from '../../i18n/langs.ts';

export type { Permission, Role };

export interface Me {
  accountId: string;
  name: string;
  phone: string;
  role: Role;
  /** The job title shown beside the name (书记, 网格长, …), when the office set one. */
  title?: string | null;
  community: { id: string; name: string };
  gridId: string | null;
  gridName: string | null;
  locale: Lang;
  permissions: Permission[];
  /** Set when signed in to an office (街道, 区, 市) rather than a community. */
  region?: { id: string; name: string } | null;
  /** The communities and offices the account works in; the active one is marked. */
  places?: Array<{
    kind: 'community' | 'street' | 'district' | 'city';
    id: string;
    name: string;
    role: string;
    active: boolean;
  }>;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface CodeSent {
  sent: true;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
