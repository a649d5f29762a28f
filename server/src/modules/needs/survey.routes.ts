// The survey's to-do list and findings: /api/survey/todo (households not yet visited this round, per grid),
// /api/survey/findings and /api/survey/visits/:id/needs (a finding taken as a need in one tap).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import {
  findingNeedInput,
  findingNeedResult,
  surveyFindingsQuery,
  surveyFindingsView,
  surveyTodoQuery,
  surveyTodoView,
} from '../../../../domain/needs/survey.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import type { SurveyService } from './survey.service.ts';

export function surveyRoutes(survey: SurveyService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'needs.read' as const } };
    const write = { access: { permission: 'needs.write' as const } };
    const tags = ['survey'];

    r.get(
      '/api/survey/todo',
      {
        config: read,
        schema: {
          tags,
          summary:
            'Households the survey has not visited since a date (a year by default), special groups first ' +
            '(a grid leader: their grid)',
          querystring: surveyTodoQuery,
          response: { 200: surveyTodoView },
        },
      },
      (req) => survey.todo(actorOf(req), grantOf(req), req.query),
    );
    r.get(
      '/api/survey/findings',
      {
        config: read,
        schema: {
          tags,
          summary: 'What survey visits found since a date, newest first, each with the need taken from it',
          querystring: surveyFindingsQuery,
          response: { 200: surveyFindingsView },
        },
      },
      (req) => survey.findings(actorOf(req), grantOf(req), req.query),
    );
    r.post(
      '/api/survey/visits/:id/needs',
      {
        config: write,
        schema: {
          tags,
          summary: 'Take a finding of a visit as a need (channel survey), prefilled from the visit',
          params: idParam,
          body: findingNeedInput,
          response: { 200: findingNeedResult, 201: findingNeedResult },
        },
      },
      async (req, reply) => {
        const out = await survey.findingToNeed(
          actorOf(req),
          grantOf(req),
          req.params.id,
          req.body,
          requestContext(req),
        );
        return reply.status(out.created ? 201 : 200).send(out);
      },
    );
  };
}
