import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging, uuid } from '../../../../domain/shared/schemas.ts';
import {
  ATTENDANCE,
  attendanceMark,
  courseInput,
  daysQuery,
  sessionInput,
} from '../../../../domain/volunteers/service-schemas.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { TrainingService } from './training.service.ts';
import { noContent } from '../../platform/responses.ts';

const created = z.object({ id: z.string() });
const course = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  validityMonths: z.number().nullable(),
  description: z.string().nullable(),
});
const session = z.object({
  id: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  trainer: z.string().nullable(),
  capacity: z.number().nullable(),
  signedUp: z.number(),
});
const certificate = z.object({
  id: z.string(),
  volunteerId: z.string(),
  volunteerName: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  sessionId: z.string().nullable(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
});

export function trainingRoutes(training: TrainingService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'volunteers.read' as const } };
    const manage = { access: { permission: 'training.manage' as const } };
    const tags = ['training'];

    r.get(
      '/api/training/courses',
      { config: read, schema: { tags, summary: 'Training courses', response: { 200: z.array(course) } } },
      (req) => training.courses(actorOf(req)),
    );
    r.post(
      '/api/training/courses',
      { config: manage, schema: { tags, summary: 'Add a course', body: courseInput, response: { 201: created } } },
      async (req, reply) =>
        reply.status(201).send(await training.createCourse(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/training/courses/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Edit a course',
          params: idParam,
          body: courseInput.partial(),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await training.updateCourse(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/training/sessions',
      {
        config: read,
        schema: {
          tags,
          summary: 'Sessions, newest first, optionally of one course, a page at a time',
          querystring: z.object({ courseId: uuid.optional(), ...paging(20) }),
          response: { 200: pageOf(session) },
        },
      },
      (req) => training.sessions(actorOf(req), req.query),
    );
    r.post(
      '/api/training/sessions',
      {
        config: manage,
        schema: { tags, summary: 'Schedule a session', body: sessionInput, response: { 201: created } },
      },
      async (req, reply) =>
        reply.status(201).send(await training.createSession(actorOf(req), req.body, requestContext(req))),
    );

    r.get(
      '/api/training/sessions/:id/attendance',
      {
        config: read,
        schema: {
          tags,
          summary: 'Who signed up for a session and who attended',
          params: idParam,
          response: {
            200: z.array(
              z.object({
                volunteerId: z.string(),
                name: z.string(),
                status: z.enum(ATTENDANCE),
                updatedAt: z.string(),
              }),
            ),
          },
        },
      },
      (req) => training.attendance(actorOf(req), grantOf(req), req.params.id),
    );
    r.post(
      '/api/training/sessions/:id/attendance',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sign a volunteer up (never over capacity)',
          params: idParam,
          body: z.object({ volunteerId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await training.register(actorOf(req), grantOf(req), req.params.id, req.body.volunteerId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.put(
      '/api/training/sessions/:id/attendance/:volunteerId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Mark attendance; attended issues the certificate',
          params: idParam.extend({ volunteerId: uuid }),
          body: attendanceMark,
          response: {
            200: z.object({
              status: z.enum(ATTENDANCE),
              certificate: z
                .object({ id: z.string(), issuedOn: z.string(), expiresOn: z.string().nullable() })
                .nullable(),
            }),
          },
        },
      },
      (req) => training.mark(actorOf(req), req.params.id, req.params.volunteerId, req.body.status, requestContext(req)),
    );
    r.delete(
      '/api/training/sessions/:id/attendance/:volunteerId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Take a volunteer off a session',
          params: idParam.extend({ volunteerId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await training.unregister(actorOf(req), req.params.id, req.params.volunteerId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/training/sessions/:id/signup',
      {
        config: { access: { permission: 'volunteer.self' as const } },
        schema: { tags, summary: 'Sign myself up for a session', params: idParam, response: { 204: noContent } },
      },
      async (req, reply) => {
        await training.signUpSelf(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/training/certificates',
      {
        config: { access: { signedIn: true } },
        schema: {
          tags,
          summary: "A volunteer's certificates (their own, or in the caller's scope)",
          querystring: z.object({ volunteerId: uuid }),
          response: { 200: z.array(certificate) },
        },
      },
      (req) => training.certificatesOf(actorOf(req), req.query.volunteerId),
    );
    r.get(
      '/api/training/expiring',
      {
        config: read,
        schema: {
          tags,
          summary: 'Certificates expiring within `days` (default 30) and not yet renewed, a page at a time',
          querystring: daysQuery.extend({ q: z.string().trim().max(40, 'invalid.tooLong').optional(), ...paging(20) }),
          response: { 200: pageOf(certificate) },
        },
      },
      (req) => training.expiring(actorOf(req), grantOf(req), req.query.days, req.query),
    );
  };
}
