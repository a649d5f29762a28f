// GET /api/recognition/quarters/:quarter/ranking/export: the quarter's ranking as Excel, each score explained. The
// list's own service method, so the same name search, permission and scope (a team leader: their team) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { quarterParam, rankingQuery, type RankedView } from '../../../../domain/recognition/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf, localeOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { RecognitionService } from './recognition.service.ts';

const NOMINATION: Record<NonNullable<RankedView['nomination']>['status'], string> = {
  nominated: '待审批',
  approved: '已通过',
  rejected: '未通过',
};

const spec: ListExport<RankedView> = {
  action: 'recognition.ranking_export',
  entityType: 'recognition_ranking',
  sheet: '季度排名',
  fileName: '季度排名',
  asciiFileName: 'ranking',
  columns: [
    ['名次', 6, (c) => c.rank],
    ['姓名', 10, (c) => c.name],
    ['服务队', 18, (c) => c.teams],
    ['得分', 6, (c) => c.score],
    ['服务时长（小时）', 10, (c) => c.hours],
    ['服务居民', 8, (c) => c.residentsReached],
    ['计分说明', 40, (c) => c.explanation],
    ['推荐', 8, (c) => (c.nomination ? NOMINATION[c.nomination.status] : '')],
  ],
};

export function recognitionExportRoutes(rec: RecognitionService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/recognition/quarters/:quarter/ranking/export',
      {
        config: { access: { permission: 'recognition.nominate' as const } },
        schema: {
          tags: ['recognition'],
          summary: "The quarter's ranking with each score explained, as Excel (team leaders: their team) (audited)",
          params: quarterParam,
          querystring: rankingQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The ranking as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          rec.ranking(actorOf(req), grantOf(req), req.params.quarter, localeOf(req), { ...req.query, page, pageSize }),
        );
        return sendListExport(
          deps.db,
          deps.audit,
          req,
          reply,
          spec,
          { quarter: req.params.quarter, ...req.query },
          rows,
        );
      },
    );
  };
}
