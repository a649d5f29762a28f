// Draws a certificate (志愿服务记录证明) from its snapshot: the same figures on every download, whatever the
// ledger says since. One A4 page: the statement, the service table, the issuer block with a facsimile seal,
// and a QR code that opens the public verify page.
import { CERTIFICATE_TITLE, hoursText, type CertificateSnapshot } from '../../../../domain/records/certificates.ts';
import { A4, SEAL_RED, a4Document, drawImage, drawSeal, finish, qrImage } from '../../platform/pdf.ts';

const SOURCE_LABEL: Record<string, string> = {
  activity: '活动',
  pairing_visit: '结对走访',
  appointment: '预约服务',
  home_care: '居家照护',
  classroom: '四点半课堂',
  need: '需求服务',
};
const MAX_LINES = 18;

const cnDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export async function renderCertificate(
  s: CertificateSnapshot,
  verifyUrl: string,
  revoked: { on: string; reason: string } | null,
): Promise<Buffer> {
  const doc = a4Document({
    title: `${CERTIFICATE_TITLE} ${s.number}`,
    author: s.issuer.name,
    subject: `${s.volunteer.name} ${CERTIFICATE_TITLE}`,
  });
  const left = 64;
  const width = A4.width - left * 2;

  doc.fillColor('#000000').fontSize(10).text(`编号：${s.number}`, left, 48, { width, align: 'right' });
  doc.fontSize(26).text(CERTIFICATE_TITLE, left, 86, { width, align: 'center', characterSpacing: 4 });

  const total = hoursText(s.serviceMinutes);
  doc
    .fontSize(13)
    .text(
      `兹证明 ${s.volunteer.name}（${s.volunteer.idType}：${s.volunteer.idMasked}；志愿者编号：${s.volunteer.number}）` +
        `于 ${cnDate(s.period.from)} 至 ${cnDate(s.period.to)} 期间参加由${s.issuer.name}组织并记录的志愿服务，` +
        `经核实，累计志愿服务时长 ${total} 小时（不含往返交通时间）。服务内容如下：`,
      left,
      146,
      { width, lineGap: 6, indent: 26 },
    );

  // The service table: what, how many times, hours, when.
  let y = doc.y + 14;
  const cols = [
    { w: width * 0.38, t: '服务内容' },
    { w: width * 0.09, t: '次数' },
    { w: width * 0.17, t: '时长（小时）' },
    { w: width * 0.36, t: '服务日期' },
  ];
  const row = (cells: string[], bold: boolean) => {
    let x = left;
    const h = 22;
    if (bold) doc.save().rect(left, y, width, h).fill('#f2f2f2').restore();
    doc.fillColor('#000000').fontSize(10);
    cells.forEach((c, i) => {
      doc.text(c, x + 6, y + 6, {
        width: cols[i]!.w - 12,
        height: h - 6,
        ellipsis: true,
        lineBreak: false,
        align: i === 0 ? 'left' : 'center',
      });
      x += cols[i]!.w;
    });
    doc
      .lineWidth(0.5)
      .strokeColor('#999999')
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .stroke();
    y += h;
  };
  doc
    .lineWidth(0.5)
    .strokeColor('#999999')
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke();
  row(
    cols.map((c) => c.t),
    true,
  );
  const shown = s.lines.length > MAX_LINES ? s.lines.slice(0, MAX_LINES - 1) : s.lines;
  for (const l of shown) {
    const dates = l.firstDate === l.lastDate ? l.firstDate : `${l.firstDate} 至 ${l.lastDate}`;
    const what = SOURCE_LABEL[l.source] ? `${l.description}（${SOURCE_LABEL[l.source]}）` : l.description;
    row([what, String(l.entries), hoursText(l.minutes), dates], false);
  }
  if (shown.length < s.lines.length) {
    const rest = s.lines.slice(shown.length);
    row(
      [
        `其他 ${rest.length} 项服务`,
        String(rest.reduce((a, l) => a + l.entries, 0)),
        hoursText(rest.reduce((a, l) => a + l.minutes, 0)),
        '',
      ],
      false,
    );
  }
  row(['合计', String(s.lines.reduce((a, l) => a + l.entries, 0)), total, ''], true);

  y += 12;
  doc.fontSize(11).fillColor('#000000');
  if (s.honourMinutes > 0) {
    doc.text(
      `另：同期获授荣誉时长 ${hoursText(s.honourMinutes)} 小时（荣誉时长为表彰所授，不计入上述志愿服务时长）。`,
      left,
      y,
      { width },
    );
    y = doc.y + 6;
  }
  doc.fontSize(13).text('特此证明。', left + 26, y + 4);

  // Issuer block, right-aligned, with the seal over it.
  const bx = left + width * 0.5;
  let by = doc.y + 26;
  const lines = [
    `出具单位：${s.issuer.name}`,
    `负责人：${s.issuer.responsible}`,
    `经办人：${s.issuer.handler}`,
    // No phone configured yet: the line is left out rather than printed as a dash.
    ...(s.issuer.phone ? [`联系电话：${s.issuer.phone}`] : []),
    `出具日期：${cnDate(s.issuedOn)}`,
  ];
  doc.fontSize(12);
  for (const l of lines) {
    doc.text(l, bx, by, { width: width * 0.5 });
    by = doc.y + 5;
  }
  drawSeal(doc, { cx: bx + 150, cy: by - 70, r: 52, text: s.issuer.name, centreText: '电子证明' });

  // QR to the verify page, bottom left, with the words for those who cannot scan.
  const qrSize = 96;
  const qy = A4.height - 230;
  drawImage(doc, qrImage(verifyUrl, 400), left, qy, qrSize);
  doc
    .fillColor('#000000')
    .fontSize(9.5)
    .text('扫码核验本证明真伪', left + qrSize + 12, qy + 10, { width: width - qrSize - 12 })
    .text(verifyUrl, left + qrSize + 12, doc.y + 4, { width: width - qrSize - 12 });

  doc
    .fontSize(8.5)
    .fillColor('#444444')
    .text(
      '说明：本证明依据《志愿服务条例》和《志愿服务记录与证明出具办法（试行）》出具，仅证明出具单位组织并记录的志愿服务（谁记录谁证明），' +
        '时长为经核实的实际服务时间，不含往返交通时间；荣誉时长不计入服务时长。证明无偿出具。本电子件上的印章为示意，纸质证明以加盖公章为准。',
      left,
      A4.height - 110,
      { width, lineGap: 3 },
    );

  if (revoked) {
    doc.save().fillColor(SEAL_RED).opacity(0.8).fontSize(64);
    doc
      .rotate(-30, { origin: [A4.width / 2, A4.height / 2] })
      .text('已撤销', 0, A4.height / 2 - 40, { width: A4.width, align: 'center' });
    doc.restore();
    doc
      .fillColor(SEAL_RED)
      .fontSize(11)
      .text(`本证明已于 ${cnDate(revoked.on)} 撤销：${revoked.reason}`, left, 64, { width });
  }
  return finish(doc);
}
