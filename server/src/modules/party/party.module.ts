// Party members, branches and their reports to the community (在职党员报到). The party indicators read members
// through this module's service.
import type { Db, DatabaseKind } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { partyExportRoutes } from './party.export.routes.ts';
import { partyRoutes } from './party.routes.ts';
import { PartyService } from './party.service.ts';

export function partyModule(deps: {
  db: Db;
  kind: DatabaseKind;
  audit: AuditLog;
  directory: VolunteerDirectory;
}): LinliModule<PartyService> {
  const service = new PartyService(deps.db, deps.kind, deps.audit, deps.directory);
  return { routes: joinRoutes(partyRoutes(service), partyExportRoutes(service, deps)), service, jobs: [] };
}
