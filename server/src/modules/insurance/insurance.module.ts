import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { insuranceExportRoutes } from './insurance.export.routes.ts';
import { insuranceRoutes } from './insurance.routes.ts';
import { InsuranceService } from './insurance.service.ts';

export function insuranceModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
}): LinliModule<InsuranceService> {
  const service = new InsuranceService(deps.db, deps.audit, deps.directory);
  return { routes: joinRoutes(insuranceRoutes(service), insuranceExportRoutes(service, deps)), service, jobs: [] };
}
