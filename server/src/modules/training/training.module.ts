// Training courses and sessions, and the daily notice (08:30 Shanghai) of trainings, licences and insurance
// about to expire.
import type { Db, DatabaseKind } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { VolunteerDirectory } from '../volunteers/volunteer-directory.ts';
import { sendExpiryNotices } from './expiry-notices.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { trainingExportRoutes } from './training.export.routes.ts';
import { trainingRoutes } from './training.routes.ts';
import { TrainingService } from './training.service.ts';

export function trainingModule(deps: {
  db: Db;
  kind: DatabaseKind;
  audit: AuditLog;
  notifier: Notifier;
  directory: VolunteerDirectory;
}): LinliModule<TrainingService> {
  const service = new TrainingService(deps.db, deps.kind, deps.audit, deps.directory);
  return {
    routes: joinRoutes(trainingRoutes(service), trainingExportRoutes(service, deps)),
    service,
    jobs: [
      {
        name: 'volunteers.expiry_notices',
        cron: '30 8 * * *',
        run: async () => {
          await sendExpiryNotices(deps.db, deps.notifier);
        },
      },
    ],
  };
}
