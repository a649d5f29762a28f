// GET /api/points/redemptions/export: the love supermarket's redemption history as Excel, with the list's filters
// and permission (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RedemptionView } from '../../../../domain/records/supermarket.ts';
import { uuid } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { allPages, sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { PointsService } from './points.service.ts';

const spec: ListExport<RedemptionView> = {
  action: 'points.export',
  entityType: 'points_redemption',
  sheet: '积分兑换记录',
  fileName: '积分兑换记录',
  asciiFileName: 'redemptions',
  columns: [
    ['兑换时间', 16, (r) => shanghaiTime(r.createdAt)],
    ['志愿者', 10, (r) => r.volunteerName],
    ['兑换物品', 30, (r) => r.lines.map((l) => `${l.name}×${l.quantity}`).join('、')],
    ['积分', 8, (r) => r.points],
    ['经办人', 10, (r) => r.handledByName],
  ],
};

export function pointsExportRoutes(svc: PointsService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/points/redemptions/export',
      {
        config: { access: { permission: 'points.manage' as const } },
        schema: {
          tags: ['points'],
          summary: 'The redemption history as Excel, with the same filters (audited)',
          querystring: z.object({ volunteerId: uuid.optional() }),
          response: { 200: fileResponse('The redemptions as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          svc.redemptions(actorOf(req), { volunteerId: req.query.volunteerId }, page, pageSize),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
