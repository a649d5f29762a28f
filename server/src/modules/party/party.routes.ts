import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import {
  partyMemberInput,
  partyMemberItem,
  partyMemberQuery,
  partyPostInput,
  partyPostItem,
  partyPostPatch,
  partyReportInput,
  partyReportPage,
  partyReportQuery,
} from '../../../../domain/volunteers/party.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { PartyService } from './party.service.ts';
import { noContent } from '../../platform/responses.ts';

export function partyRoutes(party: PartyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'party.read' as const } };
    const write = { access: { permission: 'party.write' as const } };

    r.put(
      '/api/volunteers/:id/party-member',
      {
        config: write,
        schema: {
          tags: ['party'],
          summary: 'Record a volunteer as a party member (type, organisation, grid)',
          params: idParam,
          body: partyMemberInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await party.setMember(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/party-members',
      {
        config: read,
        schema: {
          tags: ['party'],
          summary: 'Party members (a grid leader: their grid only)',
          querystring: partyMemberQuery,
          response: {
            200: z.object({
              items: z.array(partyMemberItem),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          },
        },
      },
      (req) => party.members(actorOf(req), grantOf(req), req.query),
    );

    // The posts list is not personal: a member reporting themself chooses from it.
    r.get(
      '/api/party-posts',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['party'],
          summary: 'The community’s posts with how many have claimed each',
          response: { 200: z.array(partyPostItem) },
        },
      },
      (req) => party.posts(actorOf(req)),
    );
    r.post(
      '/api/party-posts',
      {
        config: write,
        schema: {
          tags: ['party'],
          summary: 'Add a post',
          body: partyPostInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await party.createPost(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/party-posts/:id',
      {
        config: write,
        schema: {
          tags: ['party'],
          summary: 'Edit a post',
          params: idParam,
          body: partyPostPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await party.updatePost(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/party-posts/:id',
      {
        config: write,
        schema: {
          tags: ['party'],
          summary: 'Remove a post nobody has claimed',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await party.removePost(actorOf(req), grantOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );

    // party.write for staff, or volunteer.self for a member reporting themself: the service picks the grant.
    r.post(
      '/api/party-reports',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags: ['party'],
          summary: 'A party member’s report to the community, claiming posts (capacity enforced)',
          body: partyReportInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await party.report(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/party-reports',
      {
        config: read,
        schema: {
          tags: ['party'],
          summary: 'Reports, filtered, with counts per post',
          querystring: partyReportQuery,
          response: { 200: partyReportPage },
        },
      },
      (req) => party.reports(actorOf(req), grantOf(req), req.query),
    );
  };
}
