import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { skillsExportRoutes } from './skills.export.routes.ts';
import { skillsRoutes } from './skills.routes.ts';
import { SkillsService } from './skills.service.ts';

export function skillsModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
}): LinliModule<SkillsService> {
  const service = new SkillsService(deps.db, deps.audit, deps.directory);
  return { routes: joinRoutes(skillsRoutes(service), skillsExportRoutes(service, deps)), service, jobs: [] };
}
