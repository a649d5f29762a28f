// GET /api/badges/export: the love badges list as Excel, with the list's filters and permission. The rows are the
// list's own (svc.list): the same masked ID number and the same contacts the console shows, nothing more (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { badgeQuery, type BadgeView } from '../../../../domain/badges/badges.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, publicOrigin } from '../../platform/http.ts';
import { allPages, sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { BadgesService } from './badges.service.ts';

const STATUS: Record<BadgeView['status'], string> = { active: '在用', revoked: '已停用', replaced: '已换新卡' };

const spec: ListExport<BadgeView> = {
  action: 'badges.export',
  entityType: 'love_badge',
  sheet: '爱心二维码',
  fileName: '爱心二维码',
  asciiFileName: 'love-badges',
  columns: [
    ['居民', 10, (b) => b.residentName],
    ['身份证号', 20, (b) => b.idMasked],
    ['昵称', 10, (b) => b.nickname],
    ['拨打名单', 28, (b) => b.contacts.map((c) => `${c.label} ${c.phone}`).join('；')],
    ['状态', 8, (b) => STATUS[b.status]],
    ['停用原因', 16, (b) => b.revokeReason],
    ['同意人', 14, (b) => (b.consent ? `${b.consent.givenByName}（${b.consent.givenByRelation}）` : '未登记同意')],
    ['扫码次数', 8, (b) => b.scans],
    ['最近扫码', 16, (b) => shanghaiTime(b.lastScanAt)],
    ['制作时间', 16, (b) => shanghaiTime(b.issuedAt)],
    ['制作人', 10, (b) => b.issuedByName],
  ],
};

export function badgesExportRoutes(svc: BadgesService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/badges/export',
      {
        config: { access: { permission: 'badges.manage' as const } },
        schema: {
          tags: ['badges'],
          summary: 'The love badges list as Excel, with the same filters and masking (audited)',
          querystring: badgeQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The love badges as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          svc.list(actorOf(req), { ...req.query, page, pageSize }, publicOrigin(req)),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
