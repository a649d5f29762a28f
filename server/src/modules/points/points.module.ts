// Points and the love supermarket. Points subscribe to the hours ledger's verified-credit changes, so they are
// earned and reversed inside the verifying transaction.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { pointsExportRoutes } from './points.export.routes.ts';
import { pointsRoutes } from './points.routes.ts';
import { PointsService } from './points.service.ts';

export function pointsModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
  hours: HoursService;
}): LinliModule<PointsService> {
  const service = new PointsService(deps.db, deps.audit, deps.directory, deps.hours);
  deps.hours.onCreditChange(service.onCreditChange);
  return { routes: joinRoutes(pointsRoutes(service), pointsExportRoutes(service, deps)), service, jobs: [] };
}
