// Tables of the platform: the audit log, the job queue and the notification outbox.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface NotificationOutboxTable {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  payload: string;
  status: string;
  created_at: string;
  sent_at: string | null;
  account_id: string | null;
  community_id: string | null;
  urgent: number;
  attempts: number;
  next_attempt_at: string | null;
  locked_by: string | null;
  locked_until: string | null;
  provider: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  delivered_at: string | null;
}

export interface NotificationPreferenceTable {
  account_id: string;
  app: number;
  sms: number;
  wechat: number;
  opted_out: number;
  updated_at: string;
}

export interface AuditLogTable {
  community_id: string;
  seq: number;
  at: string;
  actor_account_id: string | null;
  actor_name: string;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobTable {
  id: string;
  kind: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  unique_key: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A rate limit's count for one route and client (the key, hashed) in the window starting at window_start (ms). */
export interface RateLimitTable {
  key: string;
  window_start: number;
  hits: number;
}

/** Which key a key id stood for when it first met this database (an HMAC of a fixed text under the key). */
export interface KeyringCheckTable {
  key_id: string;
  check_value: string;
  created_at: string;
}

export interface PlatformTables {
  notification_outbox: NotificationOutboxTable;
  notification_preference: NotificationPreferenceTable;
  audit_log: AuditLogTable;
  job: JobTable;
  rate_limit: RateLimitTable;
  keyring_check: KeyringCheckTable;
}
