import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import {
  myNeedInput,
  NEED_ANSWERS,
  needDecline,
  needDone,
  needInput,
  needMove,
  needQuery,
  needRating,
  surveyVisitInput,
} from '../../../../domain/needs/needs.ts';
import { localDate } from '../../../../domain/registry/schemas.ts';
import { addDays, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { batchResultView, needStatsView, surveyProgressView, surveyVisitView } from '../../../../domain/needs/views.ts';
import { sendWorkbook } from '../../platform/excel.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { NeedsService } from './needs.service.ts';
import type { MatchingService } from './matching.service.ts';
import type { VolunteerNeedsService } from './volunteer-needs.service.ts';
import { needsWorkbook } from './needs.excel.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';
import { overrideInput } from '../../../../domain/volunteers/work-policy.ts';

const created = z.object({ id: z.string() });
const need = z.object({
  id: z.string(),
  residentId: z.string(),
  residentName: z.string().nullable(),
  gridId: z.string(),
  channel: z.string(),
  category: z.string(),
  skillCode: z.string().nullable(),
  serviceTypeId: z.string().nullable(),
  urgency: z.string(),
  preferredDate: z.string().nullable(),
  preferredStart: z.string().nullable(),
  preferredEnd: z.string().nullable(),
  preferredGender: z.string().nullable(),
  place: z.string().nullable(),
  description: z.string(),
  status: z.string(),
  volunteerId: z.string().nullable(),
  volunteerName: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  closeReason: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  createdAt: z.string(),
  matchedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  answer: z.enum(NEED_ANSWERS).nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  minutes: z.number().nullable(),
});
/** A need as its matched volunteer sees it (the resident's phone only once accepted, while open). */
export const myNeedView = z.object({
  id: z.string(),
  category: z.string(),
  description: z.string(),
  urgency: z.string(),
  status: z.string(),
  answer: z.enum(NEED_ANSWERS).nullable(),
  preferredDate: z.string().nullable(),
  preferredStart: z.string().nullable(),
  preferredEnd: z.string().nullable(),
  place: z.string().nullable(),
  residentName: z.string(),
  address: z.string(),
  residentPhone: z.string().nullable(),
  matchedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  minutes: z.number().nullable(),
});
const needPage = z.object({ items: z.array(need), total: z.number(), page: z.number(), pageSize: z.number() });
const needDetail = need.extend({
  events: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      volunteerId: z.string().nullable(),
      note: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});
const part = z.object({
  factor: z.string(),
  points: z.number(),
  detail: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const sinceQuery = z.object({ since: localDate.optional() });
const daysAgo = (d: number) => addDays(todayInShanghai(), -d);

export function needsRoutes(needs: NeedsService, matching: MatchingService, mine: VolunteerNeedsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'needs.read' as const } };
    const write = { access: { permission: 'needs.write' as const } };
    const match = { access: { permission: 'needs.match' as const } };
    const self = { access: { permission: 'resident.self' as const } };
    const volunteer = { access: { permission: 'volunteer.self' as const } };
    const tags = ['needs'];

    r.get(
      '/api/needs',
      {
        config: read,
        schema: {
          tags,
          summary: 'Needs, emergencies first then the longest waiting (a grid leader: their grid)',
          querystring: needQuery,
          response: { 200: needPage },
        },
      },
      (req) => needs.list(actorOf(req), grantOf(req), req.query),
    );
    r.post(
      '/api/needs',
      {
        config: write,
        schema: {
          tags,
          summary: 'Take a need (hotline, office, survey) for a resident',
          body: needInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await needs.take(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/needs/export',
      {
        config: read,
        schema: {
          tags,
          summary: 'Export the filtered needs to Excel (audited)',
          querystring: needQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The needs as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const { rows, batches } = await needs.exportRows(actorOf(req), grantOf(req), req.query, requestContext(req));
        const day = new Date().toISOString().slice(0, 10);
        return sendWorkbook(reply, {
          fileName: `需求列表-${day}.xlsx`,
          asciiFileName: `needs-${day}.xlsx`,
          rows,
          stream: needsWorkbook(batches),
        });
      },
    );
    r.get(
      '/api/needs/caller',
      {
        config: write,
        schema: {
          tags,
          summary: 'The hotline: residents whose phone or family contact’s phone this is, with their open needs',
          querystring: z.object({
            phone: z
              .string()
              .trim()
              .regex(/^\+?[\d\s-]{11,20}$/, 'invalid.phone'),
          }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                gender: z.string(),
                birthDate: z.string(),
                gridId: z.string(),
                householdId: z.string(),
                address: z.string(),
                via: z.enum(['phone', 'contact']),
                openNeeds: z.number(),
              }),
            ),
          },
        },
      },
      (req) => needs.caller(actorOf(req), grantOf(req), req.query.phone),
    );
    r.get(
      '/api/needs/stats',
      {
        config: read,
        schema: {
          tags,
          summary: 'Needs since a date: by status, channel and category; time to match and to done; ratings',
          querystring: sinceQuery,
          response: { 200: needStatsView },
        },
      },
      (req) => needs.stats(actorOf(req), grantOf(req), req.query.since ?? daysAgo(365)),
    );
    r.post(
      '/api/needs/batch-match',
      {
        config: match,
        schema: {
          tags,
          summary:
            'Match every new need at once (optimal under a load cap), compared with first-come-first-served; ' +
            'apply=true confirms',
          body: z.object({ loadCap: z.number().int().min(1).max(20).default(3), apply: z.boolean().default(false) }),
          response: { 200: batchResultView },
        },
      },
      (req) => matching.batch(actorOf(req), grantOf(req), req.body, requestContext(req)),
    );
    r.get(
      '/api/needs/:id',
      {
        config: read,
        schema: { tags, summary: 'One need with its history', params: idParam, response: { 200: needDetail } },
      },
      (req) => needs.get(actorOf(req), grantOf(req), req.params.id),
    );
    r.post(
      '/api/needs/:id/move',
      {
        config: write,
        schema: {
          tags,
          summary: 'Move a need along its path (cancel and decline need a reason)',
          params: idParam,
          body: needMove,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await needs.move(actorOf(req), grantOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/needs/:id/candidates',
      {
        config: match,
        schema: {
          tags,
          summary: 'Eligible volunteers for a need, best first, each score explained',
          params: idParam,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
          response: {
            200: z.object({
              needId: z.string(),
              eligibleCount: z.number(),
              candidates: z.array(
                z.object({ volunteerId: z.string(), name: z.string(), score: z.number(), parts: z.array(part) }),
              ),
            }),
          },
        },
      },
      (req) => matching.rank(actorOf(req), grantOf(req), req.params.id, req.query.limit),
    );
    r.post(
      '/api/needs/:id/match',
      {
        config: match,
        schema: {
          tags,
          summary: 'Confirm a volunteer for a need (must be eligible)',
          params: idParam,
          body: z.object({ volunteerId: uuid, override: overrideInput.optional() }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        const { volunteerId, override } = req.body;
        await needs.match(actorOf(req), grantOf(req), req.params.id, volunteerId, requestContext(req), override);
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/needs/:id/review',
      {
        config: write,
        schema: {
          tags,
          summary: 'Record the rating given on a follow-up call (回访)',
          params: idParam,
          body: needRating,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await needs.rateFor(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.body.stars,
          req.body.comment,
          requestContext(req),
        );
        return reply.status(204).send();
      },
    );

    r.get(
      '/api/me/needs/for',
      {
        config: self,
        schema: {
          tags,
          summary: 'Whom I may ask for: myself and the family members who list my phone',
          response: {
            200: z.array(z.object({ id: z.string(), name: z.string(), relation: z.enum(['self', 'family']) })),
          },
        },
      },
      (req) => needs.forWhom(actorOf(req)),
    );
    r.get(
      '/api/me/needs',
      {
        config: self,
        schema: {
          tags,
          summary: 'Needs of me and the family members I am a contact of',
          querystring: needQuery,
          response: { 200: needPage },
        },
      },
      (req) => needs.mine(actorOf(req), req.query),
    );
    r.post(
      '/api/me/needs',
      {
        config: self,
        schema: {
          tags,
          summary: 'Ask for help for myself or a family member',
          body: myNeedInput,
          response: { 201: created },
        },
      },
      async (req, reply) => reply.status(201).send(await needs.takeMine(actorOf(req), req.body, requestContext(req))),
    );
    r.post(
      '/api/me/needs/:id/rating',
      {
        config: self,
        schema: {
          tags,
          summary: 'Rate a need that is done',
          params: idParam,
          body: needRating,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await needs.rate(actorOf(req), req.params.id, req.body.stars, req.body.comment, requestContext(req));
        return reply.status(204).send();
      },
    );

    // ---- the volunteer's side of the loop (我的任务) ----
    r.get(
      '/api/my/needs',
      {
        config: volunteer,
        schema: {
          tags,
          summary: 'Needs I am matched to (open, and done in the last two weeks)',
          response: { 200: z.array(myNeedView) },
        },
      },
      (req) => mine.list(actorOf(req)),
    );
    r.get(
      '/api/my/needs/:id',
      {
        config: volunteer,
        schema: {
          tags,
          summary: 'One need I am matched to: what, when, where (the phone once accepted)',
          params: idParam,
          response: { 200: myNeedView },
        },
      },
      (req) => mine.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/my/needs/:id/accept',
      {
        config: volunteer,
        schema: {
          tags,
          summary: 'Accept a need I am matched to (the resident is told who is coming)',
          params: idParam,
          response: { 200: myNeedView },
        },
      },
      (req) => mine.accept(actorOf(req), req.params.id, requestContext(req)),
    );
    r.post(
      '/api/my/needs/:id/decline',
      {
        config: volunteer,
        schema: {
          tags,
          summary: 'Decline a need with a reason: it goes back to matching and staff are told',
          params: idParam,
          body: needDecline,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await mine.decline(actorOf(req), req.params.id, req.body.reason, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/my/needs/:id/done',
      {
        config: volunteer,
        schema: {
          tags,
          summary: 'Report a need done with its minutes (a pending hours entry and a contact are written)',
          params: idParam,
          body: needDone,
          response: { 200: myNeedView },
        },
      },
      (req) => mine.done(actorOf(req), req.params.id, req.body, requestContext(req)),
    );

    r.post(
      '/api/survey/visits',
      {
        config: write,
        schema: {
          tags: ['survey'],
          summary: 'Record a survey visit to a household and what it needs',
          body: surveyVisitInput,
          response: { 201: created },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await needs.recordSurvey(actorOf(req), grantOf(req), req.body, requestContext(req))),
    );
    r.get(
      '/api/survey/progress',
      {
        config: read,
        schema: {
          tags: ['survey'],
          summary: 'How much of the community the survey has reached since a date, per grid, and what it found',
          querystring: sinceQuery,
          response: { 200: surveyProgressView },
        },
      },
      (req) => needs.surveyProgress(actorOf(req), grantOf(req), req.query.since ?? daysAgo(365)),
    );
    r.get(
      '/api/households/:id/survey',
      {
        config: read,
        schema: {
          tags: ['survey'],
          summary: 'A household’s survey visits',
          params: idParam,
          response: { 200: z.array(surveyVisitView) },
        },
      },
      (req) => needs.householdSurvey(actorOf(req), grantOf(req), req.params.id),
    );
  };
}
