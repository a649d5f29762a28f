// GET /api/pairings/export: the pairings list as Excel, with the list's filters, permission and scope (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PAIRING_ITEM_LABELS, pairingQuery } from '../../../../domain/pairings/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { PairingsService } from './pairings.service.ts';

type Pairing = Awaited<ReturnType<PairingsService['list']>>['items'][number];

const spec: ListExport<Pairing> = {
  action: 'pairings.export',
  entityType: 'pairing',
  sheet: '三定结对',
  fileName: '三定结对',
  asciiFileName: 'pairings',
  columns: [
    ['志愿者', 10, (p) => p.volunteerName],
    ['居民', 10, (p) => p.residentName],
    ['住址', 24, (p) => p.residentAddress],
    ['帮扶事项', 12, (p) => PAIRING_ITEM_LABELS[p.item].zh],
    ['事项说明', 16, (p) => p.itemNote],
    ['地点', 14, (p) => p.place],
    ['周期', 18, (p) => p.rrule],
    ['开始', 12, (p) => p.startsOn],
    ['结束', 12, (p) => p.endsOn ?? p.endedOn],
    ['服务类型', 12, (p) => p.serviceTypeName],
    ['状态', 8, (p) => (p.status === 'active' ? '进行中' : '已结束')],
    ['走访次数', 8, (p) => p.visitCount],
    ['最近走访', 12, (p) => p.lastVisitOn],
    ['备注', 20, (p) => p.note ?? p.endReason],
  ],
};

export function pairingsExportRoutes(pairings: PairingsService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/pairings/export',
      {
        config: { access: { permission: 'pairings.manage' as const } },
        schema: {
          tags: ['pairings'],
          summary: 'The pairings list as Excel, with the same filters (audited)',
          querystring: pairingQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The pairings as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) => pairings.list(actorOf(req), { ...req.query, page, pageSize }));
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
