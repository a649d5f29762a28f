// Volunteers' self-service across modules: one calendar feed per person (the activities feed's address carries every
// commitment) and their own record to take away (PDF and Excel). Jobs: none.
import type { LinliModule } from '../../platform/module.ts';
import type { ActivitiesService } from '../activities/activities.service.ts';
import { PersonCalendar, type CalendarSources } from './calendar.service.ts';
import { PersonalRecord, type RecordSources } from './record.service.ts';
import { selfServiceRoutes } from './selfservice.routes.ts';

export function selfServiceModule(
  deps: CalendarSources & RecordSources & { activities: ActivitiesService },
): LinliModule<{ calendar: PersonCalendar; record: PersonalRecord }> {
  const calendar = new PersonCalendar(deps.db, deps);
  deps.activities.onFeed((communityId, volunteerId, now) => calendar.events(communityId, volunteerId, now));
  const record = new PersonalRecord(deps);
  return { routes: selfServiceRoutes(record), service: { calendar, record }, jobs: [] };
}
