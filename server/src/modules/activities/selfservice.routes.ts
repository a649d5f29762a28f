// Volunteers' self-service on the phone: answer 还来吗？ for a sign-up, see my answers, no-shows and offers, offer
// my place to others (换班), list the places others offer (可接的班), take one, or take my offer back.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { takeInput } from '../../../../domain/activities/schemas.ts';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import {
  answeredView,
  answerInput,
  myStateView,
  offeredView,
  offerInput,
  swapOfferView,
  takenView,
} from '../../../../domain/selfservice/schemas.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { ActivitySelfService } from './selfservice.service.ts';

export function activitySelfServiceRoutes(svc: ActivitySelfService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const self = { access: { permission: 'volunteer.self' as const } };
    const tags = ['activities'];

    r.post(
      '/api/activities/mine/:id/answer',
      {
        config: self,
        schema: {
          tags,
          summary: '还来吗？ I will come (recorded) or cannot come (cancels; the waitlist moves up)',
          params: idParam,
          body: answerInput,
          response: { 200: answeredView },
        },
      },
      (req) => svc.answer(actorOf(req), req.params.id, req.body.answer, requestContext(req)),
    );
    r.get(
      '/api/activities/mine/state',
      {
        config: self,
        schema: {
          tags,
          summary: 'My answers, no-shows and swap offers beside my sign-ups',
          response: { 200: myStateView },
        },
      },
      (req) => svc.myState(actorOf(req)),
    );
    r.post(
      '/api/activities/mine/:id/offer',
      {
        config: self,
        schema: {
          tags,
          summary: 'Offer my confirmed place to another volunteer (换班)',
          params: idParam,
          body: offerInput,
          response: { 201: offeredView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.offer(actorOf(req), req.params.id, req.body.note, requestContext(req))),
    );
    r.get(
      '/api/activities/swaps',
      {
        config: self,
        schema: {
          tags,
          summary: 'Places other volunteers offer on shifts ahead (可接的班)',
          response: { 200: z.array(swapOfferView) },
        },
      },
      (req) => svc.openOffers(actorOf(req)),
    );
    r.post(
      '/api/activities/swaps/:id/take',
      {
        config: self,
        schema: {
          tags,
          summary: 'Take an offered place (the eligibility gate decides; one taker wins)',
          params: idParam,
          body: takeInput.nullish(),
          response: { 201: takenView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await svc.take(actorOf(req), req.params.id, requestContext(req), req.body?.companion ?? null)),
    );
    r.post(
      '/api/activities/swaps/:id/withdraw',
      {
        config: self,
        schema: { tags, summary: 'Take my offer back', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await svc.withdraw(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
