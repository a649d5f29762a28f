// Tables of sign-in: accounts, their roles in communities (memberships), sessions and SMS sign-in codes.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface AccountTable {
  id: string;
  phone: string;
  name: string;
  password_hash: string | null;
  locale: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
}

export interface MembershipTable {
  community_id: string;
  id: string;
  account_id: string;
  role: string;
  title: string | null;
  grid_id: string | null;
  team_id: string | null;
  unit_id: string | null;
  resident_id: string | null;
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  account_id: string;
  active_community_id: string;
  /** Set for a region session: the actor's role comes from region_membership, not membership. */
  active_region_id?: string | null;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SignInCodeTable {
  id: string;
  phone: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
  created_at: string;
}

/** A code staff sent so the person can set a new password; expires, and is spent by one use. */
export interface PasswordResetCodeTable {
  id: string;
  account_id: string;
  code_hash: string;
  attempts: number;
  requested_by: string | null;
  created_at: string;
  expires_at: string;
  consumed_at: string | null;
}

/** The one-time link that creates the first community and its admin. */
export interface SetupLinkTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuthTables {
  account: AccountTable;
  membership: MembershipTable;
  session: SessionTable;
  sign_in_code: SignInCodeTable;
  password_reset_code: PasswordResetCodeTable;
  setup_link: SetupLinkTable;
}
