// GBK for the text-only LED screens many communities still run: their controllers read GB2312/GBK, not UTF-8.
// No encoder ships with Node, but its ICU decodes GBK, so the table is built once, on first use, by decoding every
// two-byte code (about 24,000; ~0.1 s). ASCII stays one byte; a character GBK lacks becomes '?', as screens do.
let table: Map<string, number> | null = null;

function gbkTable(): Map<string, number> {
  if (table) return table;
  const decoder = new TextDecoder('gbk', { fatal: true });
  const map = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue; // an unassigned code
      }
      // The first code wins where two decode alike (GBK's few duplicates).
      if (ch.length === 1 && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  table = map;
  return map;
}

/** The text in GBK bytes; characters outside GBK (emoji, rare CJK beyond it) become '?'. */
export function encodeGbk(text: string): Buffer {
  const codes = gbkTable();
  const out = Buffer.allocUnsafe(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = codes.get(ch);
    if (code === undefined) out[n++] = 0x3f;
    else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return out.subarray(0, n);
}
