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
  /** The community requires two-step verification of this role and it is not set up: the session may only enrol. */
  twoFactorEnrolmentRequired?: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

/** A right password (or text code) on an account with two-step verification: the code from the app comes next. */
export interface SecondStep {
  twoFactor: { challenge: string; expiresInSeconds: number };
}

/** What a sign-in answers: the user, or the second step. */
export type SignInResult = { me: Me } | { challenge: string };

export interface CodeSent {
  sent: true;
  expiresInSeconds: number;
  resendAfterSeconds: number;
}
