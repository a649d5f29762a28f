// /api/classroom: the 4:30 classroom. Staff (classroom.manage) enrol children and their authorised adults,
// plan sessions and the tutor rota, read logs and figures; the day's work (classroom.attend) — the board,
// check-in, check-out to an authorised adult, absences, arrival alerts and tutors' logs — is for staff and
// for the tutors on that session's rota.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  absenceInput,
  adultInput,
  adultPatch,
  boardView,
  checkInInput,
  checkInResultView,
  checkOutInput,
  checkOutResultView,
  childInput,
  childListView,
  childQuery,
  childPatch,
  clearInput,
  closeInput,
  closeResultView,
  codeShownView,
  createdView,
  enrolledView,
  figuresQuery,
  figuresView,
  localDate,
  logInput,
  logListView,
  raisedView,
  rotaInput,
  sessionInput,
  sessionListView,
  termInput,
  termResultView,
  todayView,
} from '../../../../domain/classroom/schemas.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { noContent } from '../../platform/responses.ts';
import type { ClassroomService } from './classroom.service.ts';

export function classroomRoutes(svc: ClassroomService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'classroom.manage' as const } };
    const attend = { access: { permission: 'classroom.attend' as const } };
    const tags = ['classroom'];

    // ---- staff ----
    r.get(
      '/api/classroom/children',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Children enrolled (or left), with their authorised adults',
          querystring: childQuery,
          response: { 200: childListView },
        },
      },
      (req) => svc.children(actorOf(req), { ...req.query, status: req.query.status ?? null }, requestContext(req)),
    );
    r.post(
      '/api/classroom/children',
      {
        config: manage,
        schema: {
          tags,
          summary: "Enrol a child with the guardian's consent; each adult's pickup code is shown this once",
          body: childInput,
          response: { 201: enrolledView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .header('cache-control', 'no-store')
          .send(await svc.enrol(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/classroom/children/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Change school, grade, weekdays; or record that the child left',
          params: idParam,
          body: childPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.updateChild(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/classroom/children/:id/adults',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Authorise another adult to collect the child (code shown once)',
          params: idParam,
          body: adultInput,
          response: { 201: codeShownView },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .header('cache-control', 'no-store')
          .send(await svc.addAdult(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.patch(
      '/api/classroom/adults/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: "Withdraw or restore an adult's authority to collect",
          params: idParam,
          body: adultPatch,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setAdultActive(actorOf(req), req.params.id, req.body.active, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/classroom/adults/:id/code',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A new pickup code for this adult, shown this once',
          params: idParam,
          response: { 200: codeShownView },
        },
      },
      async (req, reply) =>
        reply
          .header('cache-control', 'no-store')
          .send(await svc.resetCode(actorOf(req), req.params.id, requestContext(req))),
    );
    r.get(
      '/api/classroom/sessions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sessions between two dates (default: 30 days back to 30 ahead) with rota and attendance',
          querystring: z.object({ from: localDate.optional(), to: localDate.optional() }),
          response: { 200: sessionListView },
        },
      },
      (req) =>
        svc.sessions(
          actorOf(req),
          req.query.from ?? addDays(todayInShanghai(), -30),
          req.query.to ?? addDays(todayInShanghai(), 30),
        ),
    );
    r.post(
      '/api/classroom/sessions/term',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Sessions for every school day of a term (holidays skipped) with the weekly rota',
          body: termInput,
          response: { 201: termResultView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.generateTerm(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/classroom/sessions',
      {
        config: manage,
        schema: {
          tags,
          summary: 'One extra session on any day (a make-up class), with its tutors',
          body: sessionInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.addSession(actorOf(req), req.body, requestContext(req))),
    );
    r.put(
      '/api/classroom/sessions/:id/rota',
      {
        config: manage,
        schema: {
          tags,
          summary: "A session's tutors",
          params: idParam,
          body: rotaInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.setRota(actorOf(req), req.params.id, req.body.volunteerIds, requestContext(req), req.body.override);
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/classroom/sessions/:id/close',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Close a held session; the tutors present get its hours',
          params: idParam,
          body: closeInput,
          response: { 200: closeResultView },
        },
      },
      (req) => svc.close(actorOf(req), req.params.id, req.body.presentVolunteerIds, requestContext(req)),
    );
    r.get(
      '/api/classroom/logs',
      {
        config: manage,
        schema: {
          tags,
          summary: "Tutors' logs between two dates (default: the last 30 days)",
          querystring: z.object({ from: localDate.optional(), to: localDate.optional() }),
          response: { 200: logListView },
        },
      },
      (req) =>
        svc.logs(actorOf(req), req.query.from ?? addDays(todayInShanghai(), -30), req.query.to ?? todayInShanghai()),
    );
    r.get(
      '/api/classroom/figures',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Children and families served, sessions held and tutor-hours per year and in total',
          querystring: figuresQuery,
          response: { 200: figuresView },
        },
      },
      (req) => svc.figures(actorOf(req), req.query.since),
    );

    // ---- the day's work: staff, and the tutors on the rota ----
    r.get(
      '/api/classroom/today',
      {
        config: attend,
        schema: {
          tags,
          summary: "Today's session board (expected, in, out, alerts), or no session",
          response: { 200: todayView },
        },
      },
      (req) => svc.today(actorOf(req), requestContext(req)),
    );
    r.get(
      '/api/classroom/sessions/:id/board',
      {
        config: attend,
        schema: { tags, summary: "A session's board", params: idParam, response: { 200: boardView } },
      },
      (req) => svc.board(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/classroom/sessions/:id/checkin',
      {
        config: attend,
        schema: {
          tags,
          summary: 'Check a child in (once per session); guardians are told',
          params: idParam,
          body: checkInInput,
          response: { 200: checkInResultView },
        },
      },
      (req) => svc.checkIn(actorOf(req), req.params.id, req.body.childId, requestContext(req)),
    );
    r.post(
      '/api/classroom/sessions/:id/checkout',
      {
        config: attend,
        schema: {
          tags,
          summary: "Hand a child to an authorised adult, proven by the adult's code or phone; guardians are told",
          params: idParam,
          body: checkOutInput,
          response: { 200: checkOutResultView },
        },
      },
      (req) => svc.checkOut(actorOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.post(
      '/api/classroom/sessions/:id/absences',
      {
        config: attend,
        schema: {
          tags,
          summary: 'A guardian reported the child will not come',
          params: idParam,
          body: absenceInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.reportAbsence(actorOf(req), req.params.id, req.body.childId, req.body.note, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/classroom/sessions/:id/arrivals',
      {
        config: attend,
        schema: {
          tags,
          summary: 'Raise the alerts due now for children expected but not arrived',
          params: idParam,
          response: { 200: raisedView },
        },
      },
      (req) => svc.checkArrivals(actorOf(req), req.params.id),
    );
    r.post(
      '/api/classroom/alerts/:id/clear',
      {
        config: attend,
        schema: {
          tags,
          summary: 'Clear an arrival alert with what was found out',
          params: idParam,
          body: clearInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await svc.clearAlert(actorOf(req), req.params.id, req.body.note, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/classroom/sessions/:id/logs',
      {
        config: attend,
        schema: {
          tags,
          summary: 'A tutor logs what they helped with',
          params: idParam,
          body: logInput,
          response: { 201: createdView },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await svc.addLog(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
  };
}
