// GET /api/certificates/export: the service certificates issued, as Excel, with the list's filters. The list's own
// service method, so the same filters and permission (certificates.issue) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { certificateQuery, type CertificateView } from '../../../../domain/records/certificates.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, publicOrigin } from '../../platform/http.ts';
import { allPages, sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { CertificatesService } from './certificates.service.ts';

const spec: ListExport<CertificateView> = {
  action: 'certificates.export',
  entityType: 'service_certificate',
  sheet: '志愿服务证明',
  fileName: '志愿服务证明',
  asciiFileName: 'certificates',
  columns: [
    ['编号', 18, (c) => c.number],
    ['志愿者', 10, (c) => c.volunteerName],
    ['服务期间', 24, (c) => `${c.periodFrom} ~ ${c.periodTo}`],
    ['服务时长（小时）', 10, (c) => c.serviceHours],
    ['荣誉时长', 8, (c) => c.honourHours],
    ['状态', 8, (c) => (c.status === 'valid' ? '有效' : '已撤销')],
    ['撤销原因', 16, (c) => c.revokeReason],
    ['出具日期', 12, (c) => c.issuedOn],
    ['出具人', 10, (c) => c.issuedByName],
    ['经办人', 10, (c) => c.handlerName],
    ['撤销时间', 16, (c) => shanghaiTime(c.revokedAt)],
  ],
};

export function certificatesExportRoutes(svc: CertificatesService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/certificates/export',
      {
        config: { access: { permission: 'certificates.issue' as const } },
        schema: {
          tags: ['certificates'],
          summary: 'The certificates issued, as Excel, with the same filters (audited)',
          querystring: certificateQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The certificates as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          svc.list(actorOf(req), req.query, page, pageSize, publicOrigin(req)),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
