import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import { selectionsRoutes } from './selections.routes.ts';
import { SelectionsService } from './selections.service.ts';

export function selectionsModule(deps: {
  db: Db;
  audit: AuditLog;
  residents: ResidentDirectory;
}): LinliModule<SelectionsService> {
  const service = new SelectionsService(deps.db, deps.audit, deps.residents);
  return { routes: selectionsRoutes(service, deps.db), service, jobs: [] };
}
