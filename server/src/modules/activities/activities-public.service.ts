// What the public channels (the publicity module's site, screen and posters) may read of activities: published
// activities, their title, time, place and description. Kept apart from ActivitiesService, which is about staff
// and volunteers; this one has no actor because its readers are anonymous.
import type { Db } from '../../db/database.ts';
import * as repo from './activities-public.repository.ts';

export interface PublicActivityRow {
  id: string;
  title: string;
  description: string;
  place: string;
  startsAt: string;
  endsAt: string;
  published: boolean;
  /** 小小志愿者活动: children may sign up with an accompanying adult. */
  juniorVolunteers: boolean;
}

const toView = (r: {
  id: string;
  title: string;
  description: string | null;
  place: string;
  starts_at: string;
  ends_at: string;
  status?: string;
  junior_volunteers?: number;
}): PublicActivityRow => ({
  id: r.id,
  title: r.title,
  description: r.description ?? '',
  place: r.place,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  published: r.status === undefined || r.status === 'published',
  juniorVolunteers: !!r.junior_volunteers,
});

export class ActivitiesPublicService {
  constructor(private readonly db: Db) {}

  /** Published activities that have not ended and start before `to`, soonest first (at most `limit`). */
  async upcoming(communityId: string, now: Date, to: Date, limit = 50): Promise<PublicActivityRow[]> {
    const rows = await repo.upcomingPublished(this.db, communityId, now.toISOString(), to.toISOString(), limit);
    return rows.map(toView);
  }

  /** One activity with whether it is published; null when the community has no such activity. */
  async one(communityId: string, id: string): Promise<PublicActivityRow | null> {
    const r = await repo.publishedActivity(this.db, communityId, id);
    return r ? toView(r) : null;
  }
}
