// The hours ledger: every credit of service time. Points subscribe to its verified-credit changes.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { hoursExportRoutes } from './hours.export.routes.ts';
import { hoursRoutes } from './hours.routes.ts';
import { HoursService } from './hours.service.ts';

export function hoursModule(deps: {
  db: Db;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
}): LinliModule<HoursService> {
  const service = new HoursService(deps.db, deps.audit, deps.directory, deps.notifier);
  return { routes: joinRoutes(hoursRoutes(service), hoursExportRoutes(service, deps)), service, jobs: [] };
}
