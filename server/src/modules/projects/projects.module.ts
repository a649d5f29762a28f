import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import { projectsRoutes } from './projects.routes.ts';
import { ProjectsService } from './projects.service.ts';

export function projectsModule(deps: { db: Db; audit: AuditLog; cipher: FieldCipher }): LinliModule<ProjectsService> {
  const service = new ProjectsService(deps.db, deps.audit, deps.cipher);
  return { routes: projectsRoutes(service, deps), service, jobs: [] };
}
