// The 4:30 after-school classroom, with its arrival alerts checked every five minutes (a session past its
// expected-by time with a child not arrived raises one).
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { classroomExportRoutes } from './classroom.export.routes.ts';
import { classroomRoutes } from './classroom.routes.ts';
import { ClassroomService } from './classroom.service.ts';
import { rotaSwapRoutes } from './rota-swap.routes.ts';
import { RotaSwapService } from './rota-swap.service.ts';

export function classroomModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
  hours: HoursService;
  eligibility: EligibilityService;
  contacts: ContactService;
}): LinliModule<ClassroomService> {
  const service = new ClassroomService(
    deps.db,
    deps.audit,
    deps.directory,
    deps.notifier,
    deps.hours,
    deps.cipher,
    deps.eligibility,
    deps.contacts,
  );
  const rotaSwaps = new RotaSwapService(deps.db, deps.audit, deps.directory, deps.notifier, deps.eligibility);
  return {
    routes: joinRoutes(classroomRoutes(service), classroomExportRoutes(service, deps), rotaSwapRoutes(rotaSwaps)),
    service,
    jobs: [
      {
        name: 'classroom.arrival_alerts',
        cron: '*/5 * * * *',
        run: async () => {
          await service.raiseDueAlerts();
        },
      },
    ],
  };
}
