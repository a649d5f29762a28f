// Standing pairings of volunteers with residents (结对帮扶) and their visits.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { pairingsExportRoutes } from './pairings.export.routes.ts';
import { pairingsRoutes } from './pairings.routes.ts';
import { PairingsService } from './pairings.service.ts';

export function pairingsModule(deps: {
  db: Db;
  audit: AuditLog;
  directory: VolunteerDirectory;
  residents: ResidentDirectory;
  eligibility: EligibilityService;
  hours: HoursService;
  contacts: ContactService;
}): LinliModule<PairingsService> {
  const service = new PairingsService(
    deps.db,
    deps.audit,
    deps.directory,
    deps.residents,
    deps.eligibility,
    deps.hours,
    deps.contacts,
  );
  return {
    routes: joinRoutes(pairingsRoutes(service), pairingsExportRoutes(service, deps)),
    service,
    jobs: [],
  };
}
