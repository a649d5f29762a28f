// 我的任务: the volunteer's work from every module in one phone list (read-only; each module keeps its own).
import type { LinliModule } from '../../platform/module.ts';
import { meRoutes } from './me.routes.ts';
import { MeService, type MyTaskSources } from './me.service.ts';

export function meModule(deps: MyTaskSources): LinliModule<MeService> {
  const me = new MeService(deps);
  return { routes: meRoutes(me), service: me, jobs: [] };
}
