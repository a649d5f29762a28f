// 4:30 rota-day swaps on the phone (volunteer.self): my rota days and offers, offer my day (换班), the days others
// offer (可接的课堂值班), take one, or take my offer back.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import {
  myRotaView,
  rotaOfferedView,
  rotaOfferInput,
  rotaSwapOfferView,
  rotaTakenView,
} from '../../../../domain/classroom/rota-swap.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { RotaSwapService } from './rota-swap.service.ts';

export function rotaSwapRoutes(svc: RotaSwapService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const self = { access: { permission: 'volunteer.self' as const } };
    const tags = ['classroom'];

    r.get(
      '/api/classroom/rota/mine',
      {
        config: self,
        schema: { tags, summary: 'My 4:30 rota days to come with my swap offers', response: { 200: myRotaView } },
      },
      (req) => svc.mine(actorOf(req)),
    );
    r.post(
      '/api/classroom/rota/:id/offer',
      {
        config: self,
        schema: {
          tags,
          summary: 'Offer my day on a session’s rota to another volunteer (换班); id is the session',
          params: idParam,
          body: rotaOfferInput,
          response: { 201: rotaOfferedView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.offer(actorOf(req), req.params.id, req.body.note, requestContext(req))),
    );
    r.get(
      '/api/classroom/rota-swaps',
      {
        config: self,
        schema: {
          tags,
          summary: 'Rota days other tutors offer on sessions to come (可接的课堂值班)',
          response: { 200: z.array(rotaSwapOfferView) },
        },
      },
      (req) => svc.openOffers(actorOf(req)),
    );
    r.post(
      '/api/classroom/rota-swaps/:id/take',
      {
        config: self,
        schema: {
          tags,
          summary: 'Take an offered rota day (the eligibility gate decides; one taker wins)',
          params: idParam,
          response: { 201: rotaTakenView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.take(actorOf(req), req.params.id, requestContext(req))),
    );
    r.post(
      '/api/classroom/rota-swaps/:id/withdraw',
      {
        config: self,
        schema: { tags, summary: 'Take my rota-day offer back', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await svc.withdraw(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
