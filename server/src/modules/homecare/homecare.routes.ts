// /api/homecare: staff (homecare.manage) run home care tasks, hospital accompaniment rotas and holiday delivery
// runs; volunteers (volunteer.self) take tasks and shifts and confirm deliveries under /api/homecare/mine.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, pageOf, paging, uuid } from '../../../../domain/shared/schemas.ts';
import {
  addRecipientInput,
  assignBuildingInput,
  assignInput,
  cancelInput,
  closeInput,
  confirmInput,
  dischargeInput,
  doneInput,
  generateInput,
  removeRecipientInput,
  residentMatchView,
  runDetailView,
  runInput,
  runView,
  shiftDoneInput,
  shiftsCreatedView,
  shiftView,
  stayInput,
  stayView,
  taskInput,
  taskQuery,
  taskView,
} from '../../../../domain/homecare/homecare.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import type { HomecareService } from './homecare.service.ts';

const runResident = z.object({ id: uuid, residentId: uuid });
const search = z.object({ q: z.string().max(40, 'invalid.tooLong').default('') });

export function homecareRoutes(svc: HomecareService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['homecare'];
    const manage = { access: { permission: 'homecare.manage' as const } };
    const self = { access: { permission: 'volunteer.self' as const } };

    // ------------------------------------------------------------------------------------ staff: tasks
    r.get(
      '/api/homecare/tasks',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Home care tasks, by status, a page at a time',
          querystring: taskQuery.extend(paging(20)),
          response: { 200: pageOf(taskView) },
        },
      },
      (req) => svc.pageTasks(actorOf(req), req.query),
    );
    r.post(
      '/api/homecare/tasks',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A task for a named resident (quilt, bathing, haircut…), assigned or open',
          body: taskInput,
          response: { 201: taskView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createTask(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/homecare/tasks/:id/assign',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Assign a task to a volunteer, or open it again',
          params: idParam,
          body: assignInput,
          response: { 200: taskView },
        },
      },
      (req) =>
        svc.assignTask(actorOf(req), req.params.id, req.body.volunteerId, requestContext(req), req.body.override),
    );
    r.post(
      '/api/homecare/tasks/:id/cancel',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Cancel a task, with the reason',
          params: idParam,
          body: cancelInput,
          response: { 200: taskView },
        },
      },
      (req) => svc.cancelTask(actorOf(req), req.params.id, req.body.reason, requestContext(req)),
    );
    r.post(
      '/api/homecare/tasks/:id/done',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record an assigned task done (hours to its volunteer)',
          params: idParam,
          body: doneInput,
          response: { 200: taskView },
        },
      },
      (req) => svc.completeTask(actorOf(req), req.params.id, req.body, true, requestContext(req)),
    );
    r.get(
      '/api/homecare/residents',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Find a resident by name, pinyin or phone',
          querystring: search,
          response: { 200: z.array(residentMatchView) },
        },
      },
      (req) => svc.searchResidents(actorOf(req), req.query.q),
    );

    // --------------------------------------------------------------------------------- staff: hospital
    r.get(
      '/api/homecare/stays',
      {
        config: manage,
        schema: { tags, summary: 'Hospital stays with their rota figures', response: { 200: z.array(stayView) } },
      },
      (req) => svc.stays(actorOf(req)),
    );
    r.post(
      '/api/homecare/stays',
      {
        config: manage,
        schema: { tags, summary: 'Record a hospital stay', body: stayInput, response: { 201: stayView } },
      },
      async (req, reply) => reply.status(201).send(await svc.createStay(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/homecare/stays/:id/shifts',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Generate the accompaniment rota (08–14, 14–20, 20–08 per day)',
          params: idParam,
          body: generateInput,
          response: { 200: shiftsCreatedView },
        },
      },
      (req) => svc.generateShifts(actorOf(req), req.params.id, req.body, requestContext(req)),
    );
    r.get(
      '/api/homecare/stays/:id/shifts',
      {
        config: manage,
        schema: {
          tags,
          summary: "The stay's rota, gaps marked",
          params: idParam,
          response: { 200: z.array(shiftView) },
        },
      },
      (req) => svc.stayShifts(actorOf(req), req.params.id),
    );
    r.post(
      '/api/homecare/stays/:id/discharge',
      {
        config: manage,
        schema: {
          tags,
          summary: 'End a stay; later shifts are cancelled',
          params: idParam,
          body: dischargeInput,
          response: { 200: stayView },
        },
      },
      (req) => svc.discharge(actorOf(req), req.params.id, req.body.dischargedOn, requestContext(req)),
    );
    r.post(
      '/api/homecare/shifts/:id/assign',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Put a volunteer on a shift, or open it again',
          params: idParam,
          body: assignInput,
          response: { 200: shiftView },
        },
      },
      (req) =>
        svc.assignShift(actorOf(req), req.params.id, req.body.volunteerId, requestContext(req), req.body.override),
    );
    r.post(
      '/api/homecare/shifts/:id/done',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a shift served (hours to its volunteer)',
          params: idParam,
          body: shiftDoneInput,
          response: { 200: shiftView },
        },
      },
      (req) => svc.completeShift(actorOf(req), req.params.id, req.body.note, true, requestContext(req)),
    );

    // ------------------------------------------------------------------------------------- staff: runs
    r.get(
      '/api/homecare/runs',
      {
        config: manage,
        schema: { tags, summary: 'Delivery runs with their figures', response: { 200: z.array(runView) } },
      },
      (req) => svc.runs(actorOf(req)),
    );
    r.post(
      '/api/homecare/runs',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A festival delivery run; the list is built from the chosen groups',
          body: runInput,
          response: { 201: runView },
        },
      },
      async (req, reply) => reply.status(201).send(await svc.createRun(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/homecare/runs/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A run by building, with progress and who is not yet reached',
          params: idParam,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.runDetail(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/homecare/runs/:id/recipients',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Add a resident to the list, with the reason',
          params: idParam,
          body: addRecipientInput,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.addRecipient(actorOf(req), req.params.id, req.body.residentId, req.body.reason, requestContext(req)),
    );
    r.post(
      '/api/homecare/runs/:id/recipients/:residentId/remove',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Take a resident off the list, with the reason',
          params: runResident,
          body: removeRecipientInput,
          response: { 200: runDetailView },
        },
      },
      (req) =>
        svc.removeRecipient(actorOf(req), req.params.id, req.params.residentId, req.body.reason, requestContext(req)),
    );
    r.post(
      '/api/homecare/runs/:id/assign',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The volunteers who deliver in a building',
          params: idParam,
          body: assignBuildingInput,
          response: { 200: runDetailView },
        },
      },
      (req) =>
        svc.assignBuilding(
          actorOf(req),
          req.params.id,
          req.body.building,
          req.body.volunteerIds,
          requestContext(req),
          req.body.override,
        ),
    );
    r.post(
      '/api/homecare/runs/:id/confirm',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a delivery (delivered, not at home, declined)',
          params: idParam,
          body: confirmInput,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.confirm(actorOf(req), req.params.id, req.body, true, requestContext(req)),
    );
    r.post(
      '/api/homecare/runs/:id/close',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Close a run; everyone not reached needs a reason',
          params: idParam,
          body: closeInput,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.closeRun(actorOf(req), req.params.id, req.body.reasons, requestContext(req)),
    );

    // ----------------------------------------------------------------------------------- volunteer
    r.get(
      '/api/homecare/mine/tasks',
      {
        config: self,
        schema: {
          tags,
          summary: 'My home care tasks and open ones to take',
          response: { 200: z.object({ mine: z.array(taskView), open: z.array(taskView) }) },
        },
      },
      (req) => svc.myTasks(actorOf(req)),
    );
    r.post(
      '/api/homecare/mine/tasks/:id/take',
      { config: self, schema: { tags, summary: 'Take an open task', params: idParam, response: { 200: taskView } } },
      (req) => svc.takeTask(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/homecare/mine/tasks/:id/done',
      {
        config: self,
        schema: {
          tags,
          summary: 'My task done, with the minutes',
          params: idParam,
          body: doneInput,
          response: { 200: taskView },
        },
      },
      (req) => svc.completeTask(actorOf(req), req.params.id, req.body, false, requestContext(req)),
    );
    r.get(
      '/api/homecare/mine/shifts',
      {
        config: self,
        schema: {
          tags,
          summary: 'My accompaniment shifts and open ones to take',
          response: { 200: z.object({ mine: z.array(shiftView), open: z.array(shiftView) }) },
        },
      },
      (req) => svc.myShifts(actorOf(req)),
    );
    r.post(
      '/api/homecare/mine/shifts/:id/take',
      { config: self, schema: { tags, summary: 'Take an open shift', params: idParam, response: { 200: shiftView } } },
      (req) => svc.takeShift(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/homecare/mine/shifts/:id/done',
      {
        config: self,
        schema: {
          tags,
          summary: 'My shift served',
          params: idParam,
          body: shiftDoneInput,
          response: { 200: shiftView },
        },
      },
      (req) => svc.completeShift(actorOf(req), req.params.id, req.body.note, false, requestContext(req)),
    );
    r.get(
      '/api/homecare/mine/runs',
      {
        config: self,
        schema: {
          tags,
          summary: 'Open delivery runs I deliver in',
          response: { 200: z.array(runView.extend({ buildings: z.array(z.string()) })) },
        },
      },
      (req) => svc.myRuns(actorOf(req)),
    );
    r.get(
      '/api/homecare/mine/runs/:id',
      {
        config: self,
        schema: {
          tags,
          summary: 'My buildings of a run (names masked)',
          params: idParam,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.myRun(actorOf(req), req.params.id),
    );
    r.post(
      '/api/homecare/mine/runs/:id/confirm',
      {
        config: self,
        schema: {
          tags,
          summary: '送达 / 不在家 / 谢绝 for a recipient in my buildings',
          params: idParam,
          body: confirmInput,
          response: { 200: runDetailView },
        },
      },
      (req) => svc.confirm(actorOf(req), req.params.id, req.body, false, requestContext(req)),
    );
  };
}
