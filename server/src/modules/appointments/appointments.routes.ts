// /api/appointments: services, providers and schedules and the day's bookings (staff), booking for a caller,
// residents' own bookings, and each provider's calendar feed (public, by an unguessable token).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  BOOKING_STATUSES,
  CHANNELS,
  SERVICE_KINDS,
  cancelInput,
  localDate,
  selfBookingInput,
  serviceInput,
  slotsQuery,
  staffBookingInput,
} from '../../../../domain/appointments/schemas.ts';
import { todayInShanghai } from '../../../../domain/shared/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, feedUrl, requestContext } from '../../platform/http.ts';
import { AppointmentsService } from './appointments.service.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';

const rule = z.object({
  weekday: z.number(),
  startMinute: z.number(),
  endMinute: z.number(),
  monthWeek: z.number().nullable(),
  place: z.string().nullable(),
});
const offer = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SERVICE_KINDS),
  description: z.string().nullable(),
  place: z.string(),
  slotMinutes: z.number(),
  placesPerSlot: z.number(),
  windowDays: z.number(),
  noticeHours: z.number(),
  active: z.boolean(),
  schedule: z.array(rule),
});
const service = offer.extend({
  providers: z.array(z.object({ volunteerId: z.string(), name: z.string(), phone: z.string() })),
});
const slot = z.object({
  start: z.string(),
  end: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  places: z.number(),
  left: z.number(),
});
const myBooking = z.object({
  id: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  serviceKind: z.enum(SERVICE_KINDS),
  slotStart: z.string(),
  slotEnd: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  residentId: z.string(),
  residentName: z.string(),
  status: z.enum(BOOKING_STATUSES),
  channel: z.enum(CHANNELS),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
const staffBooking = myBooking.extend({
  residentPhone: z.string().nullable(),
  note: z.string().nullable(),
  /** In the record of service (served, or marked attended by staff). */
  attended: z.boolean(),
});

export function appointmentsRoutes(svc: AppointmentsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'appointments.manage' as const } };
    const self = { access: { permission: 'resident.self' as const } };
    const tags = ['appointments'];

    // ---- staff ----
    r.get(
      '/api/appointments/services',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Bookable services with providers and schedules',
          response: { 200: z.array(service) },
        },
      },
      (req) => svc.services(actorOf(req)),
    );
    r.post(
      '/api/appointments/services',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a bookable service',
          body: serviceInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.createService(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/appointments/services/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a service; providerIds and schedule replace the lists',
          params: idParam,
          body: serviceInput.partial(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.updateService(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/appointments/bookings',
      {
        config: manage,
        schema: {
          tags,
          summary: "A day's bookings (Shanghai date, default today)",
          querystring: z.object({ date: localDate.optional(), serviceId: uuid.optional() }),
          response: { 200: z.array(staffBooking) },
        },
      },
      (req) => svc.dayBookings(actorOf(req), req.query.date ?? todayInShanghai(), req.query.serviceId),
    );
    r.post(
      '/api/appointments/bookings',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Book for a caller (phone or office)',
          body: staffBookingInput,
          response: { 201: staffBooking },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.bookForCaller(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/appointments/bookings/:id/cancel',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Cancel a booking; its place is freed',
          params: idParam,
          body: cancelInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.cancelByStaff(actorOf(req), req.params.id, req.body.reason, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/appointments/bookings/:id/attendance',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Correct whether a resident came to a booking (a contact in the record of service, or none)',
          params: idParam,
          body: z.object({ attended: z.boolean() }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setAttendance(actorOf(req), req.params.id, req.body.attended, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/appointments/services/:id/served',
      {
        config: manage,
        schema: {
          tags,
          summary: "Record that providers served a day's session: their hours go to the verification queue",
          params: idParam,
          body: z.object({
            date: localDate,
            volunteerIds: z.array(uuid).min(1, 'invalid.required').max(50, 'invalid.tooMany'),
          }),
          response: { 201: z.object({ entries: z.number(), minutes: z.number() }) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await svc.recordServed(
              actorOf(req),
              req.params.id,
              req.body.date,
              req.body.volunteerIds,
              requestContext(req),
            ),
          ),
    );
    r.get(
      '/api/appointments/residents',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Find the caller: a phone number (own or a family contact) or a name / pinyin',
          querystring: z.object({ q: z.string().trim().min(1, 'invalid.required').max(50, 'invalid.tooLong') }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                birthYear: z.number(),
                phone: z.string().nullable(),
                address: z.string(),
                via: z.enum(['phone', 'contact', 'name']),
              }),
            ),
          },
        },
      },
      (req) => svc.findResidents(actorOf(req), req.query.q),
    );
    r.get(
      '/api/appointments/providers/:id/feed',
      {
        config: manage,
        schema: {
          tags,
          summary: "A provider's calendar feed address",
          params: idParam,
          response: { 200: z.object({ path: z.string(), url: z.string() }) },
        },
      },
      async (req) => feedUrl(req, await svc.feedPath(actorOf(req), req.params.id, false)),
    );
    r.post(
      '/api/appointments/providers/:id/feed',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Give a provider a new feed address (the old one stops working)',
          params: idParam,
          response: { 200: z.object({ path: z.string(), url: z.string() }) },
        },
      },
      async (req) => feedUrl(req, await svc.feedPath(actorOf(req), req.params.id, true)),
    );

    // ---- residents and their families ----
    r.get(
      '/api/appointments/offer',
      { config: self, schema: { tags, summary: 'Services open for booking', response: { 200: z.array(offer) } } },
      (req) => svc.offer(actorOf(req).communityId),
    );
    r.get(
      '/api/appointments/services/:id/slots',
      {
        config: self,
        schema: {
          tags,
          summary: 'Open slots of a service (default: the whole booking window)',
          params: idParam,
          querystring: slotsQuery,
          response: { 200: z.array(slot) },
        },
      },
      (req) =>
        svc.listOpenSlots({
          communityId: actorOf(req).communityId,
          serviceId: req.params.id,
          from: req.query.from,
          to: req.query.to,
        }),
    );
    r.get(
      '/api/appointments/mine',
      {
        config: self,
        schema: {
          tags,
          summary: 'Whom I may book for, and our bookings',
          response: {
            200: z.object({
              people: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(['self', 'family']) })),
              bookings: z.array(myBooking),
            }),
          },
        },
      },
      (req) => svc.mine(actorOf(req)),
    );
    r.post(
      '/api/appointments/mine',
      {
        config: self,
        schema: {
          tags,
          summary: 'Book for myself or my family member',
          body: selfBookingInput,
          response: { 201: myBooking },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.bookSelf(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/appointments/mine/:id/cancel',
      { config: self, schema: { tags, summary: 'Cancel my booking', params: idParam, response: { 204: noContent } } },
      async (req, reply) => {
        await svc.cancelSelf(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );

    // ---- the provider's calendar (public: the token is the key) ----
    r.get(
      '/api/appointments/feed/:communityId/:token',
      {
        config: { access: { public: true } },
        schema: {
          tags,
          summary: "A provider's bookings as iCalendar (RFC 5545)",
          params: z.object({
            communityId: uuid,
            token: z.string().regex(/^[A-Za-z0-9_-]{20,64}(\.ics)?$/, 'invalid.value'),
          }),
          response: { 200: fileResponse('The calendar (iCalendar)', MIME.ics) },
        },
      },
      async (req, reply) => {
        const body = await svc.feed(req.params.communityId, req.params.token.replace(/\.ics$/, ''));
        if (body === null) throw new AppError('not_found', { entity: 'page' });
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
      },
    );
  };
}
