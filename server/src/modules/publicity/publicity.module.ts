// Publicity (宣传): one announcement, every channel — the public site, the LED screen and its text feed, the
// bulletin-board poster and the volunteers' WeChat group with a short link. No jobs.
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import type { LinliModule } from '../../platform/module.ts';
import { joinRoutes } from '../../platform/list-export.ts';
import type { ActivitiesPublicService } from '../activities/activities-public.service.ts';
import type { SectionSources } from './public-sections.ts';
import { publicRoutes } from './public.routes.ts';
import { publicityRoutes } from './publicity.routes.ts';
import { PublicityService, type CommendationSource } from './publicity.service.ts';

export function publicityModule(deps: {
  db: Db;
  audit: AuditLog;
  activities: ActivitiesPublicService;
  commendations: CommendationSource;
  sections?: SectionSources;
}): LinliModule<PublicityService> {
  const service = new PublicityService(deps.db, deps.audit, deps.activities, deps.commendations);
  return {
    routes: joinRoutes(publicityRoutes(service), publicRoutes(service, deps.sections)),
    service,
    jobs: [],
  };
}
