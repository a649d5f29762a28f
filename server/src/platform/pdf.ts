// Shared PDF helpers: an A4 document with the CJK font, QR images, a facsimile seal, and the finished bytes.
// pdfkit with Debian's Noto Sans CJK (ENGINEERING.md: pdf-lib breaks CJK fonts). Certificates use it; the
// commendation poster reuses it.
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
// @ts-expect-error fontkit ships no types; only create() is used.
import * as fontkit from 'fontkit';
import QRCode from 'qrcode';

export type Pdf = PDFKit.PDFDocument;

/** The font's PostScript name inside the collection (the simplified-Chinese face). */
export const CJK_FONT = 'NotoSansCJKsc-Regular';
/** Where Debian's fonts-noto-cjk puts the collection; the first that exists is used. */
export const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];

export const A4 = { width: 595.28, height: 841.89 } as const;
export const SEAL_RED = '#d0021b';

let parsed: unknown = null;

/**
 * The parsed font, read and parsed once per process: the collection is ~20 MB and parsing its CFF tables
 * took ~300 ms per document. pdfkit accepts a fontkit font object and subsets it per document.
 */
export function cjkFont(): unknown {
  if (parsed) return parsed;
  const file = CJK_FONT_FILES.find((f) => fs.existsSync(f));
  if (!file) {
    throw new Error(`The Chinese font for PDFs is missing: none of ${CJK_FONT_FILES.join(', ')} exists. Install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk).`);
  }
  parsed = fontkit.create(fs.readFileSync(file), CJK_FONT);
  return parsed;
}

export interface DocumentInfo { title: string; author?: string; subject?: string; margin?: number }

/** A4 portrait with the CJK font registered under CJK_FONT and selected. Only the glyphs used are embedded. */
export function a4Document(info: DocumentInfo): Pdf {
  const doc = new PDFDocument({
    size: 'A4', margin: info.margin ?? 56, compress: true,
    info: { Title: info.title, Author: info.author ?? 'Linli 邻里', Subject: info.subject ?? info.title, Producer: 'Linli', Creator: 'Linli' },
  });
  doc.registerFont(CJK_FONT, cjkFont() as Buffer, CJK_FONT);
  doc.font(CJK_FONT);
  return doc;
}

/** A QR code as a PNG (black on white, quiet zone included), `size` pixels square. */
export function qrPng(text: string, size = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: size, color: { dark: '#000000', light: '#ffffff' } });
}

/** Draws a QR PNG at (x, y), `size` points square. */
export function drawImage(doc: Pdf, png: Buffer, x: number, y: number, size: number): void {
  doc.image(png, x, y, { width: size, height: size });
}

/**
 * A round red seal: a double ring, the issuer's name along the upper arc and a five-pointed star in the middle,
 * with an optional line under the star. A facsimile only: the paper certificate carries the real stamp.
 */
export function drawSeal(doc: Pdf, o: { cx: number; cy: number; r: number; text: string; centreText?: string; opacity?: number }): void {
  const { cx, cy, r } = o;
  doc.save();
  doc.opacity(o.opacity ?? 0.85).strokeColor(SEAL_RED).fillColor(SEAL_RED);
  doc.lineWidth(r * 0.05).circle(cx, cy, r).stroke();
  doc.lineWidth(r * 0.012).circle(cx, cy, r * 0.93).stroke();

  // Star: five outer and five inner points, the top one pointing up.
  const outer = r * 0.26;
  const inner = outer * 0.382;
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rad = (i % 2 ? inner : outer);
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  }
  doc.polygon(...pts).fill();

  // Characters spread over ~240° of the upper arc, each rotated to face outward.
  const chars = [...o.text];
  const fontSize = Math.min(r * 0.24, (r * 4.2) / Math.max(chars.length, 1));
  const span = Math.min(240, chars.length * 24) * (Math.PI / 180);
  const textR = r * 0.74;
  doc.fontSize(fontSize);
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (chars.length === 1 ? span / 2 : (i * span) / (chars.length - 1));
    const x = cx + textR * Math.cos(a);
    const y = cy + textR * Math.sin(a);
    const w = doc.widthOfString(ch);
    doc.save();
    doc.translate(x, y).rotate((a * 180) / Math.PI + 90);
    doc.text(ch, -w / 2, -fontSize / 2, { lineBreak: false });
    doc.restore();
  });
  if (o.centreText) {
    const size = r * 0.16;
    doc.fontSize(size);
    const w = doc.widthOfString(o.centreText);
    doc.text(o.centreText, cx - w / 2, cy + r * 0.38, { lineBreak: false });
  }
  doc.restore();
}

/** Ends the document and resolves with its bytes. */
export function finish(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
