// GET /api/activities/export: the activities list as Excel, with its date window and status.
// GET /api/activities/:id/signups/export: an activity's sign-ups and attendance as Excel, with the list's
// permission and scope (a team leader gets only what the list shows them) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuery, SIGNUP_STATUSES } from '../../../../domain/activities/schemas.ts';
import type { ActivityView, SignupView } from '../../../../domain/activities/views.ts';
import { idParam } from '../../../../domain/shared/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf } from '../../platform/http.ts';
import { sendListExport, shanghaiTime, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { ActivitiesService } from './activities.service.ts';

const STATUS: Record<SignupView['status'], string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' };

const spec: ListExport<SignupView> = {
  action: 'activities.signups_export',
  entityType: 'activity_signup',
  sheet: '报名与签到',
  fileName: '报名与签到',
  asciiFileName: 'attendance',
  columns: [
    ['活动', 20, (s) => s.title],
    ['班次', 12, (s) => s.shiftName],
    ['班次开始', 16, (s) => shanghaiTime(s.shiftStart)],
    ['班次结束', 16, (s) => shanghaiTime(s.shiftEnd)],
    ['志愿者', 10, (s) => s.volunteerName],
    ['报名状态', 8, (s) => STATUS[s.status]],
    ['报名时间', 16, (s) => shanghaiTime(s.createdAt)],
    ['签到', 16, (s) => shanghaiTime(s.checkedInAt)],
    ['签退', 16, (s) => shanghaiTime(s.checkedOutAt)],
    ['服务分钟', 8, (s) => s.minutes],
    ['需复核', 12, (s) => s.reviewReason],
  ],
};

const KIND: Record<ActivityView['kind'], string> = { service: '志愿服务', performance: '文艺演出' };
const ACTIVITY_STATUS: Record<ActivityView['status'], string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};
const sum = (a: ActivityView, f: (s: ActivityView['shifts'][number]) => number) =>
  a.shifts.reduce((n, s) => n + f(s), 0);

const activitiesSpec: ListExport<ActivityView> = {
  action: 'activities.export',
  entityType: 'activity',
  sheet: '志愿活动',
  fileName: '志愿活动',
  asciiFileName: 'activities',
  columns: [
    ['日期', 11, (a) => a.date],
    ['开始', 16, (a) => shanghaiTime(a.startsAt)],
    ['结束', 16, (a) => shanghaiTime(a.endsAt)],
    ['活动名称', 24, (a) => a.title],
    ['类型', 8, (a) => KIND[a.kind]],
    ['地点', 18, (a) => a.place],
    ['组织', 16, (a) => a.organiserTeamName ?? a.organiserUnitName ?? ''],
    ['岗位', 24, (a) => a.shifts.map((s) => `${s.name} ${s.start}–${s.end}`).join('；')],
    ['名额', 6, (a) => sum(a, (s) => s.places)],
    ['已报名', 6, (a) => sum(a, (s) => s.taken)],
    ['候补', 6, (a) => sum(a, (s) => s.waiting)],
    ['状态', 8, (a) => ACTIVITY_STATUS[a.status]],
  ],
};

export const signupsExportQuery = z.object({
  status: z.enum(SIGNUP_STATUSES, { error: 'invalid.value' }).optional(),
  attended: z.enum(['yes', 'no'], { error: 'invalid.value' }).optional(),
});

export function activitiesExportRoutes(svc: ActivitiesService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/activities/export',
      {
        config: { access: { permission: 'activities.manage' as const } },
        schema: {
          tags: ['activities'],
          summary: "The activities between two local dates, with the list's filters, as Excel (audited)",
          querystring: listQuery,
          response: { 200: fileResponse('The activities as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) =>
        sendListExport(
          deps.db,
          deps.audit,
          req,
          reply,
          activitiesSpec,
          req.query,
          await svc.list(actorOf(req), req.query),
        ),
    );
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/activities/:id/signups/export',
      {
        config: { access: { permission: 'activities.manage' as const } },
        schema: {
          tags: ['activities'],
          summary: "An activity's sign-ups, waitlist and attendance as Excel (audited)",
          params: idParam,
          querystring: signupsExportQuery,
          response: { 200: fileResponse('The sign-ups as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const { status, attended } = req.query;
        const rows = (await svc.signups(actorOf(req), req.params.id)).filter(
          (s) => (!status || s.status === status) && (!attended || (attended === 'yes') === (s.checkedInAt !== null)),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, { activityId: req.params.id, ...req.query }, rows);
      },
    );
  };
}
