// The love QR badges as one registration (app.ts, issue-6 block). The service is exposed for tests and benchmarks.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { RegistryService } from '../registry/registry.service.ts';
import { BadgesService } from './badges.service.ts';
import { badgesRoutes } from './badges.routes.ts';

export function badgesModule(deps: {
  db: Db;
  cipher: FieldCipher;
  audit: AuditLog;
  notifier: Notifier;
  registry: RegistryService;
  rateLimits: boolean;
}) {
  const service = new BadgesService(deps.db, deps.cipher, deps.audit, deps.notifier, deps.registry);
  // Withdrawing the love_badge consent in the registry stops the badge, in the same transaction.
  deps.registry.onConsentWithdrawn((trx, actor, ctx, consent) => service.consentWithdrawn(trx, actor, ctx, consent));
  // A family contact removed from the registry no longer gets the elder's scans and locations, nor a call button.
  deps.registry.onContactRemoved((trx, actor, ctx, contact) => service.contactRemoved(trx, actor, ctx, contact));
  return Object.assign(
    async (app: FastifyInstance) => {
      await app.register(badgesRoutes(service, deps.rateLimits));
    },
    { service },
  );
}
