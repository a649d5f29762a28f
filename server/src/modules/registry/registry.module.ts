// Grids, buildings, households and residents, with their Excel import and export. Other modules read
// residents through the ResidentDirectory this module offers.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { UploadLimits } from '../../platform/upload-guard.ts';
import { registryExcelRoutes } from './registry.excel.routes.ts';
import { registryRoutes } from './registry.routes.ts';
import { RegistryService } from './registry.service.ts';
import { ResidentDirectory } from './resident-directory.ts';

export function registryModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  uploads: UploadLimits;
}): LinliModule<{ registry: RegistryService; residents: ResidentDirectory }> {
  const registry = new RegistryService(deps.db, deps.cipher, deps.audit);
  return {
    routes: async (app: FastifyInstance) => {
      await app.register(registryRoutes(registry));
      await app.register(registryExcelRoutes(registry, deps.uploads));
    },
    service: { registry, residents: new ResidentDirectory(deps.db) },
    jobs: [],
  };
}
