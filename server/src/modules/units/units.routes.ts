import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging } from '../../../../domain/shared/schemas.ts';
import {
  federationInput,
  federationItem,
  federationPatch,
  unitInput,
  unitItem,
  unitPatch,
} from '../../../../domain/volunteers/units.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { UnitsService } from './units.service.ts';
import { noContent } from '../../platform/responses.ts';

export function unitsRoutes(units: UnitsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'volunteers.read' as const } };
    const manage = { access: { permission: 'units.manage' as const } };

    r.get(
      '/api/units',
      {
        config: read,
        schema: {
          tags: ['units'],
          summary: 'Units and organisations with volunteer counts',
          response: { 200: z.array(unitItem) },
        },
      },
      (req) => units.list(actorOf(req), grantOf(req)),
    );
    r.get(
      '/api/units/:id',
      { config: read, schema: { tags: ['units'], summary: 'One unit', params: idParam, response: { 200: unitItem } } },
      (req) => units.get(actorOf(req), grantOf(req), req.params.id),
    );
    r.get(
      '/api/units/:id/volunteers',
      {
        config: read,
        schema: {
          tags: ['units'],
          summary: 'A unit’s volunteers (a unit coordinator: their own unit only)',
          params: idParam,
          querystring: z.object({ q: z.string().trim().max(40, 'invalid.tooLong').optional(), ...paging(20) }),
          response: {
            200: pageOf(
              z.object({
                id: z.string(),
                name: z.string(),
                gender: z.string(),
                age: z.number(),
                phone: z.string(),
                status: z.string(),
              }),
            ),
          },
        },
      },
      (req) => units.volunteers(actorOf(req), grantOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/units',
      {
        config: manage,
        schema: {
          tags: ['units'],
          summary: 'Add a unit',
          body: unitInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await units.create(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/units/:id',
      {
        config: manage,
        schema: {
          tags: ['units'],
          summary: 'Edit a unit',
          params: idParam,
          body: unitPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await units.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/units/:id',
      {
        config: manage,
        schema: {
          tags: ['units'],
          summary: 'Remove a unit without volunteers or teams',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await units.remove(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    //     // The federation of social organisations (社会组织联合会): the admin keeps it, social workers read it.
    const orgRead = { access: { permission: 'org.read' as const } };
    const orgManage = { access: { permission: 'org.manage' as const } };
    r.get(
      '/api/federation',
      {
        config: orgRead,
        schema: {
          tags: ['units'],
          summary: 'The federation of social organisations: its member units',
          response: { 200: z.array(federationItem) },
        },
      },
      (req) => units.federation(actorOf(req)),
    );
    r.post(
      '/api/federation',
      {
        config: orgManage,
        schema: {
          tags: ['units'],
          summary: 'Add a member organisation (a unit of a federation kind)',
          body: federationInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await units.joinFederation(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/federation/:id',
      {
        config: orgManage,
        schema: {
          tags: ['units'],
          summary: 'Edit a member organisation (status: active, suspended, left)',
          params: idParam,
          body: federationPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await units.updateFederation(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/federation/:id',
      {
        config: orgManage,
        schema: {
          tags: ['units'],
          summary: 'Remove a member entered by mistake (without volunteers or teams)',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await units.removeFederation(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
