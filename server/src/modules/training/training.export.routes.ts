// GET /api/training/expiring/export: training certificates running out within `days` and not yet renewed, as Excel.
// The list's own service method, so the same filters, permission and scope (a team leader or unit coordinator gets
// only their own volunteers) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { daysQuery } from '../../../../domain/volunteers/service-schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { TrainingService } from './training.service.ts';

type Certificate = Awaited<ReturnType<TrainingService['expiring']>>['items'][number];

const spec: ListExport<Certificate> = {
  action: 'training.expiring_export',
  entityType: 'training_certificate',
  sheet: '即将到期的培训证书',
  fileName: '即将到期的培训证书',
  asciiFileName: 'training-expiring',
  columns: [
    ['志愿者', 10, (c) => c.volunteerName],
    ['课程', 20, (c) => c.courseTitle],
    ['课程代码', 12, (c) => c.courseCode],
    ['发证日期', 12, (c) => c.issuedOn],
    ['到期日期', 12, (c) => c.expiresOn],
  ],
};

export function trainingExportRoutes(training: TrainingService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/training/expiring/export',
      {
        config: { access: { permission: 'volunteers.read' as const } },
        schema: {
          tags: ['training'],
          summary: 'Certificates expiring within `days` and not yet renewed, as Excel (audited)',
          querystring: daysQuery.extend({ q: z.string().trim().max(40, 'invalid.tooLong').optional() }),
          response: { 200: fileResponse('The expiring certificates as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          training.expiring(actorOf(req), grantOf(req), req.query.days, { q: req.query.q, page, pageSize }),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
