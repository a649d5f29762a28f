// The left-out monitor: residents of special groups nobody has visited, and the daily alert to staff (08:45
// Shanghai, after the expiry notices).
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import { sendLeftOutAlerts } from './left-out-alerts.ts';
import { monitorRoutes } from './monitor.routes.ts';
import { MonitorService } from './monitor.service.ts';
import type { ContactService } from '../contacts/contacts.service.ts';

export function monitorModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  alertDays: number;
  contacts: ContactService;
}): LinliModule<MonitorService> {
  const service = new MonitorService(deps.db, deps.cipher, deps.alertDays, deps.audit, deps.contacts);
  return {
    routes: monitorRoutes(service),
    service,
    jobs: [
      {
        name: 'monitor.left_out_alerts',
        cron: '45 8 * * *',
        run: async () => {
          await sendLeftOutAlerts(deps.db, deps.cipher, deps.notifier, deps.alertDays);
        },
      },
    ],
  };
}
