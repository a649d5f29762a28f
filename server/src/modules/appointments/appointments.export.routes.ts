// GET /api/appointments/bookings/export: bookings as Excel, with the list's filters (a day, or a range of days up to
// 92, and a service) and permission (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localDate } from '../../../../domain/appointments/schemas.ts';
import { addDays, isRealDate, todayInShanghai } from '../../../../domain/shared/dates.ts';
import { uuid } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { AppointmentsService } from './appointments.service.ts';

type Booking = Awaited<ReturnType<AppointmentsService['dayBookings']>>[number];

const KIND: Record<Booking['serviceKind'], string> = {
  clinic: '义诊',
  haircut: '义剪',
  legal: '法律咨询',
  other: '其他',
};
const CHANNEL: Record<Booking['channel'], string> = { wechat: '微信', phone: '电话', online: '网上', office: '窗口' };
export const EXPORT_MAX_DAYS = 92;

const spec: ListExport<Booking> = {
  action: 'appointments.export',
  entityType: 'booking',
  sheet: '预约名单',
  fileName: '预约名单',
  asciiFileName: 'bookings',
  columns: [
    ['日期', 12, (b) => b.date],
    ['时间', 8, (b) => b.time],
    ['服务', 14, (b) => b.serviceName],
    ['类别', 8, (b) => KIND[b.serviceKind]],
    ['地点', 14, (b) => b.place],
    ['居民', 10, (b) => b.residentName],
    ['电话', 14, (b) => b.residentPhone],
    ['渠道', 6, (b) => CHANNEL[b.channel]],
    ['状态', 8, (b) => (b.status === 'cancelled' ? '已取消' : '已预约')],
    ['到场', 6, (b) => (b.attended ? '是' : '否')],
    ['备注', 20, (b) => b.note],
    ['预约时间', 16, (b) => shanghaiTime(b.createdAt)],
  ],
};

export const bookingsExportQuery = z
  .object({ date: localDate.optional(), to: localDate.optional(), serviceId: uuid.optional() })
  // Runs even when a date failed its own check (zod goes on after a refinement): that date has its own issue.
  .refine(
    (q) =>
      !q.to ||
      !isRealDate(q.to) ||
      (q.date !== undefined && !isRealDate(q.date)) ||
      (q.to >= (q.date ?? q.to) && q.to <= addDays(q.date ?? q.to, EXPORT_MAX_DAYS - 1)),
    {
      message: 'appointments.exportRange',
      path: ['to'],
    },
  );

export function appointmentsExportRoutes(svc: AppointmentsService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/appointments/bookings/export',
      {
        config: { access: { permission: 'appointments.manage' as const } },
        schema: {
          tags: ['appointments'],
          summary: "A day's bookings (or from `date` to `to`, at most 92 days) as Excel (audited)",
          querystring: bookingsExportQuery,
          response: { 200: fileResponse('The bookings as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const from = req.query.date ?? req.query.to ?? todayInShanghai();
        const to = req.query.to ?? from;
        const rows: Booking[] = [];
        for (let day = from; day <= to; day = addDays(day, 1))
          rows.push(...(await svc.dayBookings(actorOf(req), day, req.query.serviceId)));
        return sendListExport(deps.db, deps.audit, req, reply, spec, { ...req.query, date: from, to }, rows);
      },
    );
  };
}
