import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { availabilityRoutes } from './availability.routes.ts';
import { AvailabilityService } from './availability.service.ts';

export function availabilityModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
}): LinliModule<AvailabilityService> {
  const service = new AvailabilityService(deps.db, deps.audit, deps.directory);
  return { routes: availabilityRoutes(service), service, jobs: [] };
}
