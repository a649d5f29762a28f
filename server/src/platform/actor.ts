// Who is making a request: the signed-in account, its membership in one community, and where from.
import type { Role } from '../../../domain/access/roles.ts';
import type { Locale } from './i18n.ts';

export interface Actor {
  accountId: string;
  name: string;
  phone: string;
  role: Role;
  title: string | null;
  communityId: string;
  communityName: string;
  membershipId: string;
  gridId: string | null;
  teamId: string | null;
  unitId: string | null;
  residentId: string | null;
  /** Set in a region session (street, district or city office); communityName is then the region's name. */
  regionId?: string | null;
  /** The language the user chose, or null to follow the browser. */
  locale: Locale | null;
  csrfToken: string;
  tokenHash: string;
  /** The community requires two factors of this role and the account has none yet: the session may only enrol. */
  twoFactorEnrolmentRequired?: boolean;
}

/** Request facts the audit log keeps. */
export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}
