// UUIDv7 (RFC 9562): time-ordered, so new rows append to indexes, and identical on both databases.
// The random bits come from a pool refilled POOL_IDS ids at a time: one getRandomValues call per id was a
// measurable share of the server's CPU on write-heavy routes (the love badge page logs a scan per request).
// Every id takes its own 16 fresh bytes of the pool; none is ever reused.

const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolAt = pool.length;
let lastMs = 0;
let seq = 0;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(now = Date.now()): string {
  if (poolAt === pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += 16;
  // Keep ids from one process strictly increasing within a millisecond (12-bit counter in rand_a).
  if (now <= lastMs) {
    now = lastMs;
    seq = (seq + 1) & 0xfff;
    if (seq === 0) now = ++lastMs;
  } else {
    lastMs = now;
    seq = pool[r + 6]! & 0x07;
  }
  const t = now.toString(16).padStart(12, '0');
  const b = (i: number) => HEX[pool[r + i]!]!;
  const variant = HEX[(pool[r + 8]! & 0x3f) | 0x80];
  const node = `${b(10)}${b(11)}${b(12)}${b(13)}${b(14)}${b(15)}`;
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${(0x7000 | seq).toString(16)}-${variant}${b(9)}-${node}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
