// /api/recognition/health-check/…: booking the yearly health check of commended volunteers and recording its
// result (staff with the recognition permission, community-wide, as the list itself), and a volunteer's own bookings.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  healthCheckBookInput,
  healthCheckBookingView,
  healthCheckBookingsView,
  healthCheckResultInput,
  myHealthCheckView,
} from '../../../../domain/recognition/health-check.ts';
import { yearQuery } from '../../../../domain/recognition/schemas.ts';
import { uuid } from '../../../../domain/shared/schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { HealthCheckService } from './health-check.service.ts';

export function healthCheckRoutes(svc: HealthCheckService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['recognition'];
    const nominate = { access: { permission: 'recognition.nominate' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };

    r.get(
      '/api/recognition/health-check/bookings',
      {
        config: nominate,
        schema: {
          tags,
          summary: "The year's health-check bookings with their results (audited: the notes are health-related)",
          querystring: yearQuery,
          response: { 200: healthCheckBookingsView },
        },
      },
      (req) => svc.bookings(actorOf(req), grantOf(req), req.query.year, requestContext(req)),
    );
    r.put(
      '/api/recognition/health-check/volunteers/:volunteerId/booking',
      {
        config: nominate,
        schema: {
          tags,
          summary: "Book (or re-book) a commended volunteer's health check for the year; the volunteer is told",
          params: z.object({ volunteerId: uuid }),
          body: healthCheckBookInput,
          response: { 200: healthCheckBookingView },
        },
      },
      (req) => svc.book(actorOf(req), grantOf(req), req.params.volunteerId, req.body, requestContext(req)),
    );
    r.post(
      '/api/recognition/health-check/bookings/:id/result',
      {
        config: nominate,
        schema: {
          tags,
          summary: 'Record whether the health check took place (done or missed), with a short note',
          params: z.object({ id: uuid }),
          body: healthCheckResultInput,
          response: { 200: healthCheckBookingView },
        },
      },
      (req) => svc.result(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.get(
      '/api/recognition/health-check/mine',
      {
        config: self,
        schema: { tags, summary: 'My health-check bookings, newest year first', response: { 200: myHealthCheckView } },
      },
      (req) => svc.mine(actorOf(req)),
    );
  };
}
