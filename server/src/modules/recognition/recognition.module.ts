// Stars, commendations and the quarterly ranking, with the daily star notices (07:30 Shanghai). The ranking
// reads attendance through the reader it is given (the activities module's), so neither module imports the other.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { HoursService } from '../hours/hours.service.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { recognitionRoutes } from './recognition.routes.ts';
import { RecognitionService, type AttendanceReader } from './recognition.service.ts';

export function recognitionModule(deps: {
  db: Db;
  audit: AuditLog;
  hours: HoursService;
  directory: VolunteerDirectory;
  attendance: AttendanceReader | null;
  rateLimits: boolean;
}): LinliModule<RecognitionService> {
  const service = new RecognitionService(deps.db, deps.audit, deps.hours, deps.directory, deps.attendance);
  return {
    routes: recognitionRoutes(service, deps.rateLimits),
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
