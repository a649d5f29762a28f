import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { organisationRoutes } from './organisation.routes.ts';
import { OrganisationService } from './organisation.service.ts';

export function organisationModule(deps: { db: Db; audit: AuditLog }): LinliModule<OrganisationService> {
  const service = new OrganisationService(deps.db, deps.audit);
  return { routes: organisationRoutes(service), service, jobs: [] };
}
