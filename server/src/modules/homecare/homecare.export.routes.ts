// GET /api/homecare/tasks/export: home care tasks as Excel, with the list's filters and permission (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TASK_LABEL, taskQuery, type TaskView } from '../../../../domain/homecare/homecare.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { HomecareService } from './homecare.service.ts';

const STATUS: Record<TaskView['status'], string> = {
  open: '待安排',
  assigned: '已安排',
  done: '已完成',
  cancelled: '已取消',
};

const spec: ListExport<TaskView> = {
  action: 'homecare.export',
  entityType: 'homecare_task',
  sheet: '居家照护任务',
  fileName: '居家照护任务',
  asciiFileName: 'homecare-tasks',
  columns: [
    ['服务', 10, (t) => TASK_LABEL[t.kind]],
    ['居民', 10, (t) => t.residentName],
    ['住址', 24, (t) => t.address],
    ['日期', 12, (t) => t.dueOn],
    ['时间', 8, (t) => t.dueTime],
    ['志愿者', 10, (t) => t.volunteerName],
    ['状态', 8, (t) => STATUS[t.status]],
    ['每隔天数', 8, (t) => t.repeatDays],
    ['服务分钟', 8, (t) => t.minutes],
    ['完成时间', 16, (t) => shanghaiTime(t.doneAt)],
    ['备注', 20, (t) => [t.note, t.doneNote, t.cancelReason].filter(Boolean).join('；')],
  ],
};

export function homecareExportRoutes(svc: HomecareService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/homecare/tasks/export',
      {
        config: { access: { permission: 'homecare.manage' as const } },
        schema: {
          tags: ['homecare'],
          summary: 'Home care tasks as Excel, with the same filters (audited)',
          querystring: taskQuery,
          response: { 200: fileResponse('The tasks as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await svc.listTasks(actorOf(req), req.query);
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
