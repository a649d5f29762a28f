// Activities: events, recurring series, sign-up and check-in. Jobs: reminders every ten minutes, forgotten
// check-outs closed twice an hour, and recurring series extended nightly (02:20 Shanghai).
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { activitiesExportRoutes } from './activities.export.routes.ts';
import { activitiesRoutes } from './activities.routes.ts';
import { ActivitiesService } from './activities.service.ts';
import { activitySelfServiceRoutes } from './selfservice.routes.ts';
import { ActivitySelfService } from './selfservice.service.ts';

export function activitiesModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
  eligibility: EligibilityService;
  hours: HoursService;
  contacts: ContactService;
}): LinliModule<ActivitiesService> {
  const service = new ActivitiesService(
    deps.db,
    deps.audit,
    deps.directory,
    deps.eligibility,
    deps.hours,
    deps.notifier,
    deps.cipher,
    deps.contacts,
  );
  // Volunteers' self-service on their sign-ups (还来吗？, no-shows, swaps): its own service and routes.
  const selfService = new ActivitySelfService(deps.db, deps.audit, deps.directory, deps.notifier, service);
  const routes = activitiesRoutes(service);
  const selfRoutes = activitySelfServiceRoutes(selfService);
  return {
    routes: joinRoutes(routes, selfRoutes, activitiesExportRoutes(service, deps)),
    service,
    jobs: [
      {
        name: 'activities.reminders',
        cron: '*/10 * * * *',
        run: async () => {
          await service.sendReminders();
        },
      },
      {
        name: 'activities.forgotten_checkouts',
        cron: '5,35 * * * *',
        run: async () => {
          await service.closeForgotten();
        },
      },
      {
        name: 'activities.no_shows',
        cron: '7,37 * * * *',
        run: async () => {
          await selfService.markNoShows();
        },
      },
      {
        name: 'activities.series',
        cron: '20 2 * * *',
        run: async () => {
          await service.extendSeries();
        },
      },
    ],
  };
}
