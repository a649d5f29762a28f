// Tables of the notices area: what staff send (one batch per send, linked to its outbox rows) and read marks.
// Times are ISO-8601 UTC text; booleans are 0/1.

export interface NoticeBatchTable {
  community_id: string;
  id: string;
  title: string;
  body: string;
  urgent: number;
  audience_kind: string;
  audience_ref: string | null;
  audience_label: string;
  recipients: number;
  unreachable: number;
  sent_by: string;
  sent_by_name: string;
  created_at: string;
}

export interface NoticeRecipientTable {
  community_id: string;
  batch_id: string;
  outbox_id: string;
  person_kind: string;
  person_name: string;
}

export interface MessageReadTable {
  account_id: string;
  outbox_id: string;
  read_at: string;
}

export interface NoticesTables {
  notice_batch: NoticeBatchTable;
  notice_recipient: NoticeRecipientTable;
  message_read: MessageReadTable;
}
