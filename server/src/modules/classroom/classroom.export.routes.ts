// GET /api/classroom/children/export: the 4:30 classroom's roll as Excel, with the list's filter and permission
// (children's data: audited like the list itself).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { childQuery, type ChildView } from '../../../../domain/classroom/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, requestContext } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { ClassroomService } from './classroom.service.ts';

const WEEKDAY = ['', '一', '二', '三', '四', '五'];

const spec: ListExport<ChildView> = {
  action: 'classroom.export',
  entityType: 'classroom_child',
  sheet: '四点半课堂学生',
  fileName: '四点半课堂学生',
  asciiFileName: 'classroom-children',
  columns: [
    ['姓名', 10, (c) => c.name],
    ['性别', 6, (c) => (c.gender === 'male' ? '男' : '女')],
    ['出生日期', 12, (c) => c.birthDate],
    ['学校', 18, (c) => c.school],
    ['年级', 8, (c) => c.grade],
    ['上课日', 14, (c) => [...c.weekdays].map((d) => `周${WEEKDAY[Number(d)] ?? d}`).join('、')],
    ['入班日期', 12, (c) => c.enrolledOn],
    ['状态', 6, (c) => (c.status === 'active' ? '在读' : '已离班')],
    ['离班日期', 12, (c) => c.leftOn],
    ['同意人', 10, (c) => `${c.consentBy}（${c.consentRelation}）`],
    [
      '接送人',
      36,
      (c) =>
        c.adults
          .filter((a) => a.active)
          .map((a) => `${a.name}（${a.relation}）${a.phone}`)
          .join('；'),
    ],
    ['备注', 20, (c) => c.note],
  ],
};

export function classroomExportRoutes(svc: ClassroomService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/classroom/children/export',
      {
        config: { access: { permission: 'classroom.manage' as const } },
        schema: {
          tags: ['classroom'],
          summary: 'The children enrolled (or left) as Excel, with the same filter (audited)',
          querystring: childQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The children as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const f = { status: req.query.status ?? null, q: req.query.q };
        const items = await allPages((page, pageSize) =>
          svc.children(actorOf(req), { ...f, page, pageSize }, requestContext(req)),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, items);
      },
    );
  };
}
