// Volunteer records, sign-up and Excel import/export. Other modules look volunteers up through the
// VolunteerDirectory this module offers.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { SessionCache } from '../../platform/session-cache.ts';
import type { UploadLimits } from '../../platform/upload-guard.ts';
import { VolunteerDirectory } from './volunteer-directory.ts';
import { volunteerRoutes } from './volunteers.routes.ts';
import { VolunteerService } from './volunteers.service.ts';

export function volunteersModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  sessions: SessionCache;
  rateLimits: boolean;
  uploads: UploadLimits;
}): LinliModule<{ volunteers: VolunteerService; directory: VolunteerDirectory }> {
  const directory = new VolunteerDirectory(deps.db);
  const volunteers = new VolunteerService(deps.db, deps.cipher, deps.audit, deps.notifier, directory, deps.sessions);
  return {
    routes: volunteerRoutes(volunteers, { rateLimits: deps.rateLimits, uploads: deps.uploads }),
    service: { volunteers, directory },
    jobs: [],
  };
}
