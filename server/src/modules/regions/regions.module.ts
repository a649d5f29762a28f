// Above the community: street, district and city offices and the communities they compare (PRODUCT.md item 18).
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import { RegionAccountsService } from './regions-accounts.service.ts';
import { regionsRoutes } from './regions.routes.ts';
import { RegionsService } from './regions.service.ts';

export function regionsModule(deps: { db: Db; audit: AuditLog; notifier: Notifier }): LinliModule<RegionsService> {
  const service = new RegionsService(deps.db);
  const accounts = new RegionAccountsService(deps.db, deps.audit, deps.notifier);
  return { routes: regionsRoutes(service, accounts), service, jobs: [] };
}
