// The bulletin-board poster (A4, or A3 for the big board): the community's name, the title, when and where,
// the text, and a sign-up QR code big enough to scan from a step back. The QR code is drawn with whole pixels
// per module and sized in millimetres, so a 150 dpi scan of the print still gives ≥ 3 pixels per module.
import QRCode from 'qrcode';
import { A3, A4, a4Document, drawImage, finish, qrImage, SEAL_RED } from '../../platform/pdf.ts';
import { shanghaiLocal, shanghaiTime } from '../../../../domain/shared/dates.ts';

export interface PosterContent {
  community: string;
  title: string;
  when: string | null;
  place: string | null;
  body: string;
  /** The full address the QR code carries (a sign-up page or the announcement's page). */
  url: string;
  qrCaption: string;
}

export type PosterSize = 'a4' | 'a3';

/** How the QR code is drawn: its printed width, its modules (quiet zone included) and what a 150 dpi scan sees. */
export interface QrGeometry {
  sizeMm: number;
  modules: number;
  moduleMm: number;
  pxPerModuleAt150dpi: number;
  /** The embedded image's width in pixels: a whole number of pixels per module. */
  imagePx: number;
}

const QR_MM: Record<PosterSize, number> = { a4: 70, a3: 100 };
const MM = 72 / 25.4;
const QUIET = 2;

export function posterQr(url: string, size: PosterSize): QrGeometry {
  const modules = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules.size + QUIET * 2;
  const sizeMm = QR_MM[size];
  const moduleMm = sizeMm / modules;
  return { sizeMm, modules, moduleMm, pxPerModuleAt150dpi: (moduleMm / 25.4) * 150, imagePx: modules * 8 };
}

/** "12月8日 09:00–11:30" (Shanghai time), or with both dates when it runs over midnight. */
export function describeWhen(startsAt: string, endsAt: string): string {
  const s = shanghaiLocal(startsAt).date;
  const e = shanghaiLocal(endsAt).date;
  const day = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return s === e
    ? `${day(s)} ${shanghaiTime(startsAt)}–${shanghaiTime(endsAt)}`
    : `${day(s)} ${shanghaiTime(startsAt)} – ${day(e)} ${shanghaiTime(endsAt)}`;
}

export async function posterPdf(p: PosterContent, size: PosterSize = 'a4'): Promise<{ pdf: Buffer; qr: QrGeometry }> {
  const page = size === 'a3' ? A3 : A4;
  const k = page.width / A4.width;
  const margin = 48 * k;
  const width = page.width - margin * 2;
  // A small page margin: pdfkit would start a new page for the address line printed under the QR code.
  const doc = a4Document({
    title: p.title,
    subject: `${p.community} 公告`,
    size: size === 'a3' ? 'A3' : 'A4',
    margin: 20,
  });

  doc.rect(0, 0, page.width, 92 * k).fill(SEAL_RED);
  doc
    .fillColor('#ffffff')
    .fontSize(30 * k)
    .text(p.community ? `${p.community} · 公告` : '公告', margin, 28 * k, { width, align: 'center' });

  const qr = posterQr(p.url, size);
  const qrPt = qr.sizeMm * MM;
  const qrTop = page.height - margin - qrPt - 40 * k;

  let y = 130 * k;
  doc.fillColor('#111111').fontSize(36 * k);
  doc.text(p.title, margin, y, { width, align: 'center' });
  y = doc.y + 22 * k;
  doc.fontSize(22 * k).fillColor('#222222');
  if (p.when) {
    doc.text(`时间：${p.when}`, margin, y, { width });
    y = doc.y + 8 * k;
  }
  if (p.place) {
    doc.text(`地点：${p.place}`, margin, y, { width });
    y = doc.y + 8 * k;
  }
  if (p.body) {
    y += 10 * k;
    // The text fills what is left above the QR code and is cut with an ellipsis, never over it.
    const room = qrTop - 24 * k - y;
    if (room > 20 * k)
      doc
        .fontSize(16 * k)
        .fillColor('#333333')
        .text(p.body, margin, y, { width, height: room, ellipsis: true, lineGap: 4 * k });
  }

  drawImage(doc, qrImage(p.url, qr.imagePx), (page.width - qrPt) / 2, qrTop, qrPt);
  doc
    .fontSize(20 * k)
    .fillColor('#111111')
    .text(p.qrCaption, margin, qrTop + qrPt + 6 * k, { width, align: 'center' });
  doc
    .fontSize(10 * k)
    .fillColor('#555555')
    .text(p.url, margin, qrTop + qrPt + 32 * k, { width, align: 'center', lineBreak: false });
  return { pdf: await finish(doc), qr };
}
