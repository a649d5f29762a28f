// Above the community: street, district and city offices and the communities they compare (PRODUCT.md item 18).
import type { Db } from '../../db/database.ts';
import type { LinliModule } from '../../platform/module.ts';
import { regionsRoutes } from './regions.routes.ts';
import { RegionsService } from './regions.service.ts';

export function regionsModule(deps: { db: Db }): LinliModule<RegionsService> {
  const service = new RegionsService(deps.db);
  return { routes: regionsRoutes(service), service, jobs: [] };
}
