// Reads back what the certificate PDF says, without any PDF tool installed: inflates the streams, maps the
// glyph codes of each text operator through its font's ToUnicode CMap, and pulls out the embedded QR image
// as RGBA pixels for a QR decoder. Enough for pdfkit's output (one embedded CID font, Identity-H, images as
// raw RGB with a soft mask); not a general PDF parser.
import zlib from 'node:zlib';
import jsQR from 'jsqr';

interface PdfObject {
  num: number;
  dict: string;
  data: Buffer | null;
}

/** Every numbered object, with its stream inflated when it has one. */
function objects(pdf: Buffer): PdfObject[] {
  const text = pdf.toString('latin1');
  const out: PdfObject[] = [];
  const re = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*(stream\r?\n|endobj)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[3] === 'endobj') {
      out.push({ num: Number(m[1]), dict: m[2]!, data: null });
      continue;
    }
    const start = m.index + m[0].length;
    const length = Number(/\/Length (\d+)/.exec(m[2]!)?.[1]);
    const raw = pdf.subarray(start, start + length);
    out.push({ num: Number(m[1]), dict: m[2]!, data: /\/FlateDecode/.test(m[2]!) ? zlib.inflateSync(raw) : raw });
    re.lastIndex = start + length;
  }
  return out;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  // A destination may hold several code units, space-separated (pdfkit writes a ligature such as "ff" as <0066 0066>).
  const hex = (h: string) =>
    String.fromCodePoint(...(h.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((x) => parseInt(x, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const lo = parseInt(line[1]!, 16);
      const hi = parseInt(line[2]!, 16);
      if (line[3]!.startsWith('['))
        [...line[3]!.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1]!)));
      else {
        const base = parseInt(line[3]!.slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCodePoint(base + c - lo));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const line of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(line[1]!, 16), hex(line[2]!));
  }
  return map;
}

/**
 * The text of every page, one line per text operator (TJ/Tj), in drawing order. Each font embedded has its own
 * codes (every subset numbers its glyphs from 1), so codes are read through the map of the font selected by the
 * last Tf operator: resource name → font object → its ToUnicode stream.
 */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const byNum = new Map(all.map((o) => [o.num, o]));
  const mapOfFont = new Map<number, Map<number, string>>();
  for (const o of all) {
    const ref = /\/ToUnicode (\d+) 0 R/.exec(o.dict);
    const cmap = ref ? byNum.get(Number(ref[1]))?.data : null;
    if (cmap) mapOfFont.set(o.num, toUnicodeMap(cmap.toString('latin1')));
  }
  const fontOfName = new Map<string, Map<number, string>>();
  for (const o of all) {
    for (const res of o.dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, num] of res[1]!.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) {
        const m = mapOfFont.get(Number(num));
        if (m) fontOfName.set(name!, m);
      }
    }
  }
  const lines: string[] = [];
  for (const o of all) {
    if (!o.data || /\/Subtype/.test(o.dict) || /\/Type/.test(o.dict)) continue; // fonts, images, metadata
    const content = o.data.toString('latin1');
    let map: Map<number, string> | undefined;
    for (const op of content.matchAll(/\/([\w.+-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\]|<[0-9a-fA-F]*>)\s*T[Jj]/g)) {
      if (op[1]) {
        map = fontOfName.get(op[1]);
        continue;
      }
      let line = '';
      for (const h of op[2]!.matchAll(/<([0-9a-fA-F]*)>/g))
        for (const code of h[1]!.match(/.{4}/g) ?? []) line += map?.get(parseInt(code, 16)) ?? '\uFFFD';
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** Every image in the PDF decoded as a QR code (null where it is not one). */
export function pdfQrCodes(pdf: Buffer): (string | null)[] {
  const out: (string | null)[] = [];
  for (const s of objects(pdf)) {
    if (!s.data || !/\/Subtype \/Image/.test(s.dict) || !/\/DeviceRGB/.test(s.dict)) continue;
    const w = Number(/\/Width (\d+)/.exec(s.dict)![1]);
    const h = Number(/\/Height (\d+)/.exec(s.dict)![1]);
    if (/\/Predictor/.test(s.dict)) throw new Error('PNG-predicted images are not read here');
    const rgba = new Uint8ClampedArray(w * h * 4);
    const px = s.data;
    for (let i = 0; i < w * h; i++) {
      rgba[i * 4] = px[i * 3]!;
      rgba[i * 4 + 1] = px[i * 3 + 1]!;
      rgba[i * 4 + 2] = px[i * 3 + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    out.push(jsQR(rgba, w, h)?.data ?? null);
  }
  return out;
}
