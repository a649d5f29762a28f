// Reads back what the certificate PDF says, without any PDF tool installed: inflates the streams, maps the
// glyph codes of each text operator through the font's ToUnicode CMap, and pulls out the embedded QR image
// as RGBA pixels for a QR decoder. Enough for pdfkit's output (one embedded CID font, Identity-H, images as
// raw RGB with a soft mask); not a general PDF parser.
import zlib from 'node:zlib';
import jsQR from 'jsqr';

interface PdfStream { dict: string; data: Buffer }

function streams(pdf: Buffer): PdfStream[] {
  const text = pdf.toString('latin1');
  const out: PdfStream[] = [];
  const re = /\d+ 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const raw = pdf.subarray(start, start + length);
    out.push({ dict: m[1]!, data: /\/FlateDecode/.test(m[1]!) ? zlib.inflateSync(raw) : raw });
    re.lastIndex = start + length;
  }
  return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(line[1]!, 16);
      const hi = parseInt(line[2]!, 16);
      if (line[3]!.startsWith('[')) [...line[3]!.matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1]!)));
      else { const base = parseInt(line[3]!.slice(1, -1), 16); for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo)); }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(line[1]!, 16), hex(line[2]!));
  }
  return map;
}

/** The text of every page, one line per text operator (TJ/Tj), in drawing order. */
export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const map = new Map<number, string>();
  for (const s of all) if (s.data.includes('beginbfrange') || s.data.includes('beginbfchar')) for (const [k, v] of toUnicodeMap(s.data.toString('latin1'))) map.set(k, v);
  const lines: string[] = [];
  for (const s of all) {
    if (/\/Subtype/.test(s.dict)) continue; // fonts, images
    const content = s.data.toString('latin1');
    for (const op of content.matchAll(/(\[(?:[^\]]*)\]|<[0-9a-fA-F]*>)\s*T[Jj]/g)) {
      let line = '';
      for (const h of op[1]!.matchAll(/<([0-9a-fA-F]*)>/g)) for (const code of h[1]!.match(/.{4}/g) ?? []) line += map.get(parseInt(code, 16)) ?? '\uFFFD';
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** Every image in the PDF decoded as a QR code (null where it is not one). */
export function pdfQrCodes(pdf: Buffer): (string | null)[] {
  const out: (string | null)[] = [];
  for (const s of streams(pdf)) {
    if (!/\/Subtype \/Image/.test(s.dict) || !/\/DeviceRGB/.test(s.dict)) continue;
    const w = Number(/\/Width (\d+)/.exec(s.dict)![1]);
    const h = Number(/\/Height (\d+)/.exec(s.dict)![1]);
    if (/\/Predictor/.test(s.dict)) throw new Error('PNG-predicted images are not read here');
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let i = 0; i < w * h; i++) { rgba[i * 4] = s.data[i * 3]!; rgba[i * 4 + 1] = s.data[i * 3 + 1]!; rgba[i * 4 + 2] = s.data[i * 3 + 2]!; rgba[i * 4 + 3] = 255; }
    out.push(jsQR(rgba, w, h)?.data ?? null);
  }
  return out;
}
