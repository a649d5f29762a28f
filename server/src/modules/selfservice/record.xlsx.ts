// The record as an Excel workbook: 汇总 (who, totals, star, certificates) and 服务记录 (every verified entry, with a
// total row). Every text cell passes through escapeCell (a cell starting with = + - @ is never a formula).
import ExcelJS from 'exceljs';
import { escapeCell } from '../../platform/excel.ts';
import { hoursOf, sourceLabel } from '../../../../domain/selfservice/record.ts';
import type { RecordData } from './record.service.ts';

const text = (v: string | null | undefined) => escapeCell(v ?? '');

export async function renderRecordWorkbook(d: RecordData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli 邻里';
  const sum = wb.addWorksheet('汇总');
  sum.columns = [
    { header: '项目', width: 22 },
    { header: '内容', width: 40 },
  ];
  sum.getRow(1).font = { bold: true };
  const rows: Array<[string, string | number]> = [
    ['姓名', text(d.name)],
    ['社区', text(d.communityName)],
    ['导出日期', d.generatedOn],
    ['已核实记录（条）', d.totals.entries],
    ['服务时长（小时）', hoursOf(d.totals.creditMinutes)],
    ['荣誉时长（小时）', hoursOf(d.totals.honourMinutes)],
    ['已达星级', d.star.reachedLevel],
    ['已授星级', d.star.awardedLevel],
    ['授星日期', d.star.awardedOn ?? ''],
    ['距下一星（小时）', d.star.hoursToNextStar ?? ''],
  ];
  for (const y of d.totals.byYear) rows.push([`${y.year} 年服务时长（小时）`, hoursOf(y.creditMinutes)]);
  for (const r of rows) sum.addRow(r);
  sum.addRow([]);
  sum.addRow(['证明编号', '出具日期 · 期间 · 时长（小时）']).font = { bold: true };
  for (const c of d.certificates)
    sum.addRow([text(c.number), `${c.issuedOn} · ${c.periodFrom} 至 ${c.periodTo} · ${c.serviceHours}`]);

  const ws = wb.addWorksheet('服务记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: '服务日期', width: 12 },
    { header: '类别', width: 14 },
    { header: '服务内容', width: 40 },
    { header: '时长（分钟）', width: 12 },
    { header: '时长（小时）', width: 12 },
    { header: '时长类型', width: 10 },
    { header: '核实人', width: 12 },
    { header: '核实时间', width: 22 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of d.entries)
    ws.addRow([
      e.serviceDate,
      sourceLabel(e.source),
      text(e.description),
      e.minutes,
      hoursOf(e.minutes),
      e.kind === 'honour' ? '荣誉' : '服务',
      text(e.verifiedByName),
      e.verifiedAt ?? '',
    ]);
  const total = ws.addRow([
    '合计',
    '',
    '服务时长',
    d.totals.creditMinutes,
    hoursOf(d.totals.creditMinutes),
    '服务',
    '',
    '',
  ]);
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
