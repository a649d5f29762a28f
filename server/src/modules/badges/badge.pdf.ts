// The printed love badge: an A4 sheet with one bank-card-sized card (85.6 × 54 mm) framed by cut lines. The
// card carries the QR code of the public page, the nickname, "扫码联系家人" and the community hotline; nothing
// else about the elder. Below the card, a line for whoever cuts and laminates it.
import { A4, a4Document, drawImage, finish, qrImage, type Pdf } from '../../platform/pdf.ts';

const MM = 72 / 25.4;
const CARD = { w: 85.6 * MM, h: 54 * MM };
/** The cut box on the sheet: the card as it will be once cut. */
export const CUT_BOX = { x: (A4.width - CARD.w) / 2, y: 90, w: CARD.w, h: CARD.h } as const;
/** Nothing printed comes closer than this to the cut line (2 mm): a cut a little off still leaves every word whole. */
export const CARD_MARGIN = 2 * MM;

const TITLE = '爱心二维码 · 扫码联系家人';
const PLEA = '我可能需要帮助，请用手机扫码，联系我的家人。';
const BAND = 26;

/** One text of the card: where it starts, the room it takes (measured with the document's own font) and its size. */
export interface CardText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  size: number;
  color: string;
  /** Wrapped within `width`; otherwise one line exactly `width` wide. */
  wrap: boolean;
}

/** The largest size from `size` down to `min` at which `text` fits `width`; at `min`, the text cut with an ellipsis. */
function fit(doc: Pdf, text: string, size: number, min: number, width: number): { text: string; size: number } {
  for (let s = size; s >= min; s -= 0.5) if (doc.fontSize(s).widthOfString(text) <= width) return { text, size: s };
  doc.fontSize(min);
  let cut = [...text];
  while (cut.length > 1 && doc.widthOfString(`${cut.join('')}…`) > width) cut = cut.slice(0, -1);
  return { text: `${cut.join('')}…`, size: min };
}

/**
 * Where every text of the card goes. Each is measured with the document's font and kept CARD_MARGIN inside the
 * cut box: a long nickname is shortened, a long hotline set smaller, and the hotline sits on its own line under
 * its label at the card's foot (it used to follow the label on one line and ran across the cut line).
 */
export function cardLayout(doc: Pdf, c: { nickname: string; hotline: string }): { qr: number; texts: CardText[] } {
  const { x, y, w, h } = CUT_BOX;
  const m = CARD_MARGIN;
  const line = (text: string, size: number, tx: number, ty: number, color: string): CardText => {
    doc.fontSize(size);
    return {
      text,
      x: tx,
      y: ty,
      width: doc.widthOfString(text),
      height: doc.currentLineHeight(true),
      size,
      color,
      wrap: false,
    };
  };
  const texts: CardText[] = [];

  const title = fit(doc, TITLE, 13, 9, w - 2 * m);
  const tw0 = doc.fontSize(title.size).widthOfString(title.text);
  texts.push(line(title.text, title.size, x + (w - tw0) / 2, y + 7, '#000000'));

  const qr = h - BAND - 5 - m;
  const tx = x + m + qr + 6;
  const tw = x + w - m - tx;
  const nick = fit(doc, c.nickname, 15, 10, tw);
  texts.push(line(nick.text, nick.size, tx, y + 36, '#000000'));
  doc.fontSize(9);
  texts.push({
    text: PLEA,
    x: tx,
    y: y + 58,
    width: tw,
    height: doc.heightOfString(PLEA, { width: tw }),
    size: 9,
    color: '#222222',
    wrap: true,
  });

  if (c.hotline) {
    const number = fit(doc, c.hotline, 10, 6, tw);
    const numberLine = line(number.text, number.size, tx, 0, '#000000');
    numberLine.y = y + h - m - numberLine.height;
    const label = line('社区热线：', 8.5, tx, 0, '#222222');
    label.y = numberLine.y - label.height;
    texts.push(label, numberLine);
  }
  return { qr, texts };
}

export async function renderBadgeCard(c: { url: string; nickname: string; hotline: string }): Promise<Buffer> {
  const doc = a4Document({ title: `爱心二维码 ${c.nickname}`, subject: '爱心二维码卡片' });
  const { x, y } = CUT_BOX;

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
    .rect(x + 1, y + 1, CARD.w - 2, BAND)
    .fill('#ffd21f')
    .restore();

  const layout = cardLayout(doc, c);
  drawImage(doc, qrImage(c.url, 400), x + CARD_MARGIN, y + BAND + 5, layout.qr);
  for (const t of layout.texts)
    doc
      .fontSize(t.size)
      .fillColor(t.color)
      .text(t.text, t.x, t.y, t.wrap ? { width: t.width } : { lineBreak: false });

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
