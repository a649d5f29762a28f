// The commendation poster (表彰海报): the published list on A4, names, teams and hours, with a QR code that
// opens the public page. Only what the public page shows is printed.
import type { FastifyReply } from 'fastify';
import type { PublicList } from '../../../../domain/recognition/schemas.ts';
import { A4, a4Document, drawImage, finish, qrPng, SEAL_RED } from '../../platform/pdf.ts';
import { contentDisposition } from '../../platform/http.ts';
import { MIME } from '../../platform/responses.ts';

const QUARTER_ZH = ['一', '二', '三', '四'];

export function quarterTitle(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${QUARTER_ZH[Number(quarter.slice(5)) - 1]}季度`;
}

export async function posterPdf(list: PublicList, pageUrl: string): Promise<Buffer> {
  const title = `${list.community}${quarterTitle(list.quarter)}优秀志愿者`;
  const doc = a4Document({ title, subject: '志愿服务表彰' });
  const qr = await qrPng(pageUrl);
  const margin = 56;
  const header = () => {
    doc.rect(0, 0, A4.width, 120).fill(SEAL_RED);
    doc
      .fillColor('#ffffff')
      .fontSize(30)
      .text('光荣榜', margin, 30, { width: A4.width - margin * 2, align: 'center' });
    doc.fontSize(15).text(title, margin, 76, { width: A4.width - margin * 2, align: 'center' });
    doc.fillColor('#222222');
  };
  header();
  let y = 150;
  doc
    .fontSize(12)
    .fillColor('#555555')
    .text('感谢以下志愿者本季度的奉献（名单仅列出本人同意公开的志愿者）', margin, y, {
      width: A4.width - margin * 2,
      align: 'center',
    });
  y += 36;
  const colName = margin,
    colTeam = margin + 130,
    colHours = A4.width - margin - 90;
  const headRow = () => {
    doc
      .fontSize(12)
      .fillColor('#888888')
      .text('姓名', colName, y)
      .text('服务队', colTeam, y)
      .text('本季度服务时长', colHours, y, { width: 90, align: 'right' });
    y += 24;
  };
  headRow();
  for (const item of list.items) {
    if (y > A4.height - 200) {
      doc.addPage();
      y = margin;
      headRow();
    }
    doc.fontSize(16).fillColor('#222222').text(item.name, colName, y, { width: 120, lineBreak: false });
    doc
      .fontSize(12)
      .fillColor('#444444')
      .text(item.teams || '—', colTeam, y + 3, {
        width: colHours - colTeam - 10,
        height: 16,
        ellipsis: true,
        lineBreak: false,
      });
    doc
      .fontSize(14)
      .fillColor('#222222')
      .text(`${item.hours} 小时`, colHours, y + 1, { width: 90, align: 'right', lineBreak: false });
    y += 30;
  }
  if (!list.items.length) {
    doc.fontSize(14).fillColor('#555555').text('本季度名单中的志愿者都未同意公开姓名。', margin, y);
  }
  const qrSize = 96;
  const qy = A4.height - margin - qrSize;
  drawImage(doc, qr, A4.width - margin - qrSize, qy, qrSize);
  doc
    .fontSize(11)
    .fillColor('#555555')
    .text(`扫码查看名单\n发布日期 ${list.publishedAt.slice(0, 10)}`, margin, qy + 30, {
      width: A4.width - margin * 2 - qrSize - 16,
    });
  return finish(doc);
}

export async function sendPoster(reply: FastifyReply, list: PublicList, pageUrl: string) {
  const pdf = await posterPdf(list, pageUrl);
  return reply
    .type(MIME.pdf)
    .header(
      'content-disposition',
      contentDisposition(
        `${list.community}${quarterTitle(list.quarter)}光荣榜.pdf`,
        `commendation-${list.quarter}.pdf`,
      ),
    )
    .send(pdf);
}
