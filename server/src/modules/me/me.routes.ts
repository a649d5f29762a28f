import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { myTaskItem } from '../../../../domain/needs/my-tasks.ts';
import { homeSummary } from '../../../../domain/me/home.ts';
import { actorOf } from '../../platform/http.ts';
import type { MeService } from './me.service.ts';

export function meRoutes(me: MeService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/me/tasks',
      {
        config: { access: { permission: 'volunteer.self' as const } },
        schema: {
          tags: ['me'],
          summary:
            '我的任务: my needs, pairing visits, home-care tasks, hospital shifts, rota days and activity shifts',
          response: { 200: z.array(myTaskItem) },
        },
      },
      (req) => me.tasks(actorOf(req)),
    );
    r.get(
      '/api/me/home',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['me'],
          summary:
            "The phone home: am I a volunteer, and what is next for me (task, activity, elder's badge, grid, team)",
          response: { 200: homeSummary },
        },
      },
      (req) => me.home(actorOf(req)),
    );
  };
}
