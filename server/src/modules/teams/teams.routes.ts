import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import { teamDetail, teamInput, teamItem, teamMemberInput, teamPatch } from '../../../../domain/volunteers/teams.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { TeamsService } from './teams.service.ts';
import { noContent } from '../../platform/responses.ts';

const memberParam = idParam.extend({ volunteerId: uuid });

export function teamsRoutes(teams: TeamsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'teams.manage' as const } };

    r.get(
      '/api/teams',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['teams'],
          summary: 'Every team with counts, leaders and the caller’s own standing',
          response: { 200: z.array(teamItem) },
        },
      },
      (req) => teams.list(actorOf(req)),
    );
    r.get(
      '/api/teams/:id',
      {
        config: { access: { permission: 'volunteers.read' } },
        schema: {
          tags: ['teams'],
          summary: 'One team with its members and join requests',
          params: idParam,
          response: { 200: teamDetail },
        },
      },
      (req) => teams.get(actorOf(req), grantOf(req), req.params.id),
    );
    r.post(
      '/api/teams',
      {
        config: manage,
        schema: {
          tags: ['teams'],
          summary: 'Add a team',
          body: teamInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await teams.create(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/teams/:id',
      {
        config: manage,
        schema: {
          tags: ['teams'],
          summary: 'Edit a team',
          params: idParam,
          body: teamPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await teams.update(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/teams/:id',
      {
        config: manage,
        schema: { tags: ['teams'], summary: 'Remove a team', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await teams.remove(actorOf(req), grantOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/teams/:id/join',
      {
        config: { access: { permission: 'volunteer.self' } },
        schema: {
          tags: ['teams'],
          summary: 'Ask to join a team (the caller’s own volunteer record)',
          params: idParam,
          response: { 201: noContent },
        },
      },
      async (req, reply) => {
        await teams.join(actorOf(req), req.params.id, requestContext(req));
        return reply.status(201).send();
      },
    );
    r.post(
      '/api/teams/:id/members',
      {
        config: manage,
        schema: {
          tags: ['teams'],
          summary: 'Add a member or a leader directly',
          params: idParam,
          body: teamMemberInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await teams.addMember(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    for (const decision of ['approve', 'reject', 'remove'] as const) {
      r.post(
        `/api/teams/:id/members/:volunteerId/${decision}`,
        {
          config: manage,
          schema: {
            tags: ['teams'],
            summary: `${decision[0]!.toUpperCase()}${decision.slice(1)} a member or join request`,
            params: memberParam,
            response: { 204: noContent },
          },
        },
        async (req, reply) => {
          await teams.decide(
            actorOf(req),
            grantOf(req),
            req.params.id,
            req.params.volunteerId,
            decision,
            requestContext(req),
          );
          return reply.status(204).send();
        },
      );
    }
  };
}
