// Love QR badges: a finder scans an elder's badge and reaches the family.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import type { ContactService } from '../contacts/contacts.service.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import { badgesExportRoutes } from './badges.export.routes.ts';
import { badgesRoutes } from './badges.routes.ts';
import { BadgesService } from './badges.service.ts';

export function badgesModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  registry: RegistryService;
  residents: ResidentDirectory;
  rateLimits: boolean;
  contacts: ContactService;
  /** LINLI_BADGE_SCAN_RETENTION_DAYS. */
  scanRetentionDays: number;
}): LinliModule<BadgesService> {
  const service = new BadgesService(
    deps.db,
    deps.cipher,
    deps.audit,
    deps.notifier,
    deps.registry,
    deps.residents,
    deps.contacts,
  );
  service.scanRetentionDays = deps.scanRetentionDays;
  // Withdrawing the love_badge consent in the registry stops the badge, in the same transaction.
  deps.registry.onConsentWithdrawn((trx, actor, ctx, consent) => service.consentWithdrawn(trx, actor, ctx, consent));
  // A family contact removed from the registry no longer gets the elder's scans and locations, nor a call button.
  deps.registry.onContactRemoved((trx, actor, ctx, contact) => service.contactRemoved(trx, actor, ctx, contact));
  // An elder who moved out or died: the badge stops and the family is told.
  deps.registry.onResidentLeft((trx, actor, ctx, resident, status) =>
    service.residentLeft(trx, actor, ctx, resident, status),
  );
  return {
    routes: joinRoutes(badgesRoutes(service, deps.rateLimits), badgesExportRoutes(service, deps)),
    service,
    // Where scans happened is kept LINLI_BADGE_SCAN_RETENTION_DAYS (default 90), then erased every night.
    jobs: [
      { name: 'badges.scan_purge', cron: '50 3 * * *', run: () => service.purgeScanDetails().then(() => undefined) },
    ],
  };
}
