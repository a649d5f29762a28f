// Notices staff send (通知) and 我的消息, the messages a person reads.
import type { LinliModule } from '../../platform/module.ts';
import { noticesRoutes } from './notices.routes.ts';
import { NoticesService, type NoticesDeps } from './notices.service.ts';

export function noticesModule(deps: NoticesDeps): LinliModule<NoticesService> {
  const service = new NoticesService(deps);
  return { routes: noticesRoutes(service), service, jobs: [] };
}
