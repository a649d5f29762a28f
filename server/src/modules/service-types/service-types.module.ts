// Kinds of service work and the gate: EligibilityService decides who may be put on which work, for every
// module that assigns volunteers.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { serviceTypeRoutes } from './service-types.routes.ts';
import { EligibilityService, ServiceTypeService } from './service-types.service.ts';

export function serviceTypesModule(deps: {
  db: Db;
  audit: AuditLog;
}): LinliModule<{ serviceTypes: ServiceTypeService; eligibility: EligibilityService }> {
  const eligibility = new EligibilityService(deps.db, deps.audit);
  const serviceTypes = new ServiceTypeService(deps.db, deps.audit, eligibility);
  return { routes: serviceTypeRoutes(serviceTypes), service: { serviceTypes, eligibility }, jobs: [] };
}
