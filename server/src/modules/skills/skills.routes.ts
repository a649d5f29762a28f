import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { poolPage, poolQuery, skillInput, skillPatch, volunteerSkill } from '../../../../domain/volunteers/pool.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { SkillsService } from './skills.service.ts';
import { noContent } from '../../platform/responses.ts';

const codeParam = idParam.extend({ code: z.string().max(40) });

export function skillsRoutes(skills: SkillsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Writes: volunteers.write (staff, a unit coordinator for their unit) or the volunteer themself (volunteer.self);
    // the service decides which grant applies, so the route only asks for a session.
    const edit = { access: { signedIn: true as const } };

    r.get(
      '/api/skills/catalogue',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['skills'],
          summary: 'Skill categories and skills with labels',
          response: {
            200: z.object({
              categories: z.array(
                z.object({
                  code: z.string(),
                  zh: z.string(),
                  en: z.string(),
                  skills: z.array(
                    z.object({ code: z.string(), zh: z.string(), en: z.string(), licensed: z.boolean() }),
                  ),
                }),
              ),
              levels: z.array(z.string()),
            }),
          },
        },
      },
      () => skills.catalogue(),
    );

    r.get(
      '/api/skills-pool',
      {
        config: { access: { permission: 'volunteers.read' } },
        schema: {
          tags: ['skills'],
          summary: 'The skills pool: approved volunteers with skills, filtered, with counts per category',
          querystring: poolQuery,
          response: { 200: poolPage },
        },
      },
      (req) => skills.pool(actorOf(req), grantOf(req), req.query),
    );

    r.get(
      '/api/volunteers/:id/skills',
      {
        config: { access: { permission: 'volunteers.read' } },
        schema: {
          tags: ['skills'],
          summary: 'A volunteer’s skills',
          params: idParam,
          response: { 200: z.array(volunteerSkill) },
        },
      },
      (req) => skills.skillsOf(actorOf(req), grantOf(req), req.params.id),
    );

    r.post(
      '/api/volunteers/:id/skills',
      {
        config: edit,
        schema: {
          tags: ['skills'],
          summary: 'Add a skill (a licensed skill needs a current licence)',
          params: idParam,
          body: skillInput,
          response: { 201: noContent },
        },
      },
      async (req, reply) => {
        await skills.add(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(201).send();
      },
    );

    r.patch(
      '/api/volunteers/:id/skills/:code',
      {
        config: edit,
        schema: {
          tags: ['skills'],
          summary: 'Change a skill’s level or licence',
          params: codeParam,
          body: skillPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await skills.update(actorOf(req), req.params.id, req.params.code, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.delete(
      '/api/volunteers/:id/skills/:code',
      {
        config: edit,
        schema: { tags: ['skills'], summary: 'Remove a skill', params: codeParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await skills.remove(actorOf(req), req.params.id, req.params.code, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
