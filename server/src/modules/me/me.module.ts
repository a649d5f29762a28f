// 我的任务 and the phone home's "next up": the person's work from every module (read-only; each module keeps its own).
import type { LinliModule } from '../../platform/module.ts';
import { meRoutes } from './me.routes.ts';
import { MeService, type HomeSources, type MyTaskSources } from './me.service.ts';

export function meModule(deps: MyTaskSources & { home: HomeSources }): LinliModule<MeService> {
  const me = new MeService(deps, deps.home);
  return { routes: meRoutes(me), service: me, jobs: [] };
}
