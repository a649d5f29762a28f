import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { teamsRoutes } from './teams.routes.ts';
import { TeamsService } from './teams.service.ts';

export function teamsModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
}): LinliModule<TeamsService> {
  const service = new TeamsService(deps.db, deps.audit, deps.directory);
  return { routes: teamsRoutes(service), service, jobs: [] };
}
