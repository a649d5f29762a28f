// GET /api/skills-pool/export: the skills pool as Excel, with the page's filters. The list's own service method, so
// the same filters, permission and scope (a team leader or unit coordinator: their own volunteers) (audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { poolQuery } from '../../../../domain/volunteers/pool.ts';
import { SKILL_BY_CODE, type SkillLevel } from '../../../../domain/volunteers/skills.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, grantOf } from '../../platform/http.ts';
import { allPages, sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import type { SkillsService } from './skills.service.ts';

type Item = Awaited<ReturnType<SkillsService['pool']>>['items'][number];

const LEVEL: Record<SkillLevel, string> = { basic: '初级', skilled: '熟练', expert: '专家' };
const GENDER: Record<string, string> = { male: '男', female: '女' };

const skillText = (s: Item['skills'][number]) => {
  const name = SKILL_BY_CODE.get(s.code)?.zh ?? s.code;
  const licence = !s.licenceExpiresOn
    ? ''
    : s.licenceValid === false
      ? '（已过期）'
      : `（有效期至 ${s.licenceExpiresOn}）`;
  return `${name} · ${LEVEL[s.level as SkillLevel] ?? s.level}${licence}`;
};

const spec: ListExport<Item> = {
  action: 'skills.pool_export',
  entityType: 'volunteer',
  sheet: '技能库',
  fileName: '技能库',
  asciiFileName: 'skills-pool',
  columns: [
    ['姓名', 10, (v) => v.name],
    ['年龄', 6, (v) => v.age],
    ['性别', 6, (v) => GENDER[v.gender] ?? v.gender],
    ['手机号', 14, (v) => v.phone],
    ['单位', 18, (v) => v.unitName],
    ['技能', 40, (v) => v.skills.map(skillText).join('；')],
  ],
};

export function skillsExportRoutes(skills: SkillsService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/api/skills-pool/export',
      {
        config: { access: { permission: 'volunteers.read' as const } },
        schema: {
          tags: ['skills'],
          summary: 'The skills pool as Excel, with the same filters and scope (audited)',
          querystring: poolQuery.omit({ page: true, pageSize: true }),
          response: { 200: fileResponse('The skills pool as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rows = await allPages((page, pageSize) =>
          skills.pool(actorOf(req), grantOf(req), { ...req.query, page, pageSize }),
        );
        return sendListExport(deps.db, deps.audit, req, reply, spec, req.query, rows);
      },
    );
  };
}
