// Shared PDF helpers: an A4 document with the CJK font, QR images, a facsimile seal, and the finished bytes.
// pdfkit with Noto Sans SC (ENGINEERING.md: pdf-lib breaks CJK fonts). Certificates, the love badge card and
// the commendation poster use it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
// @ts-expect-error fontkit ships no types; only create() is used.
import * as fontkit from 'fontkit';
import QRCode from 'qrcode';

export type Pdf = PDFKit.PDFDocument;

/** The name the CJK font is registered under in every document. */
export const CJK_FONT = 'LinliCJK';

/**
 * The font npm installs with Linli (Noto Sans SC Regular, SIL Open Font License), so PDFs need no system
 * package. Resolved from this module, so it is found from the sources and from the bundled server alike.
 */
export function bundledCjkFontFile(): string | null {
  try {
    return createRequire(import.meta.url).resolve(
      '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    );
  } catch {
    return null;
  }
}

/** Debian's fonts-noto-cjk collection, used only if the npm package is somehow missing. */
const SYSTEM_CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];
/** In a collection (.ttc), the simplified-Chinese face is chosen by its PostScript name. */
const SC_FACE = /sc|cn|gb|hans/i;

let chosenFile: string | undefined;
let parsed: unknown = null;

/** Use this font file (`LINLI_CJK_FONT`) instead of the bundled one. Takes effect for the next parse. */
export function useCjkFontFile(file: string | undefined): void {
  chosenFile = file;
  parsed = null;
}

/** The font file PDFs will use: the configured one, else the bundled one, else a system collection. */
export function cjkFontFile(): string {
  const candidates = chosenFile ? [chosenFile] : [bundledCjkFontFile(), ...SYSTEM_CJK_FONT_FILES];
  const file = candidates.find((f): f is string => !!f && fs.existsSync(f));
  if (!file) {
    throw new Error(
      chosenFile
        ? `The Chinese font for PDFs is missing: LINLI_CJK_FONT names ${chosenFile}, which does not exist.`
        : 'The Chinese font for PDFs is missing: the npm package @expo-google-fonts/noto-sans-sc is not ' +
            'installed (run npm install), and no system font was found. Set LINLI_CJK_FONT=/path/to/font.',
    );
  }
  return file;
}

interface FontCollection {
  fonts: Array<{ postscriptName: string }>;
}

/**
 * The parsed font, read and parsed once per process: the file is 10–20 MB and parsing its tables took ~300 ms
 * per document. pdfkit accepts a fontkit font object and subsets it per document. Call it at start to learn
 * at once, not at the first PDF, that the font is missing or unreadable.
 */
export function cjkFont(): unknown {
  if (parsed) return parsed;
  const file = cjkFontFile();
  let font = fontkit.create(fs.readFileSync(file)) as unknown;
  const collection = font as Partial<FontCollection>;
  if (Array.isArray(collection.fonts)) {
    const faces = collection.fonts;
    font = faces.find((f) => SC_FACE.test(f.postscriptName)) ?? faces[0];
  }
  if (!font || typeof (font as { layout?: unknown }).layout !== 'function') {
    throw new Error(`The Chinese font for PDFs could not be read: ${file} is not a TrueType or OpenType font.`);
  }
  parsed = font;
  return parsed;
}

export const A4 = { width: 595.28, height: 841.89 } as const;
export const A3 = { width: 841.89, height: 1190.55 } as const;
export const SEAL_RED = '#d0021b';

export interface DocumentInfo {
  title: string;
  author?: string;
  subject?: string;
  margin?: number;
  /** A4 unless said (posters may be A3). */
  size?: 'A4' | 'A3';
}

/** A4 portrait with the CJK font registered under CJK_FONT and selected. Only the glyphs used are embedded. */
export function a4Document(info: DocumentInfo): Pdf {
  const doc = new PDFDocument({
    size: info.size ?? 'A4',
    margin: info.margin ?? 56,
    compress: true,
    info: {
      Title: info.title,
      Author: info.author ?? 'Linli 邻里',
      Subject: info.subject ?? info.title,
      Producer: 'Linli',
      Creator: 'Linli',
    },
  });
  doc.registerFont(CJK_FONT, cjkFont() as Buffer);
  doc.font(CJK_FONT);
  shareLayouts(doc);
  return doc;
}

interface GlyphRun {
  advanceWidth: number;
}
interface EmbeddedFontLike {
  layoutCached(text: string): GlyphRun;
  layoutRun(text: string): GlyphRun;
}

