// GET /api/survey/todo/export: the households the survey has not visited since a date, as Excel. The list's own
// service method, so the same grid and date, permission and scope (a grid leader: their grid) and the same
// reticence (a special group is flagged, never named: some are health data) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { surveyTodoQuery, type SurveyTodoItem } from '../../../../domain/needs/survey.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { SurveyService } from './survey.service.ts';

const spec: ListExport<SurveyTodoItem> = {
  action: 'survey.todo_export',
  entityType: 'household',
  sheet: '摸查待办',
  fileName: '摸查待办',
  asciiFileName: 'survey-todo',
  columns: [
    ['优先', 10, (h) => (h.priority ? '特殊群体' : '')],
    ['住址', 28, (h) => h.address],
    ['网格', 12, (h) => h.gridName],
    ['户主', 10, (h) => h.headName],
    ['人数', 6, (h) => h.memberCount],
    ['上次摸查', 12, (h) => h.lastVisitedOn ?? '从未摸查'],
  ],
};

export function surveyExportRoutes(survey: SurveyService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/survey/todo/export',
      {
        config: { access: { permission: 'needs.read' as const } },
        schema: {
          tags: ['survey'],
          summary: 'The households not visited since a date, as Excel (a grid leader: their grid) (audited)',
          querystring: surveyTodoQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The survey to-do as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          survey.todo(actorOf(req), grantOf(req), { ...req.query, page, pageSize }),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
