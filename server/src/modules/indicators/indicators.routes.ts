// /api/indicators: the dashboard's figures for a node, its tree, its children side by side, every chart as Excel,
// and the monthly report as a PDF (on demand, and the ones the job stored on the 1st).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  compareView,
  indicatorsQuery,
  indicatorsView,
  reportList,
  reportQuery,
  viewNode,
} from '../../../../domain/indicators/schemas.ts';
import { idParam } from '../../../../domain/shared/schemas.ts';
import { actorOf, contentDisposition, localeOf } from '../../platform/http.ts';
import { xlsxDownload } from '../../platform/excel.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';
import { monthWindow, type IndicatorsService } from './indicators.service.ts';
import { chartsWorkbook, reportPdf } from './indicators.report.ts';
import type { ViewNode } from './indicators-view.ts';

const allIds = (n: ViewNode): string[] => [n.id, ...n.children.flatMap(allIds)];

export function reportTitle(nodeName: string, month: string) {
  const [y, m] = month.split('-');
  return `${nodeName}志愿服务月度报告（${y}年${Number(m)}月）`;
}

function sendPdf(reply: FastifyReply, bytes: Buffer, fileName: string, ascii: string) {
  return reply
    .type(MIME.pdf)
    .header('content-disposition', contentDisposition(fileName, ascii))
    .header('cache-control', 'no-store')
    .send(bytes);
}

export function indicatorsRoutes(service: IndicatorsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['indicators'];
    const read = { access: { permission: 'indicators.read' as const } };
    const lang = (req: Parameters<typeof localeOf>[0]) => (localeOf(req) === 'en' ? 'en' : 'zh');

    r.get(
      '/api/indicators',
      {
        config: read,
        schema: {
          tags,
          summary: 'Every figure of a node (community or grid) over a window, default the last twelve months',
          querystring: indicatorsQuery,
          response: { 200: indicatorsView },
        },
      },
      (req) => service.figures(actorOf(req), req.query.node, req.query.from, req.query.to, lang(req)),
    );
    r.get(
      '/api/indicators/tree',
      {
        config: read,
        schema: { tags, summary: 'The levels the caller may look at, to drill down', response: { 200: viewNode } },
      },
      (req) => service.tree(actorOf(req)),
    );
    r.get(
      '/api/indicators/compare',
      {
        config: read,
        schema: {
          tags,
          summary: "The headline figures of each child of a node side by side (a community's grids …)",
          querystring: indicatorsQuery,
          response: { 200: compareView },
        },
      },
      (req) => service.compare(actorOf(req), req.query.node, req.query.from, req.query.to),
    );
    r.get(
      '/api/indicators/export',
      {
        config: read,
        schema: {
          tags,
          summary: "Every chart's figures as Excel: one sheet per chart, and the headline",
          querystring: indicatorsQuery,
          response: { 200: fileResponse('The figures as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const l = lang(req);
        const v = await service.figures(actorOf(req), req.query.node, req.query.from, req.query.to, l);
        const buf = await chartsWorkbook(v, l, l === 'en' ? 'Headline' : '主要指标');
        return xlsxDownload(reply, `${v.node.name}指标-${v.from}至${v.to}.xlsx`, `indicators-${v.from}-${v.to}.xlsx`)
          .header('x-row-count', String(v.charts.length))
          .send(buf);
      },
    );
    r.get(
      '/api/indicators/report.pdf',
      {
        config: read,
        schema: {
          tags,
          summary: 'The monthly report of a node for a month, generated now',
          querystring: reportQuery,
          response: { 200: fileResponse('The report', MIME.pdf) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const node = await service.resolve(actor, req.query.node);
        const w = monthWindow(req.query.month);
        const v = await service.figuresOf(actor, node, w.from, w.to, 'zh');
        const pdf = await reportPdf(v, reportTitle(node.node.name, req.query.month));
        return sendPdf(
          reply,
          pdf,
          `${reportTitle(node.node.name, req.query.month)}.pdf`,
          `report-${req.query.month}.pdf`,
        );
      },
    );
    r.get(
      '/api/indicators/reports',
      {
        config: read,
        schema: {
          tags,
          summary: 'The monthly reports stored on the 1st, of the nodes the caller may see',
          response: { 200: reportList },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const rows = await service.listReports(actor, allIds(await service.tree(actor)));
        return {
          items: rows.map((x) => ({
            id: x.id,
            nodeId: x.node_id,
            nodeName: x.node_name,
            month: x.month,
            bytes: Number(x.bytes),
            createdAt: x.created_at,
          })),
        };
      },
    );
    r.get(
      '/api/indicators/reports/:id/pdf',
      {
        config: read,
        schema: {
          tags,
          summary: 'A stored monthly report',
          params: idParam,
          response: { 200: fileResponse('The report', MIME.pdf) },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const row = await service.storedReport(actor, req.params.id, allIds(await service.tree(actor)));
        const title = reportTitle(row.node_name, row.month);
        return sendPdf(reply, Buffer.from(row.data, 'base64'), `${title}.pdf`, `report-${row.month}.pdf`);
      },
    );
  };
}
