// Tables of two-factor sign-in and of the guessing limits (migration 2026-12-07T0200). The account's secret and the
// community's requirement are columns of account and community (see auth.ts and registry.ts).

export interface RecoveryCodeTable {
  account_id: string;
  /** A keyed hash (FieldCipher.token) of the code; the code itself is shown once and never kept. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

export interface TwoFactorChallengeTable {
  token_hash: string;
  account_id: string;
  method: string;
  attempts: number;
  created_at: string;
  expires_at: string;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failed_at: string;
  blocked_until: string | null;
}

export interface TwoFactorTables {
  recovery_code: RecoveryCodeTable;
  two_factor_challenge: TwoFactorChallengeTable;
  sign_in_throttle: SignInThrottleTable;
}
