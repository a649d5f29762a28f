import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam, uuid } from '../../../../domain/shared/schemas.ts';
import { isRealDate } from '../../../../domain/shared/dates.ts';
import {
  LINK_KINDS,
  linkInput,
  projectDetail,
  projectInput,
  projectItem,
  projectPatch,
  projectReport,
  spendingInput,
} from '../../../../domain/projects/schemas.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../../platform/audit.ts';
import { actorOf, contentDisposition, requestContext } from '../../platform/http.ts';
import { sendListExport, type ListExport } from '../../platform/list-export.ts';
import { fileResponse, MIME, noContent } from '../../platform/responses.ts';
import { reportLines, reportPdf, type ReportLine } from './projects.report.ts';
import type { ProjectsService } from './projects.service.ts';

const rangeQuery = z.object({
  from: z.string().refine(isRealDate, 'invalid.date').optional(),
  to: z.string().refine(isRealDate, 'invalid.date').optional(),
});
const linkParams = z.object({ id: uuid, kind: z.enum(LINK_KINDS), targetId: uuid });

const spec: ListExport<ReportLine> = {
  action: 'project.report_export',
  entityType: 'project',
  sheet: '项目成效',
  fileName: '项目成效',
  asciiFileName: 'project-report',
  columns: [
    ['类别', 12, (l) => l.section],
    ['指标', 28, (l) => l.label],
    ['数值', 24, (l) => l.value],
  ],
};

export function projectsRoutes(projects: ProjectsService, deps: { db: Db; audit: AuditLog }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const manage = { access: { permission: 'projects.manage' as const } };
    const tags = ['projects'];

    r.get(
      '/api/projects',
      {
        config: manage,
        schema: { tags, summary: 'Projects with budget and spending', response: { 200: z.array(projectItem) } },
      },
      (req) => projects.list(actorOf(req)),
    );
    r.get(
      '/api/projects/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'A project with its links and spending',
          params: idParam,
          response: { 200: projectDetail },
        },
      },
      (req) => projects.detail(actorOf(req), req.params.id),
    );
    r.post(
      '/api/projects',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Start a project',
          body: projectInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) => reply.status(201).send(await projects.create(actorOf(req), req.body, requestContext(req))),
    );
    r.patch(
      '/api/projects/:id',
      {
        config: manage,
        schema: { tags, summary: 'Edit a project', params: idParam, body: projectPatch, response: { 204: noContent } },
      },
      async (req, reply) => {
        await projects.update(actorOf(req), req.params.id, req.body, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/projects/:id',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Remove a project (the linked work stays)',
          params: idParam,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await projects.remove(actorOf(req), req.params.id, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/projects/:id/links',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Link an activity, need, pairing or team',
          params: idParam,
          body: linkInput,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await projects.link(actorOf(req), req.params.id, req.body.kind, req.body.targetId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.delete(
      '/api/projects/:id/links/:kind/:targetId',
      { config: manage, schema: { tags, summary: 'Unlink', params: linkParams, response: { 204: noContent } } },
      async (req, reply) => {
        await projects.unlink(actorOf(req), req.params.id, req.params.kind, req.params.targetId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.post(
      '/api/projects/:id/spending',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Record a spending line',
          params: idParam,
          body: spendingInput,
          response: { 201: z.object({ id: z.string() }) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await projects.addSpending(actorOf(req), req.params.id, req.body, requestContext(req))),
    );
    r.delete(
      '/api/projects/:id/spending/:spendingId',
      {
        config: manage,
        schema: {
          tags,
          summary: 'Remove a spending line',
          params: z.object({ id: uuid, spendingId: uuid }),
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await projects.removeSpending(actorOf(req), req.params.id, req.params.spendingId, requestContext(req));
        return reply.status(204).send();
      },
    );
    r.get(
      '/api/projects/:id/report',
      {
        config: manage,
        schema: {
          tags,
          summary: 'What the project achieved (the record of service and the hours ledger)',
          params: idParam,
          querystring: rangeQuery,
          response: { 200: projectReport },
        },
      },
      (req) => projects.report(actorOf(req), req.params.id, req.query),
    );
    r.get(
      '/api/projects/:id/report/export',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The project report as Excel (audited)',
          params: idParam,
          querystring: rangeQuery,
          response: { 200: fileResponse('The report as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const rep = await projects.report(actorOf(req), req.params.id, req.query);
        return sendListExport(
          deps.db,
          deps.audit,
          req,
          reply,
          spec,
          { id: req.params.id, ...req.query },
          reportLines(rep),
        );
      },
    );
    r.get(
      '/api/projects/:id/report.pdf',
      {
        config: manage,
        schema: {
          tags,
          summary: 'The project report as PDF (audited)',
          params: idParam,
          querystring: rangeQuery,
          response: { 200: fileResponse('The report (PDF)', MIME.pdf) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const rep = await projects.report(actor, req.params.id, req.query);
        await deps.audit.recordBy(deps.db, actor, requestContext(req), {
          action: 'project.report_pdf',
          entityType: 'project',
          entityId: req.params.id,
          detail: { from: rep.from, to: rep.to },
        });
        const pdf = await reportPdf(rep);
        return reply
          .type(MIME.pdf)
          .header('content-disposition', contentDisposition('项目成效.pdf', 'project-report.pdf'))
          .header('cache-control', 'no-store')
          .send(pdf);
      },
    );
  };
}
