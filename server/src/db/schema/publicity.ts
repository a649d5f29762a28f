// Tables of the publicity area: announcements written once for every channel, and the short links the
// WeChat group text carries.

export interface AnnouncementTable {
  community_id: string;
  id: string;
  /** news | activity | commendation | class */
  kind: string;
  title: string;
  body: string;
  activity_id: string | null;
  /** The published commendation list's quarter (YYYY-Qn), for a commendation. */
  quarter: string | null;
  /** citizens_school | painting | calligraphy | music | recitation | guoxue, for a class. */
  class_kind: string | null;
  schedule: string | null;
  place: string | null;
  publish_from: string | null;
  publish_until: string | null;
  /** JSON array of channels: site, screen, poster, wechat. */
  channels: string;
  /** draft | published | withdrawn */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  withdrawn_at: string | null;
}

/** /s/{code} → target (a path on this server). The code is random, found by its own index. */
export interface ShortLinkTable {
  community_id: string;
  code: string;
  target: string;
  announcement_id: string | null;
  created_at: string;
}

export interface PublicityTables {
  announcement: AnnouncementTable;
  short_link: ShortLinkTable;
}
