// Tables of the records area: service certificates, the points ledger and the points supermarket.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface CertificateSettingsTable {
  community_id: string;
  issuer_name: string;
  responsible_person: string;
  handler_name: string;
  contact_phone: string;
  prefix: string;
  updated_by: string | null;
  updated_at: string;
}

export interface CertificateCounterTable {
  community_id: string;
  year: number;
  last_seq: number;
}

export interface CertificateTable {
  community_id: string;
  id: string;
  number: string;
  volunteer_id: string;
  token: string;
  period_from: string;
  period_to: string;
  service_minutes: number;
  honour_minutes: number;
  snapshot: string;
  status: string;
  issued_on: string;
  issued_at: string;
  issued_by: string | null;
  issued_by_name: string;
  handler_name: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
}

export interface PointsBalanceTable {
  community_id: string;
  volunteer_id: string;
  balance: number;
  earned: number;
  debt: number;
  updated_at: string;
}

export interface PointsDayTable {
  community_id: string;
  volunteer_id: string;
  service_date: string;
  minutes: number;
  points: number;
}

export interface PointsTxnTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  kind: string;
  points: number;
  shortfall: number;
  service_date: string | null;
  entry_id: string | null;
  redemption_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PointsPostingTable {
  community_id: string;
  txn_id: string;
  line: number;
  account: string;
  amount: number;
}

export interface SupermarketItemTable {
  community_id: string;
  id: string;
  name: string;
  price_points: number;
  stock: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface SupermarketRedemptionTable {
  community_id: string;
  id: string;
  volunteer_id: string;
  points: number;
  txn_id: string;
  handled_by: string | null;
  handled_by_name: string;
  created_at: string;
}

export interface SupermarketRedemptionLineTable {
  community_id: string;
  redemption_id: string;
  item_id: string;
  item_name: string;
  quantity: number;
  price_points: number;
}

export interface SupermarketStockMoveTable {
  community_id: string;
  id: string;
  item_id: string;
  quantity: number;
  reason: string;
  redemption_id: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface RecordsTables {
  certificate_settings: CertificateSettingsTable;
  certificate_counter: CertificateCounterTable;
  certificate: CertificateTable;
  points_balance: PointsBalanceTable;
  points_day: PointsDayTable;
  points_txn: PointsTxnTable;
  points_posting: PointsPostingTable;
  supermarket_item: SupermarketItemTable;
  supermarket_redemption: SupermarketRedemptionTable;
  supermarket_redemption_line: SupermarketRedemptionLineTable;
  supermarket_stock_move: SupermarketStockMoveTable;
}
