// Volunteers' self-service across modules: one calendar feed per person (the activities feed's address carries every
// commitment), and later their own record to take away. Jobs: none.
import type { Db } from '../../db/database.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import { PersonCalendar, type CalendarSources } from './calendar.service.ts';

export function selfServiceModule(
  deps: CalendarSources & { db: Db; activities: ActivitiesService },
): LinliModule<{ calendar: PersonCalendar }> {
  const calendar = new PersonCalendar(deps.db, deps);
  deps.activities.onFeed((communityId, volunteerId, now) => calendar.events(communityId, volunteerId, now));
  return { routes: async () => {}, service: { calendar }, jobs: [] };
}
