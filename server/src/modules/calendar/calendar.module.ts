// Festival and solar-term dates: pure calendar rules from domain/, no service of its own.
import type { LinliModule } from '../../platform/module.ts';
import { calendarRoutes } from './calendar.routes.ts';

export function calendarModule(): LinliModule<null> {
  return { routes: calendarRoutes(), service: null, jobs: [] };
}