// Shaping CJK text (fontkit's GSUB lookups) was a third of a certificate's time, and pdfkit caches shaped words
// only per document; the same labels and clauses recur in every one, so the cache is per process instead. The
// runs depend only on the text and the shared font (pdfkit copies positions before changing them). Bounded:
// cleared when full, since names and dates keep adding entries.
const LAYOUT_CACHE_MAX = 5000;
const layouts = new Map<string, GlyphRun>();

function shareLayouts(doc: Pdf): void {
  const font = (doc as unknown as { _font: EmbeddedFontLike })._font;
  font.layoutCached = (text: string): GlyphRun => {
    let run = layouts.get(text);
    if (!run) {
      run = font.layoutRun(text);
      if (layouts.size >= LAYOUT_CACHE_MAX) layouts.clear();
      layouts.set(text, run);
    }
    return run;
  };
}

/** A QR code as a PNG (black on white, quiet zone included), `size` pixels square. */
export function qrPng(text: string, size = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: size,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/** An image pdfkit embeds as it is (it takes any object with width, height, label, obj and embed). */
export interface PdfImage {
  width: number;
  height: number;
  label: string;
  obj: unknown;
  embed(doc: Pdf): void;
}

/**
 * The same QR code as qrPng(text, size), pixel for pixel, as an image ready for the PDF: raw RGB, deflated once.
 * Going through PNG cost ~40 ms a certificate (pngjs tries five filters per row, then pdfkit decodes the PNG
 * back to pixels and splits off an alpha channel that is opaque everywhere).
 */
export function qrImage(text: string, size = 360): PdfImage {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const modules = qr.modules.data;
  const margin = 2;
  // qrcode's own geometry (renderer/utils.js): a fractional scale, floored per pixel.
  const scale = size >= n + margin * 2 ? size / (n + margin * 2) : 4;
  const px = Math.floor((n + margin * 2) * scale);
  const edge = margin * scale;
  const rgb = Buffer.alloc(px * px * 3, 0xff);
  const stride = px * 3;
  let lastRow = -1;
  for (let i = 0; i < px; i++) {
    if (i < edge || i >= px - edge) continue;
    const row = Math.floor((i - edge) / scale);
    // Pixel rows of one module row are identical: draw the first, copy it to the rest.
    if (row === lastRow) {
      rgb.copy(rgb, i * stride, (i - 1) * stride, i * stride);
      continue;
    }
    lastRow = row;
    for (let j = 0; j < px; j++) {
      if (j >= edge && j < px - edge && modules[row * n + Math.floor((j - edge) / scale)]) {
        const o = i * stride + j * 3;
        rgb[o] = 0;
        rgb[o + 1] = 0;
        rgb[o + 2] = 0;
      }
    }
  }
  const data = zlib.deflateSync(rgb);
  const image: PdfImage = {
    width: px,
    height: px,
    label: '',
    obj: null,
    embed(doc) {
      const d = doc as unknown as { _imageCount: number; ref(data: object): { end(b: Buffer): void } };
      image.label = `I${++d._imageCount}`;
      const ref = d.ref({
        Type: 'XObject',
        Subtype: 'Image',
        BitsPerComponent: 8,
        Width: px,
        Height: px,
        ColorSpace: 'DeviceRGB',
        Filter: 'FlateDecode',
      });
      ref.end(data);
      image.obj = ref;
    },
  };
  return image;
}

/** Draws an image (a PNG or a qrImage) at (x, y), `size` points square. */
export function drawImage(doc: Pdf, image: Buffer | PdfImage, x: number, y: number, size: number): void {
  doc.image(image as Buffer, x, y, { width: size, height: size });
}

/**
 * A round red seal: a double ring, the issuer's name along the upper arc and a five-pointed star in the middle,
 * with an optional line under the star. A facsimile only: the paper certificate carries the real stamp.
 */
export function drawSeal(
  doc: Pdf,
  o: { cx: number; cy: number; r: number; text: string; centreText?: string; opacity?: number },
): void {
  const { cx, cy, r } = o;
  doc.save();
  doc
    .opacity(o.opacity ?? 0.85)
    .strokeColor(SEAL_RED)
    .fillColor(SEAL_RED);
  doc
    .lineWidth(r * 0.05)
    .circle(cx, cy, r)
    .stroke();
  doc
    .lineWidth(r * 0.012)
    .circle(cx, cy, r * 0.93)
    .stroke();

  // Star: five outer and five inner points, the top one pointing up.
  const outer = r * 0.26;
  const inner = outer * 0.382;
  const pts: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 ? inner : outer;
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
