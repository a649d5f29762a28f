// The WeChat official account: residents bind their phone, file needs and book appointments by message. Old
// messages are purged nightly (03:40 Shanghai).
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import type { Notifier } from '../../platform/notify.ts';
import type { AppointmentsService } from '../appointments/appointments.service.ts';
import type { NeedsService } from '../needs/needs.service.ts';
import type { ResidentDirectory } from '../registry/resident-directory.ts';
import { wechatRoutes } from './wechat.routes.ts';
import { WechatService, type NeedsPort } from './wechat.service.ts';

/**
 * Open needs of a bound phone through NeedsService.mine, which wants a signed-in actor: it reads only the
 * community, the resident and the phone, so those are all we pass. A NeedsService method taking these three
 * directly would remove the cast.
 */
function needsPort(needs: NeedsService): NeedsPort {
  return {
    takeFromChannel: (t, ctx) => needs.takeFromChannel(t, ctx),
    openNeedsOf: async (communityId, selfResidentId, phone) => {
      return (
        await needs.mine({ communityId, residentId: selfResidentId, phone }, { status: 'open', page: 1, pageSize: 20 })
      ).items;
    },
  };
}

export function wechatModule(deps: {
  db: Db;
  audit: AuditLog;
  notifier: Notifier;
  residents: ResidentDirectory;
  needs: NeedsService;
  appointments: AppointmentsService;
  tokens: Config['wechat'];
  rateLimits: boolean;
}): LinliModule<WechatService> {
  const service = new WechatService(
    deps.db,
    deps.audit,
    deps.notifier,
    deps.residents,
    needsPort(deps.needs),
    deps.appointments,
  );
  return {
    routes: wechatRoutes(service, deps.tokens, deps.rateLimits),
    service,
    jobs: [{ name: 'wechat.purge', cron: '40 3 * * *', run: () => service.purge() }],
  };
}
