// The reads of activities that the public channels (site, screen, poster) need: published activities only,
// and only the fields a passer-by may see (title, time, place, description). No sign-ups, no names.
import type { DbOrTrx } from '../../db/database.ts';

const publicFields = ['id', 'title', 'description', 'place', 'starts_at', 'ends_at', 'junior_volunteers'] as const;

/** Published activities not yet over, soonest first, capped. */
export const upcomingPublished = (db: DbOrTrx, communityId: string, nowIso: string, toIso: string, limit: number) =>
  db
    .selectFrom('activity')
    .select(publicFields)
    .where('community_id', '=', communityId)
    .where('status', '=', 'published')
    .where('ends_at', '>=', nowIso)
    .where('starts_at', '<', toIso)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(limit)
    .execute();

export const publishedActivity = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('activity')
    .select([...publicFields, 'status'])
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
