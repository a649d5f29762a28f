// UUIDv7 (RFC 9562): time-ordered, so new rows append to indexes, and identical on both databases.

let lastMs = 0;
let seq = 0;

export function uuidv7(now = Date.now()): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  // Keep ids from one process strictly increasing within a millisecond (12-bit counter in rand_a).
  if (now <= lastMs) { now = lastMs; seq = (seq + 1) & 0xfff; if (seq === 0) now = ++lastMs; } else { lastMs = now; seq = bytes[6]! & 0x07; }
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | ((seq >> 8) & 0x0f);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
