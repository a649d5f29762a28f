// GET /api/hours/queue/export: the verification queue as Excel, with the queue's filters and permission (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { queueQuery, type EntryView } from '../../../../domain/hours/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { allPages, sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { HoursService } from './hours.service.ts';

const SOURCE: Record<EntryView['source'], string> = {
  activity: '志愿活动',
  pairing_visit: '结对走访',
  appointment: '预约服务',
  home_care: '居家照护',
  classroom: '四点半课堂',
  need: '需求服务',
  honour: '荣誉时长',
};
const REVIEW: Record<NonNullable<EntryView['reviewReason']>, string> = {
  checkout_missing: '未签退',
  location_far: '签到位置偏远',
  marked_by_staff: '工作人员标记到场',
  logged_by_staff: '工作人员代记',
  disputed: '志愿者有异议',
};

const spec: ListExport<EntryView> = {
  action: 'hours.export',
  entityType: 'hours_entry',
  sheet: '时长审核',
  fileName: '时长审核',
  asciiFileName: 'hours-queue',
  columns: [
    ['志愿者', 10, (e) => e.volunteerName],
    ['服务日期', 12, (e) => e.serviceDate],
    ['来源', 10, (e) => SOURCE[e.source]],
    ['服务内容', 24, (e) => e.description],
    ['开始', 16, (e) => shanghaiTime(e.startedAt)],
    ['结束', 16, (e) => shanghaiTime(e.endedAt)],
    ['记录分钟', 8, (e) => e.rawMinutes],
    ['计入分钟', 8, (e) => e.minutes],
    ['需复核', 16, (e) => (e.reviewReason ? REVIEW[e.reviewReason] : '')],
    ['备注', 20, (e) => e.note],
    ['记录人', 10, (e) => e.recordedByName],
    ['记录时间', 16, (e) => shanghaiTime(e.createdAt)],
  ],
};

export function hoursExportRoutes(hours: HoursService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/hours/queue/export',
      {
        config: { access: { permission: 'hours.verify' as const } },
        schema: {
          tags: ['hours'],
          summary: 'The verification queue as Excel, with the same filters (audited)',
          querystring: queueQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The entries waiting for verification as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) => hours.queue(actorOf(req), req.query, page, pageSize));
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
