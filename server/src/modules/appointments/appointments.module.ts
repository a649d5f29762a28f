// Bookable services (clinics, legal advice) and their bookings, with the evening reminder job.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { appointmentsExportRoutes } from './appointments.export.routes.ts';
import { appointmentsRoutes } from './appointments.routes.ts';
import { AppointmentsService } from './appointments.service.ts';

export function appointmentsModule(deps: {
  db: Db;
  audit: AuditLog;
  notifier: Notifier;
  residents: ResidentDirectory;
  directory: VolunteerDirectory;
  hours: HoursService;
  contacts: ContactService;
}): LinliModule<AppointmentsService> {
  const service = new AppointmentsService(
    deps.db,
    deps.audit,
    deps.residents,
    deps.directory,
    deps.notifier,
    deps.hours,
    deps.contacts,
  );
  return {
    routes: joinRoutes(appointmentsRoutes(service), appointmentsExportRoutes(service, deps)),
    service,
    jobs: [
      {
        // The evening before: reminders for tomorrow's bookings (a booking made after 18:00 for tomorrow was
        // just confirmed on screen).
        name: 'appointments.reminders',
        cron: '0 18 * * *',
        run: async () => {
          await service.sendReminders();
        },
      },
    ],
  };
}
