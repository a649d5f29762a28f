// The monthly report for superiors: a PDF of the headline figures and every chart, drawn on the server with pdfkit
// (the shared A4 document and its embedded Chinese font, so it prints without system fonts). Bars are drawn
// directly, each with its figure beside it, so the printed page can be read without the colours.
import {
  CHART_TITLES,
  HEADLINE_LABELS,
  UNIT_LABELS,
  type Chart,
  type Headline,
  type IndicatorsView,
} from '../../../../domain/indicators/schemas.ts';
import { A4, a4Document, finish, type Pdf } from '../../platform/pdf.ts';
import ExcelJS from 'exceljs';
import { escapeCell } from '../../platform/excel.ts';

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1'];
const MARGIN = 48;
const MAX_BARS = 14;

export async function reportPdf(v: IndicatorsView, title: string): Promise<Buffer> {
  const doc = a4Document({ title, margin: MARGIN });
  const width = A4.width - 2 * MARGIN;
  doc.fontSize(18).text(title, { align: 'center' });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(`统计期间：${v.from} 至 ${v.to}`, { align: 'center' });
  doc.fillColor('#000').moveDown(1);
  headlineTable(doc, v.headline, width);
  for (const c of v.charts) drawChart(doc, c, width);
  return finish(doc);
}

function headlineTable(doc: Pdf, h: Headline, width: number) {
  doc.fontSize(13).text('主要指标');
  doc.moveDown(0.3);
  const keys = Object.keys(HEADLINE_LABELS) as Array<keyof Headline>;
  const colW = width / 3;
  let y = doc.y;
  keys.forEach((k, i) => {
    const x = MARGIN + (i % 3) * colW;
    if (i % 3 === 0 && i) y += 34;
    doc
      .rect(x + 2, y, colW - 4, 30)
      .strokeColor('#d9d9d9')
      .stroke();
    doc
      .fontSize(8)
      .fillColor('#666')
      .text(HEADLINE_LABELS[k].zh, x + 8, y + 4, { width: colW - 16 });
    doc
      .fontSize(12)
      .fillColor('#000')
      .text(String(h[k]), x + 8, y + 15, { width: colW - 16 });
  });
  doc.x = MARGIN;
  doc.y = y + 44;
}

function drawChart(doc: Pdf, c: Chart, width: number) {
  const cats = c.categories.slice(0, MAX_BARS);
  const rowH = 6 + 9 * c.series.length;
  const need = 40 + cats.length * rowH + 16;
  if (doc.y + need > A4.height - MARGIN) doc.addPage();
  const unit = UNIT_LABELS[c.unit]?.zh ?? '';
  doc
    .fontSize(12)
    .fillColor('#000')
    .text(`${CHART_TITLES[c.key].zh}${unit ? `（单位：${unit}）` : ''}${c.communityWide ? '（全社区）' : ''}`, MARGIN);
  // The legend: one swatch per series.
  let lx = MARGIN;
  const ly = doc.y + 2;
  c.series.forEach((s, i) => {
    doc.rect(lx, ly + 1, 8, 8).fill(COLOURS[i % COLOURS.length]!);
    doc
      .fillColor('#333')
      .fontSize(8)
      .text(s.name, lx + 11, ly, { lineBreak: false });
    lx += 18 + doc.widthOfString(s.name);
  });
  let y = ly + 16;
  if (!cats.length) {
    doc.fontSize(9).fillColor('#888').text('暂无数据', MARGIN, y);
    doc.y = y + 20;
    return;
  }
  const labelW = 110;
  const barMax = width - labelW - 50;
  const max = Math.max(1, ...c.series.flatMap((s) => s.values.slice(0, MAX_BARS)));
  cats.forEach((cat, ci) => {
    doc
      .fontSize(8)
      .fillColor('#000')
      .text(cat, MARGIN, y + (rowH - 10) / 2, { width: labelW - 6, lineBreak: false, ellipsis: true });
    c.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const by = y + 3 + si * 9;
      const w = Math.max(0.5, (v / max) * barMax);
      doc.rect(MARGIN + labelW, by, w, 7).fill(COLOURS[si % COLOURS.length]!);
      doc
        .fillColor('#000')
        .fontSize(7)
        .text(String(v), MARGIN + labelW + w + 3, by, { lineBreak: false });
    });
    y += rowH;
  });
  if (c.categories.length > MAX_BARS)
    doc
      .fontSize(8)
      .fillColor('#888')
      .text(`另有 ${c.categories.length - MAX_BARS} 项，见 Excel 导出`, MARGIN, y);
  doc.fillColor('#000');
  doc.x = MARGIN;
  doc.y = y + 16;
}

/** Every chart's figures, one sheet per chart (titled in the requested language), and a sheet of the headline. */
export async function chartsWorkbook(v: IndicatorsView, lang: 'zh' | 'en', headlineSheet: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const hs = wb.addWorksheet(headlineSheet);
  hs.columns = [{ width: 28 }, { width: 14 }];
  hs.addRow([escapeCell(`${v.node.name} ${v.from} ~ ${v.to}`)]).font = { bold: true };
  for (const k of Object.keys(HEADLINE_LABELS) as Array<keyof Headline>)
    hs.addRow([HEADLINE_LABELS[k][lang], v.headline[k]]);
  const used = new Set<string>([headlineSheet]);
  for (const c of v.charts) {
    let name = CHART_TITLES[c.key][lang].replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 27)}(${i})`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.columns = [{ width: 24 }, ...c.series.map(() => ({ width: 16 }))];
    ws.addRow(['', ...c.series.map((s) => escapeCell(s.name))]).font = { bold: true };
    c.categories.forEach((cat, i) => ws.addRow([escapeCell(cat), ...c.series.map((s) => s.values[i] ?? 0)]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
