// The printed love badge: an A4 sheet with one bank-card-sized card (85.6 × 54 mm) framed by cut lines. The
// card carries the QR code of the public page, the nickname, "扫码联系家人" and the community hotline; nothing
// else about the elder. Below the card, a line for whoever cuts and laminates it.
import { A4, a4Document, drawImage, finish, qrImage } from '../../platform/pdf.ts';

const MM = 72 / 25.4;
const CARD = { w: 85.6 * MM, h: 54 * MM };

export async function renderBadgeCard(c: { url: string; nickname: string; hotline: string }): Promise<Buffer> {
  const doc = a4Document({ title: `爱心二维码 ${c.nickname}`, subject: '爱心二维码卡片' });
  const x = (A4.width - CARD.w) / 2;
  const y = 90;

  // Cut lines: a dashed frame, with short marks beyond each corner.
  doc.save().lineWidth(0.6).strokeColor('#666666').dash(4, { space: 3 }).rect(x, y, CARD.w, CARD.h).stroke().undash();
  for (const [cx, cy] of [
    [x, y],
    [x + CARD.w, y],
    [x, y + CARD.h],
    [x + CARD.w, y + CARD.h],
  ] as const) {
    doc
      .moveTo(cx - 14, cy)
      .lineTo(cx - 4, cy)
      .moveTo(cx + 4, cy)
      .lineTo(cx + 14, cy)
      .stroke();
    doc
      .moveTo(cx, cy - 14)
      .lineTo(cx, cy - 4)
      .moveTo(cx, cy + 4)
      .lineTo(cx, cy + 14)
      .stroke();
  }
  doc.restore();

  // A yellow band (黄手环) across the top of the card.
  doc
    .save()
    .rect(x + 1, y + 1, CARD.w - 2, 26)
    .fill('#ffd21f')
    .restore();
  doc
    .fillColor('#000000')
    .fontSize(13)
    .text('爱心二维码 · 扫码联系家人', x + 8, y + 7, { width: CARD.w - 16, align: 'center', lineBreak: false });

  const qr = CARD.h - 36;
  drawImage(doc, qrImage(c.url, 400), x + 6, y + 31, qr);
  const tx = x + qr + 12;
  const tw = CARD.w - qr - 18;
  doc.fontSize(15).text(c.nickname, tx, y + 36, { width: tw, lineBreak: false, ellipsis: true });
  doc
    .fontSize(9)
    .fillColor('#222222')
    .text('我可能需要帮助，请用手机扫码，联系我的家人。', tx, y + 58, { width: tw });
  if (c.hotline)
    doc
      .fontSize(9.5)
      .fillColor('#000000')
      .text(`社区热线：${c.hotline}`, tx, y + CARD.h - 22, { width: tw, lineBreak: false });

  doc
    .fontSize(10)
    .fillColor('#444444')
    .text(
      '沿虚线剪下，塑封后放入黄手环卡槽、挂在胸前或缝在常穿的外衣上。扫码页面只显示昵称和家人的嘱托，不显示姓名、住址和证件信息；' +
        '每次扫码都会通知家人和社区值班人员。卡片遗失或不再使用时，请到社区停用或重新制作。',
      x - 40,
      y + CARD.h + 30,
      { width: CARD.w + 80, lineGap: 3 },
    );
  return finish(doc);
}
