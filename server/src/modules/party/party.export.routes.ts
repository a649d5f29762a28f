// GET /api/party-members/export: the party members list as Excel. Party membership is sensitive: the list's own
// service method, so the same permission (party.read), scope (a grid leader: their grid only) and filters (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { partyMemberQuery, type PartyKind } from '../../../../domain/volunteers/party.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { PartyService } from './party.service.ts';

type Member = Awaited<ReturnType<PartyService['members']>>['items'][number];

const KIND: Record<PartyKind, string> = { in_service: '在职党员', resident: '居住地党员', floating: '流动党员' };

const spec: ListExport<Member> = {
  action: 'party.members_export',
  entityType: 'party_member',
  sheet: '党员',
  fileName: '党员',
  asciiFileName: 'party-members',
  columns: [
    ['姓名', 10, (m) => m.name],
    ['类型', 10, (m) => KIND[m.kind as PartyKind] ?? m.kind],
    ['公职人员', 8, (m) => (m.isPublicServant ? '是' : '否')],
    ['所属党组织', 24, (m) => m.partyOrg],
    ['工作单位', 20, (m) => m.workUnit],
    ['网格', 12, (m) => m.gridName],
    ['报到次数', 8, (m) => m.reports],
    ['最近报到', 12, (m) => m.lastReportedOn],
  ],
};

export function partyExportRoutes(party: PartyService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/party-members/export',
      {
        config: { access: { permission: 'party.read' as const } },
        schema: {
          tags: ['party'],
          summary: 'Party members as Excel, with the same filters and scope (a grid leader: their grid) (audited)',
          querystring: partyMemberQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The party members as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          party.members(actorOf(req), grantOf(req), { ...req.query, page, pageSize }),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
