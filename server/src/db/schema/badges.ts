// Tables of the badges area: the love QR badge (爱心二维码).

/** Per community: the hotline printed on every card, the duty phone on every page, and who on duty is told of scans. */
export interface BadgeSettingsTable {
  community_id: string;
  hotline: string;
  duty_phone: string;
  /** JSON array of mobile numbers told of every scan. */
  notify_phones: string;
  updated_by: string;
  updated_at: string;
}

/**
 * A badge. The token is never stored in the clear: token_hash (SHA-256, hex) finds it from a scan, across all
 * communities (the URL names none); token_enc (FieldCipher) lets staff reprint the same card.
 */
export interface BadgeTable {
  community_id: string;
  id: string;
  resident_id: string;
  token_hash: string;
  token_enc: string;
  nickname: string;
  cautions: string;
  /** active | revoked | replaced */
  status: string;
  issued_at: string;
  issued_by: string;
  issued_by_name: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  replaced_by: string | null;
  updated_at: string;
}

/** Whom the page offers to call, in order: copied from family_contact at issue, then kept by the family. */
export interface BadgeContactTable {
  community_id: string;
  id: string;
  badge_id: string;
  label: string;
  phone: string;
  position: number;
}

/**
 * One scan: a view of the page or a finder's message. Location only when the finder agreed; the IP only as a keyed
 * hash.
 */
export interface BadgeScanTable {
  community_id: string;
  id: string;
  badge_id: string;
  at: string;
  /** view | message */
  kind: string;
  message: string | null;
  place: string | null;
  lat: number | null;
  lng: number | null;
  ip_hash: string;
  notified: number;
}

export interface BadgesTables {
  badge_settings: BadgeSettingsTable;
  badge: BadgeTable;
  badge_contact: BadgeContactTable;
  badge_scan: BadgeScanTable;
}
