// Tables of the WeChat official account: inbound messages, account bindings and bind codes.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface WechatInboundTable {
  community_id: string;
  key: string;
  openid: string;
  received_at: string;
}

export interface WechatBindingTable {
  community_id: string;
  openid: string;
  phone: string;
  resident_id: string | null;
  menu: string | null;
  menu_at: string | null;
  bound_at: string;
  updated_at: string;
}

export interface WechatBindCodeTable {
  community_id: string;
  openid: string;
  phone: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
}

export interface WechatTables {
  wechat_inbound: WechatInboundTable;
  wechat_binding: WechatBindingTable;
  wechat_bind_code: WechatBindCodeTable;
}
