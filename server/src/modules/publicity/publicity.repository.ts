// All SQL of publicity: announcements, short links, and the community's name for the public pages.
import type { DbOrTrx } from '../../db/database.ts';
import type { AnnouncementTable, ShortLinkTable } from '../../db/schema/index.ts';

export const communityName = async (db: DbOrTrx, communityId: string): Promise<string | null> =>
  (await db.selectFrom('community').select('name').where('id', '=', communityId).executeTakeFirst())?.name ?? null;

export const insertAnnouncement = (db: DbOrTrx, row: AnnouncementTable) =>
  db.insertInto('announcement').values(row).execute();

export const getAnnouncement = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('announcement')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const updateAnnouncement = (
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Partial<AnnouncementTable>,
  fromStatuses: string[],
) =>
  db
    .updateTable('announcement')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('status', 'in', fromStatuses)
    .executeTakeFirst()
    .then((r) => Number(r.numUpdatedRows) === 1);

export async function listAnnouncements(
  db: DbOrTrx,
  communityId: string,
  q: { status?: string; page: number; pageSize: number },
) {
  let s = db.selectFrom('announcement').where('community_id', '=', communityId);
  if (q.status) s = s.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    s
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    s.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Published announcements whose window holds `now`, newest first, capped. Channels are filtered by the caller. */
export const liveAnnouncements = (db: DbOrTrx, communityId: string, nowIso: string, limit: number) =>
  db
    .selectFrom('announcement')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('status', '=', 'published')
    .where((eb) => eb.or([eb('publish_from', 'is', null), eb('publish_from', '<=', nowIso)]))
    .where((eb) => eb.or([eb('publish_until', 'is', null), eb('publish_until', '>', nowIso)]))
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

export const shortLinksOf = (db: DbOrTrx, communityId: string, announcementIds: string[]) =>
  announcementIds.length
    ? db
        .selectFrom('short_link')
        .select(['announcement_id', 'code'])
        .where('community_id', '=', communityId)
        .where('announcement_id', 'in', announcementIds)
        .execute()
    : Promise.resolve([]);

export const insertShortLink = (db: DbOrTrx, row: ShortLinkTable) => db.insertInto('short_link').values(row).execute();

export const retargetShortLink = (db: DbOrTrx, communityId: string, announcementId: string, target: string) =>
  db
    .updateTable('short_link')
    .set({ target })
    .where('community_id', '=', communityId)
    .where('announcement_id', '=', announcementId)
    .execute();

export const shortLinkByCode = (db: DbOrTrx, code: string) =>
  db
    .selectFrom('short_link as l')
    .leftJoin('announcement as a', (j) =>
      j.onRef('a.community_id', '=', 'l.community_id').onRef('a.id', '=', 'l.announcement_id'),
    )
    .select(['l.community_id', 'l.target', 'l.announcement_id', 'a.status as announcement_status'])
    .where('l.code', '=', code)
    .executeTakeFirst();
