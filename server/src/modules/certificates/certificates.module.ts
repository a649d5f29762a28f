// Service certificates from the hours ledger, with a public page to verify one.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { certificatesExportRoutes } from './certificates.export.routes.ts';
import { certificatesRoutes } from './certificates.routes.ts';
import { CertificatesService } from './certificates.service.ts';

export function certificatesModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
  hours: HoursService;
  rateLimits: boolean;
}): LinliModule<CertificatesService> {
  const service = new CertificatesService(deps.db, deps.audit, deps.directory, deps.hours);
  return {
    routes: joinRoutes(certificatesRoutes(service, deps.rateLimits), certificatesExportRoutes(service, deps)),
    service,
    jobs: [],
  };
}
