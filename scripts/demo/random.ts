// A small seeded pseudo-random generator for the demo data. Same seed, same community: every name, age and
// phone number comes from here, never from Math.random. The core is sfc32 (Chris Doty-Humphrey's "small fast
// counting" generator): 128 bits of state, fast in JavaScript, good enough statistics for fake data.
// Not for secrets: use node:crypto for anything an attacker could guess.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Spread one 32-bit seed over the four state words (splitmix32), then discard the first outputs,
    // which are still close to the seed.
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`Rng.int: empty range ${min}..${max}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Rng.pick: no items');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks from [item, weight] pairs. Weights are whole numbers (rounded if not) and need not sum to anything. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    return this.pick(weightedTable(items));
  }

  /** A new array with the items in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  /** `count` distinct items, chosen without replacement. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new Error(`Rng.sample: ${count} from ${items.length}`);
    return this.shuffle(items).slice(0, count);
  }

  /** `count` distinct items; an item's chance of being taken is proportional to its weight (> 0). */
  weightedSample<T>(items: readonly T[], count: number, weightOf: (item: T) => number): T[] {
    if (count > items.length) throw new Error(`Rng.weightedSample: ${count} from ${items.length}`);
    // Efraimidis–Spirakis: key = u^(1/w); the `count` largest keys are the sample.
    const keyed = items.map((item) => ({ item, key: Math.pow(this.next(), 1 / weightOf(item)) }));
    keyed.sort((x, y) => y.key - x.key);
    return keyed.slice(0, count).map((k) => k.item);
  }

  /** An independent generator for one part of the data, so adding draws in one part leaves the others as they were. */
  fork(label: string): Rng {
    let h = this.nextUint32();
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}

/**
 * Expands [item, weight] pairs into a lookup table with one slot per unit of weight (weights are rounded to
 * whole numbers, at least 1), so a weighted pick is a plain uniform pick. Tables are cached per list.
 */
const tables = new WeakMap<object, readonly unknown[]>();
function weightedTable<T>(items: readonly (readonly [T, number])[]): readonly T[] {
  const cached = tables.get(items);
  if (cached) return cached as readonly T[];
  const table: T[] = [];
  for (const [item, weight] of items) {
    const n = Math.max(1, Math.round(weight));
    for (let i = 0; i < n; i++) table.push(item);
  }
  tables.set(items, table);
  return table;
}
