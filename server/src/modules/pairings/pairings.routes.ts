import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging } from '../../../../domain/shared/schemas.ts';
import {
  PAIRING_ITEMS,
  PAIRING_STATUSES,
  endPairingInput,
  pairingInput,
  pairingPatch,
  pairingQuery,
  visitInput,
} from '../../../../domain/pairings/schemas.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { MISSED_WINDOW_DAYS, PairingsService } from './pairings.service.ts';
import { noContent } from '../../platform/responses.ts';

const created = z.object({ id: z.string() });
const pairing = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  residentAddress: z.string(),
  gridId: z.string(),
  item: z.enum(PAIRING_ITEMS),
  itemNote: z.string().nullable(),
  place: z.string(),
  rrule: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  serviceTypeId: z.string().nullable(),
  serviceTypeName: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(PAIRING_STATUSES),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  visitCount: z.number(),
  lastVisitOn: z.string().nullable(),
  createdAt: z.string(),
});
const visit = z.object({
  id: z.string(),
  pairingId: z.string(),
  visitedOn: z.string(),
  minutes: z.number(),
  notes: z.string().nullable(),
  loggedByName: z.string(),
  loggedAt: z.string(),
});
const scheduled = pairing.extend({
  visits: z.array(visit),
  missed: z.array(z.string()),
  due: z.array(z.string()),
  next: z.array(z.string()),
});

export function pairingsRoutes(pairings: PairingsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'pairings.manage' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };
    const tags = ['pairings'];

    r.get(
      '/api/pairings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Pairings, optionally of one volunteer or one resident',
          querystring: pairingQuery,
          response: {
            200: z.object({ items: z.array(pairing), total: z.number(), page: z.number(), pageSize: z.number() }),
          },
        },
      },
      (req) => pairings.list(actorOf(req), req.query),
    );
    r.post(
      '/api/pairings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Pair a volunteer with a resident (eligibility checked when a service type is given)',
          body: pairingInput,
          response: { 201: created },
        },
      },
      async (req, reply) => reply.status(201).send(await pairings.create(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/pairings/missed',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Expected visits that passed with none logged within two days, newest first, a page at a time',
          querystring: z.object({
            days: z.coerce.number().int().min(1).max(366).default(MISSED_WINDOW_DAYS),
            q: z.string().trim().max(40, 'invalid.tooLong').optional(),
            ...paging(20),
          }),
          response: { 200: pageOf(pairing.extend({ date: z.string(), missedInWindow: z.number() })) },
        },
      },
      (req) => pairings.missed(actorOf(req), req.query.days, req.query),
    );
    r.get(
      '/api/pairings/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'One pairing with its visits, missed and next expected dates',
          params: idParam,
          response: { 200: scheduled },
        },
      },
      (req) => pairings.detail(actorOf(req), req.params.id),
    );
    r.patch(
      '/api/pairings/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change the item, place, schedule or dates of an active pairing',
          params: idParam,
          body: pairingPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await pairings.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/pairings/:id/end',
      {
        config: manage,
        schema: {
          tags,
          summary: 'End a pairing, saying why',
          params: idParam,
          body: endPairingInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await pairings.end(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/pairings/:id/visits',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Log a visit for the volunteer (staff)',
          params: idParam,
          body: visitInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await pairings.logVisitFor(actorOf(req), req.params.id, req.body, requestContext(req))),
    );

    r.get(
      '/api/my/pairings',
      {
        config: self,
        schema: {
          tags,
          summary: 'My active pairings: visits due now, missed, next expected, last visits',
          response: { 200: z.array(scheduled) },
        },
      },
      (req) => pairings.mine(actorOf(req)),
    );
    r.post(
      '/api/my/pairings/:id/visits',
      {
        config: self,
        schema: {
          tags,
          summary: 'Log a visit on my own pairing (someone else’s is refused)',
          params: idParam,
          body: visitInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await pairings.logOwnVisit(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
  };
}
