// Stars, commendations and the quarterly ranking, with the daily star notices (07:30 Shanghai). The ranking
// reads attendance through the reader it is given (the activities module's), so neither module imports the other.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { healthCheckRoutes } from './health-check.routes.ts';
import { HealthCheckService } from './health-check.service.ts';
import { recognitionExportRoutes } from './recognition.export.routes.ts';
import { recognitionRoutes } from './recognition.routes.ts';
import { RecognitionService, type AttendanceReader } from './recognition.service.ts';

export function recognitionModule(deps: {
  db: Db;
  audit: AuditLog;
  hours: HoursService;
  directory: VolunteerDirectory;
  attendance: AttendanceReader | null;
  rateLimits: boolean;
  cipher: FieldCipher;
  notifier: Notifier;
}): LinliModule<RecognitionService> {
  const service = new RecognitionService(deps.db, deps.audit, deps.hours, deps.directory, deps.attendance);
  const healthChecks = new HealthCheckService(deps.db, deps.audit, deps.cipher, deps.notifier, deps.directory);
  return {
    routes: joinRoutes(
      recognitionRoutes(service, deps.rateLimits),
      healthCheckRoutes(healthChecks, deps),
      recognitionExportRoutes(service, deps),
    ),
    service,
    jobs: [
      {
        name: 'recognition.star_notices',
        cron: '30 7 * * *',
        run: async () => {
          await service.scanAll();
        },
      },
    ],
  };
}
