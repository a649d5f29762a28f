// The record as a PDF (A4, Noto Sans SC): who and when, the totals and star, the certificates, then every verified
// entry in a table that runs onto as many pages as it needs (the header repeated), with a total at the end and
// the page number at each foot.
import { A4, a4Document, finish } from '../../platform/pdf.ts';
import { hoursOf, sourceLabel } from '../../../../domain/selfservice/record.ts';
import type { RecordData } from './record.service.ts';

const LEFT = 56;
const WIDTH = A4.width - LEFT * 2;
const BOTTOM = A4.height - 64;
const ROW_H = 20;
const COLS = [
  { w: 0.16, t: '服务日期' },
  { w: 0.16, t: '类别' },
  { w: 0.46, t: '服务内容' },
  { w: 0.12, t: '小时' },
  { w: 0.1, t: '类型' },
];

export async function renderRecordPdf(d: RecordData): Promise<Buffer> {
  const doc = a4Document({ title: `志愿服务记录 ${d.name}`, subject: `${d.name} 志愿服务记录` });
  doc.fillColor('#000000').fontSize(22).text('志愿服务记录', LEFT, 56, { width: WIDTH, align: 'center' });
  doc
    .fontSize(11)
    .text(`${d.name} · ${d.communityName} · 导出日期 ${d.generatedOn}`, LEFT, 92, { width: WIDTH, align: 'center' });

  let page = 1;
  /** The page number at the foot (outside the margin, so written with the bottom margin lifted). */
  const footer = () => {
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text(`${d.name} 志愿服务记录 · 第 ${page} 页`, LEFT, A4.height - 40, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.fillColor('#000000');
  };
  doc.fontSize(12);
  let y = 124;
  const line = (s: string) => {
    doc.text(s, LEFT, y, { width: WIDTH });
    y = doc.y + 4;
  };
  line(`已核实记录 ${d.totals.entries} 条，服务时长 ${hoursOf(d.totals.creditMinutes)} 小时`);
  if (d.totals.honourMinutes) line(`荣誉时长 ${hoursOf(d.totals.honourMinutes)} 小时（不计入服务时长）`);
  line(
    `星级：已达 ${d.star.reachedLevel} 星，已授 ${d.star.awardedLevel} 星` +
      (d.star.awardedOn ? `（${d.star.awardedOn}）` : '') +
      (d.star.hoursToNextStar !== null ? `；距下一星还差 ${d.star.hoursToNextStar} 小时` : ''),
  );
  for (const yv of d.totals.byYear) line(`${yv.year} 年：${yv.entries} 次，${hoursOf(yv.creditMinutes)} 小时`);
  line(
    d.certificates.length
      ? `服务证明：${d.certificates.map((c) => `${c.number}（${c.issuedOn}，${c.serviceHours} 小时）`).join('；')}`
      : '服务证明：暂无',
  );
  y += 8;

  const row = (cells: string[], head: boolean) => {
    if (y + ROW_H > BOTTOM) {
      footer();
      doc.addPage();
      page++;
      y = 56;
      if (!head)
        row(
          COLS.map((c) => c.t),
          true,
        );
    }
    if (head) doc.save().rect(LEFT, y, WIDTH, ROW_H).fill('#eeeeee').restore();
    doc.fillColor('#000000').fontSize(10);
    let x = LEFT;
    cells.forEach((c, i) => {
      const w = WIDTH * COLS[i]!.w;
      doc.text(c, x + 4, y + 5, { width: w - 8, height: ROW_H - 6, ellipsis: true, lineBreak: false });
      x += w;
    });
    doc
      .moveTo(LEFT, y + ROW_H)
      .lineTo(LEFT + WIDTH, y + ROW_H)
      .lineWidth(0.5)
      .stroke('#999999');
    y += ROW_H;
  };
  row(
    COLS.map((c) => c.t),
    true,
  );
  for (const e of d.entries)
    row(
      [
        e.serviceDate,
        sourceLabel(e.source),
        e.description ?? '',
        String(hoursOf(e.minutes)),
        e.kind === 'honour' ? '荣誉' : '服务',
      ],
      false,
    );
  row(['合计', '', `${d.totals.entries} 条`, String(hoursOf(d.totals.creditMinutes)), '服务'], false);

  footer();
  return finish(doc);
}
