// /api/hours: the volunteer's own hours and star level, a volunteer's hours for staff, the verification
// queue, corrections, honour hours and the community's rules.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, paging } from '../../../../domain/shared/schemas.ts';
import {
  DISPUTE_STATUSES,
  correctInput,
  disputeInput,
  disputeView,
  entriesQuery,
  entryView,
  honourInput,
  hoursSummary,
  queueQuery,
  resolveInput,
  settingsInput,
  verifyInput,
} from '../../../../domain/hours/schemas.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import type { HoursService } from './hours.service.ts';
import { noContent } from '../../platform/responses.ts';

const page = (item: z.ZodTypeAny) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const profile = z.object({ summary: hoursSummary, entries: page(entryView) });
const settings = settingsInput.extend({ updatedAt: z.string().nullable() });

export function hoursRoutes(hours: HoursService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['hours'];
    const self = { access: { permission: 'volunteer.self' as const } };
    const verify = { access: { permission: 'hours.verify' as const } };
    const grant = { access: { permission: 'hours.grant' as const } };
    const read = { access: { permission: 'volunteers.read' as const } };

    r.get(
      '/api/hours/mine',
      {
        config: self,
        schema: {
          tags,
          summary: 'My hours, star level and entries',
          querystring: entriesQuery,
          response: { 200: profile },
        },
      },
      (req) => hours.mine(actorOf(req), req.query.page, req.query.pageSize),
    );
    r.get(
      '/api/hours/volunteers/:id',
      {
        config: read,
        schema: {
          tags,
          summary: "A volunteer's hours, star level and entries",
          params: idParam,
          querystring: entriesQuery,
          response: { 200: profile },
        },
      },
      (req) => hours.ofVolunteer(actorOf(req), req.params.id, req.query.page, req.query.pageSize),
    );
    r.get(
      '/api/hours/queue',
      {
        config: verify,
        schema: {
          tags,
          summary: 'Entries waiting for verification, oldest first',
          querystring: queueQuery,
          response: { 200: page(entryView) },
        },
      },
      (req) => hours.queue(actorOf(req), req.query, req.query.page, req.query.pageSize),
    );
    r.post(
      '/api/hours/verify',
      {
        config: verify,
        schema: {
          tags,
          summary: 'Verify entries; those verified or corrected meanwhile are skipped',
          body: verifyInput,
          response: { 200: z.object({ verified: z.array(z.string()), skipped: z.array(z.string()) }) },
        },
      },
      (req) => hours.verify(actorOf(req), req.body.ids, requestContext(req)),
    );
    r.post(
      '/api/hours/entries/:id/correct',
      {
        config: verify,
        schema: {
          tags,
          summary: 'Correct an entry with a new one that points at it (0 minutes voids it)',
          params: idParam,
          body: correctInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await hours.correct(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.post(
      '/api/hours/honour',
      {
        config: grant,
        schema: {
          tags,
          summary: 'Grant honour hours (never counted as service)',
          body: honourInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await hours.grantHonour(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/hours/mine/disputes',
      {
        config: self,
        schema: {
          tags,
          summary: 'My objections to my service record, with the answers',
          response: { 200: z.array(disputeView) },
        },
      },
      (req) => hours.myDisputes(actorOf(req)),
    );
    r.post(
      '/api/hours/mine/disputes',
      {
        config: self,
        schema: {
          tags,
          summary: 'Object to an entry of mine, or report a service missing from my record',
          body: disputeInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await hours.raiseDispute(actorOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/hours/disputes',
      {
        config: verify,
        schema: {
          tags,
          summary: "Volunteers' objections, newest first, a page at a time",
          querystring: z.object({ status: z.enum(DISPUTE_STATUSES).optional(), ...paging(20) }),
          response: { 200: page(disputeView) },
        },
      },
      (req) => hours.disputes(actorOf(req), req.query.status, req.query),
    );
    r.post(
      '/api/hours/disputes/:id/resolve',
      {
        config: verify,
        schema: {
          tags,
          summary: 'Answer an objection (correct the entry first if it was wrong); the volunteer is told',
          params: idParam,
          body: resolveInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await hours.resolveDispute(actorOf(req), req.params.id, req.body.resolution, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/hours/settings',
      {
        config: grant,
        schema: { tags, summary: "The community's rounding, star and points rules", response: { 200: settings } },
      },
      async (req) => {
        const s = await hours.settings(actorOf(req).communityId);
        return {
          rounding: s.rounding,
          starThresholds: [...s.starThresholds],
          pointsPerHour: s.points.pointsPerHour,
          pointsDailyCap: s.points.dailyCap,
          pointsTotalCap: s.points.totalCap,
          updatedAt: s.updatedAt,
        };
      },
    );
    r.put(
      '/api/hours/settings',
      {
        config: grant,
        schema: {
          tags,
          summary: 'Change the rules (apply to entries recorded from now on)',
          body: settingsInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await hours.saveSettings(actorOf(req), req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
  };
}
