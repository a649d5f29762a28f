import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import { availabilityInput, blackoutInput } from '../../../../domain/volunteers/service-schemas.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import type { AvailabilityService } from './availability.service.ts';
import { noContent } from '../../platform/responses.ts';

const availability = z.object({
  volunteerId: z.string(),
  slots: z.array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() })),
  blackouts: z.array(
    z.object({ id: z.string(), fromDate: z.string(), toDate: z.string(), reason: z.string().nullable() }),
  ),
});

// Staff (volunteers.read / volunteers.write, in scope) or the volunteer themself (volunteer.self): the
// routes need a signed-in caller and the service checks which of those the caller holds for this volunteer.
export function availabilityRoutes(service: AvailabilityService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const signedIn = { access: { signedIn: true as const } };
    const tags = ['availability'];

    r.get(
      '/api/me/availability',
      {
        config: { access: { permission: 'volunteer.self' as const } },
        schema: { tags, summary: 'My weekly slots and blackout dates', response: { 200: availability } },
      },
      async (req) => service.get(actorOf(req), await service.myVolunteerId(actorOf(req))),
    );
    r.get(
      '/api/volunteers/:id/availability',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Weekly slots and coming blackout dates',
          params: idParam,
          response: { 200: availability },
        },
      },
      (req) => service.get(actorOf(req), req.params.id),
    );
    r.put(
      '/api/volunteers/:id/availability',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Replace the weekly slots',
          params: idParam,
          body: availabilityInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.setSlots(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/volunteers/:id/availability/blackouts',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Add blackout dates',
          params: idParam,
          body: blackoutInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await service.addBlackout(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.delete(
      '/api/volunteers/:id/availability/blackouts/:blackoutId',
      {
        config: signedIn,
        schema: {
          tags,
          summary: 'Remove blackout dates',
          params: idParam.extend({ blackoutId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await service.removeBlackout(actorOf(req), req.params.id, req.params.blackoutId, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
