import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { unitsRoutes } from './units.routes.ts';
import { UnitsService } from './units.service.ts';

export function unitsModule(deps: { db: Db; audit: AuditLog }): LinliModule<UnitsService> {
  const service = new UnitsService(deps.db, deps.audit);
  return { routes: unitsRoutes(service), service, jobs: [] };
}
