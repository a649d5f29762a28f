// /api/org: the leadership group (the admin keeps it, social workers read it) and the social workers' overview.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { leadershipInput, leadershipItem, socialWorkerItem } from '../../../../domain/volunteers/organisation.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { OrganisationService } from './organisation.service.ts';

export function organisationRoutes(org: OrganisationService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['organisation'];
    const read = { access: { permission: 'org.read' as const } };
    const manage = { access: { permission: 'org.manage' as const } };

    r.get(
      '/api/org/leadership',
      {
        config: read,
        schema: {
          tags,
          summary: 'The volunteer-service leadership group: 组长, 副组长, 成员 with their duties',
          response: { 200: z.array(leadershipItem) },
        },
      },
      (req) => org.leadership(actorOf(req)),
    );
    r.post(
      '/api/org/leadership',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a member: a community account or a named person',
          body: leadershipInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await org.saveLeadership(actorOf(req), null, req.body, requestContext(req))),
    );
    r.put(
      '/api/org/leadership/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Replace a member',
          params: idParam,
          body: leadershipInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await org.saveLeadership(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/org/leadership/:id',
      {
        config: manage,
        schema: { tags, summary: 'Remove a member', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await org.removeLeadership(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/org/social-workers',
      {
        config: read,
        schema: {
          tags,
          summary: 'Staff and admins with the volunteers they lead and those volunteers’ entries waiting',
          response: { 200: z.array(socialWorkerItem) },
        },
      },
      (req) => org.socialWorkers(actorOf(req)),
    );
  };
}
