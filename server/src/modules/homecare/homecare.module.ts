// Home care, hospital rotas and holiday delivery runs, with the daily notice (08:40 Shanghai): runs past their
// date with people not reached, and uncovered shifts.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { EligibilityService } from '../service-types/service-types.service.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { homecareExportRoutes } from './homecare.export.routes.ts';
import { homecareRoutes } from './homecare.routes.ts';
import { HomecareService } from './homecare.service.ts';

export function homecareModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
  residents: ResidentDirectory;
  hours: HoursService;
  eligibility: EligibilityService;
  contacts: ContactService;
}): LinliModule<HomecareService> {
  const service = new HomecareService(
    deps.db,
    deps.audit,
    deps.directory,
    deps.residents,
    deps.hours,
    deps.notifier,
    deps.cipher,
    deps.eligibility,
    deps.contacts,
  );
  return {
    routes: joinRoutes(homecareRoutes(service), homecareExportRoutes(service, deps)),
    service,
    jobs: [
      {
        name: 'homecare.daily_notices',
        cron: '40 8 * * *',
        run: async (payload: { now?: string }) => {
          await service.dailyNotices(payload?.now ? new Date(payload.now) : new Date());
        },
      },
    ],
  };
}
