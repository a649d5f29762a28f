// /api/party-indicators: party members' indicators per member, branch or unit, and the per-unit Excel report.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { indicatorsExportQuery, indicatorsQuery, indicatorsView } from '../../../../domain/recognition/schemas.ts';
import { escapeCell, sendWorkbook } from '../../platform/excel.ts';
import { actorOf, grantOf, requestContext } from '../../platform/http.ts';
import { PartyIndicatorsService, type MemberIndicators } from './party-indicators.service.ts';
import { fileResponse, MIME } from '../../platform/responses.ts';

const NO_UNIT = '未填写单位';

/** One sheet per unit: a heading naming the unit and the period, the members' figures, and the unit's total. */
export async function unitWorkbook(
  r: { community: string; units: Array<{ name: string; rows: MemberIndicators[] }>; pointsKnown: boolean },
  from: string,
  to: string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  const cols: Array<[string, number, (m: MemberIndicators) => string | number | null]> = [
    ['姓名', 12, (m) => m.name],
    ['党支部', 26, (m) => m.branch],
    ['服务时长（小时）', 16, (m) => m.hours],
    ['服务次数', 10, (m) => m.services],
    ['其中：活动', 10, (m) => m.activities],
    ['结对探访', 10, (m) => m.visits],
    ['预约服务', 10, (m) => m.appointments],
    ['认领岗位', 10, (m) => m.postsClaimed],
    ...(r.pointsKnown
      ? [['积分', 8, (m: MemberIndicators) => m.points] as [string, number, (m: MemberIndicators) => number | null]]
      : []),
  ];
  for (const u of r.units.length ? r.units : [{ name: '', rows: [] }]) {
    const unitName = u.name || NO_UNIT;
    // Sheet names: at most 31 characters, none of []:*?/\ , and unique.
    let sheet = unitName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(sheet); i++) sheet = `${unitName.slice(0, 25)}(${i})`;
    used.add(sheet);
    const ws = wb.addWorksheet(sheet);
    ws.columns = cols.map(([, width]) => ({ width }));
    ws.mergeCells(1, 1, 1, cols.length);
    ws.getCell(1, 1).value = escapeCell(`${unitName} 在职党员社区志愿服务情况`);
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.mergeCells(2, 1, 2, cols.length);
    ws.getCell(2, 1).value = escapeCell(`统计期间：${from} 至 ${to}\u3000报送：${r.community}`);
    ws.addRow(cols.map(([h]) => h)).font = { bold: true };
    for (const m of u.rows)
      ws.addRow(
        cols.map(([, , get]) => {
          const v = get(m);
          return typeof v === 'string' ? escapeCell(v) : v;
        }),
      );
    const total = ws.addRow(
      cols.map(([h, , get], i) => {
        if (i === 0) return `合计（${u.rows.length} 人）`;
        if (h === '党支部') return '';
        const vals = u.rows.map((m) => get(m)).filter((v): v is number => typeof v === 'number');
        return h.startsWith('服务时长')
          ? Math.round((vals.reduce((s, v) => s + Math.round(v * 60), 0) / 60) * 100) / 100
          : vals.reduce((s, v) => s + v, 0);
      }),
    );
    total.font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function partyIndicatorsRoutes(service: PartyIndicatorsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['party'];
    const read = { access: { permission: 'party.read' as const } };
    r.get(
      '/api/party-indicators',
      {
        config: read,
        schema: {
          tags,
          summary:
            "Party members' hours, services, points and posts claimed over a period, per member, branch or unit " +
            '(grid leaders: their grid)',
          querystring: indicatorsQuery,
          response: { 200: indicatorsView },
        },
      },
      (req) => service.view(actorOf(req), grantOf(req), req.query.from, req.query.to, req.query.view),
    );
    r.get(
      '/api/party-indicators/export',
      {
        config: read,
        schema: {
          tags,
          summary:
            "Per unit, its members' figures as Excel: one sheet per unit, headed with the unit and the period " +
            '(audited)',
          querystring: indicatorsExportQuery,
          response: { 200: fileResponse('The indicators as a workbook', MIME.xlsx) },
        },
      },
      async (req, reply) => {
        const { from, to, unit } = req.query;
        const report = await service.unitReports(actorOf(req), grantOf(req), from, to, unit, requestContext(req));
        const buf = await unitWorkbook(report, from, to);
        const one = unit && report.units[0] ? report.units[0].name || NO_UNIT : null;
        return sendWorkbook(reply, {
          fileName: `${one ?? '各单位'}党员志愿服务情况-${from}至${to}.xlsx`,
          asciiFileName: `party-indicators-${from}-${to}.xlsx`,
          rows: report.units.reduce((s, u) => s + u.rows.length, 0),
          stream: Readable.from([buf]),
        });
      },
    );
  };
}
