import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging, uuid } from '../../../../domain/shared/schemas.ts';
import { daysQuery, policyInput } from '../../../../domain/volunteers/service-schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { InsuranceService } from './insurance.service.ts';
import { noContent } from '../../platform/responses.ts';

const policy = z.object({
  id: z.string(),
  insurer: z.string(),
  policyNo: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  cover: z.string(),
  minAge: z.number().nullable(),
  maxAge: z.number().nullable(),
  covered: z.number(),
});
const cover = z.object({
  policyId: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  age: z.number(),
  addedAt: z.string(),
  insurer: z.string(),
  policyNo: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});

/** A name (or pinyin) search and a page, for the long lists of covers. */
const coverSearch = { q: z.string().trim().max(40, 'invalid.tooLong').optional(), ...paging(20) };

export function insuranceRoutes(insurance: InsuranceService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'volunteers.read' as const } };
    const manage = { access: { permission: 'insurance.manage' as const } };
    const tags = ['insurance'];

    r.get(
      '/api/insurance/policies',
      { config: read, schema: { tags, summary: 'Insurance policies', response: { 200: z.array(policy) } } },
      (req) => insurance.policies(actorOf(req)),
    );
    r.post(
      '/api/insurance/policies',
      {
        config: manage,
        schema: { tags, summary: 'Add a policy', body: policyInput, response: { 201: z.object({ id: z.string() }) } },
      },
      async (req, reply) =>
        reply.status(201).send(await insurance.createPolicy(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/insurance/policies/:id/covered',
      {
        config: read,
        schema: {
          tags,
          summary: 'Volunteers a policy covers, by name, a page at a time',
          params: idParam,
          querystring: z.object(coverSearch),
          response: { 200: pageOf(cover) },
        },
      },
      (req) => insurance.covered(actorOf(req), grantOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/insurance/policies/:id/covered',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Cover a volunteer (refused outside the policy’s ages)',
          params: idParam,
          body: z.object({ volunteerId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await insurance.addCover(actorOf(req), req.params.id, req.body.volunteerId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/insurance/policies/:id/covered/:volunteerId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Stop covering a volunteer',
          params: idParam.extend({ volunteerId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await insurance.removeCover(actorOf(req), req.params.id, req.params.volunteerId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/insurance/covers',
      {
        config: read,
        schema: {
          tags,
          summary: 'Policies covering one volunteer',
          querystring: z.object({ volunteerId: uuid }),
          response: { 200: z.array(cover) },
        },
      },
      (req) => insurance.coversOf(actorOf(req), grantOf(req), req.query.volunteerId),
    );
    r.get(
      '/api/insurance/expiring',
      {
        config: read,
        schema: {
          tags,
          summary: 'Covers ending within `days` (default 30) with no policy running on',
          querystring: daysQuery.extend(coverSearch),
          response: { 200: pageOf(cover) },
        },
      },
      (req) => insurance.expiring(actorOf(req), grantOf(req), req.query.days, req.query),
    );
  };
}
