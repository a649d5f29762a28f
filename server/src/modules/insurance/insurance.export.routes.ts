// GET /api/insurance/expiring/export: covers running out within `days` with no policy running on, as Excel.
// GET /api/insurance/policies/:id/covered/export: the volunteers a policy covers, as Excel.
// Both are the lists' own service methods, so the same filters, permission and scope (a team leader or unit
// coordinator gets only their own volunteers) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { daysQuery } from '../../../../domain/volunteers/service-schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf } from '../../platform/http.ts';
import { allPages, sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { InsuranceService } from './insurance.service.ts';

type Cover = Awaited<ReturnType<InsuranceService['expiring']>>['items'][number];

const columns: ListExport<Cover>['columns'] = [
  ['志愿者', 10, (c) => c.volunteerName],
  ['年龄', 6, (c) => c.age],
  ['保险公司', 16, (c) => c.insurer],
  ['保单号', 18, (c) => c.policyNo],
  ['起始日期', 12, (c) => c.startsOn],
  ['终止日期', 12, (c) => c.endsOn],
  ['加入时间', 16, (c) => shanghaiTime(c.addedAt)],
];

const expiringSpec: ListExport<Cover> = {
  action: 'insurance.expiring_export',
  entityType: 'insurance_cover',
  sheet: '即将到期的保障',
  fileName: '即将到期的保障',
  asciiFileName: 'insurance-expiring',
  columns,
};

const coveredSpec: ListExport<Cover> = {
  action: 'insurance.covered_export',
  entityType: 'insurance_cover',
  sheet: '参保志愿者',
  fileName: '参保志愿者',
  asciiFileName: 'insurance-covered',
  columns,
};

const q = z.string().trim().max(40, 'invalid.tooLong').optional();

export function insuranceExportRoutes(insurance: InsuranceService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const read = { access: { permission: 'volunteers.read' as const } };
    r.get(
      '/api/insurance/expiring/export',
      {
        config: read,
        schema: {
          tags: ['insurance'],
          summary: 'Covers ending within `days` with no policy running on, as Excel (audited)',
          querystring: daysQuery.extend({ q }),
          response: { 200: fileResponse('The expiring covers as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          insurance.expiring(actorOf(req), grantOf(req), req.query.days, { q: req.query.q, page, pageSize }),
        );
        return sendListExport(deps.db, deps.audit, req, reply, expiringSpec, req.query, rows);
      },
    );
    r.get(
      '/api/insurance/policies/:id/covered/export',
      {
        config: read,
        schema: {
          tags: ['insurance'],
          summary: 'The volunteers a policy covers, by name, as Excel (audited)',
          params: idParam,
          querystring: z.object({ q }),
          response: { 200: fileResponse('The covered volunteers as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          insurance.covered(actorOf(req), grantOf(req), req.params.id, { q: req.query.q, page, pageSize }),
        );
        return sendListExport(
          deps.db,
          deps.audit,
          req,
          reply,
          coveredSpec,
          { policyId: req.params.id, ...req.query },
          rows,
        );
      },
    );
  };
}
