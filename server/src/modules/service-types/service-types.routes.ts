import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { FITNESS } from '../../../../domain/volunteers/eligibility.ts';
import { eligibleQuery, serviceTypeFields, serviceTypeInput } from '../../../../domain/volunteers/service-schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { ServiceTypeService } from './service-types.service.ts';
import { noContent } from '../../platform/responses.ts';

const serviceType = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  minAge: z.number(),
  maxAge: z.number(),
  minFitness: z.enum(FITNESS),
  night: z.boolean(),
  needsInsurance: z.boolean(),
  trainingCourseId: z.string().nullable(),
  skillCode: z.string().nullable(),
  description: z.string().nullable(),
});
const eligibleItem = z.object({
  volunteerId: z.string(),
  name: z.string(),
  age: z.number(),
  eligible: z.boolean(),
  reasons: z.array(z.string()),
});

export function serviceTypeRoutes(service: ServiceTypeService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'volunteers.read' as const } };
    const manage = { access: { permission: 'training.manage' as const } };
    const tags = ['service-types'];

    r.get(
      '/api/service-types',
      {
        config: read,
        schema: { tags, summary: 'Kinds of service and what they require', response: { 200: z.array(serviceType) } },
      },
      (req) => service.list(actorOf(req)),
    );
    r.get(
      '/api/service-types/:id',
      {
        config: read,
        schema: { tags, summary: 'One kind of service', params: idParam, response: { 200: serviceType } },
      },
      (req) => service.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/service-types',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a kind of service',
          body: serviceTypeInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await service.create(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/service-types/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a kind of service',
          params: idParam,
          body: serviceTypeFields.partial(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/service-types/:id',
      {
        config: manage,
        schema: { tags, summary: 'Remove a kind of service', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await service.remove(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/service-types/:id/eligible',
      {
        config: read,
        schema: {
          tags,
          summary: 'Volunteers in scope, eligible or not with the reasons, for a date and time',
          params: idParam,
          querystring: eligibleQuery,
          response: {
            200: z.object({
              items: z.array(eligibleItem),
              total: z.number(),
              eligibleCount: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          },
        },
      },
      (req) => service.eligible(actorOf(req), grantOf(req), req.params.id, req.query),
    );
  };
}
