// Hot queries built and compiled by Kysely once, then run with fresh parameters. On the sign-up path building
// and compiling each query cost more CPU than SQLite took to run it (the statement itself is cached below Kysely).
//
// The first call of each shape builds the query with marker values in place of the arguments and records where
// each marker landed among the compiled parameters. Only strings and numbers are replaced (other values are part
// of the shape and compiled as they are); a row argument (insert values) is replaced key by key. If any marker
// does not come back as exactly a parameter of its own (inlined, transformed, dropped), that shape is never
// cached and every call builds the query as usual: a wrong template cannot be produced, only a slower path.
import { createQueryId, type Compilable, type CompiledQuery, type QueryResult } from 'kysely';
import type { DbOrTrx } from './database.ts';

const MARK = '\u0000linli-slot\u0000';

type Slot = { arg: number; key?: string } | { value: unknown };
interface Template {
  sql: string;
  query: CompiledQuery['query'];
  slots: Slot[];
}

const replaceable = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
const isRow = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** The call's shape (what is compiled into the SQL), or null when an argument is of a kind not handled here. */
function shapeOf(args: readonly unknown[]): string | null {
  const parts: string[] = [];
  for (const a of args) {
    if (replaceable(a)) parts.push('$');
    else if (a === null || a === undefined || typeof a === 'boolean') parts.push(String(a));
    else if (isRow(a)) {
      const keys: string[] = [];
      for (const [k, v] of Object.entries(a)) {
        if (replaceable(v)) keys.push(`${k}=$`);
        else if (v === null || v === undefined || typeof v === 'boolean') keys.push(`${k}=${String(v)}`);
        else return null; // an expression or a Date/Buffer: not handled
      }
      parts.push(`{${keys.join(',')}}`);
    } else return null;
  }
  return parts.join('|');
}

function markersFor(args: readonly unknown[]): unknown[] {
  return args.map((a, i) => {
    if (replaceable(a)) return `${MARK}${i}`;
    if (isRow(a))
      return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, replaceable(v) ? `${MARK}${i}.${k}` : v]));
    return a;
  });
}

function templateOf(compiled: CompiledQuery, markers: unknown[]): Template | null {
  if (compiled.sql.includes(MARK)) return null;
  const expected = new Set<string>();
  markers.forEach((m) => {
    if (typeof m === 'string' && m.startsWith(MARK)) expected.add(m);
    else if (isRow(m))
      for (const v of Object.values(m)) if (typeof v === 'string' && v.startsWith(MARK)) expected.add(v);
  });
  const seen = new Set<string>();
  const slots: Slot[] = compiled.parameters.map((p) => {
    if (typeof p !== 'string' || !p.includes(MARK)) return { value: p };
    if (!p.startsWith(MARK) || !expected.has(p)) return { value: MARK }; // mangled: poisons the template below
    seen.add(p);
    const [arg, key] = p.slice(MARK.length).split(/\.(.*)/s);
    return key === undefined ? { arg: Number(arg) } : { arg: Number(arg), key };
  });
  if (seen.size !== expected.size || slots.some((s) => 'value' in s && s.value === MARK)) return null;
  return { sql: compiled.sql, query: compiled.query, slots };
}

/**
 * Wraps a query builder `build(db, ...args)`; the result runs it like `.execute()` would,
 * returning Kysely's QueryResult.
 */
export function prepared<A extends unknown[], R>(
  build: (db: DbOrTrx, ...args: A) => Compilable<R>,
): (db: DbOrTrx, ...args: A) => Promise<QueryResult<R>> {
  // Per dialect adapter (a transaction shares its database's), then per shape.
  const templates = new WeakMap<object, Map<string, Template | null>>();
  return (db, ...args) => {
    const shape = shapeOf(args);
    if (shape === null) return db.executeQuery(build(db, ...args));
    const adapter = db.getExecutor().adapter;
    let byShape = templates.get(adapter);
    if (!byShape) templates.set(adapter, (byShape = new Map()));
    let t = byShape.get(shape);
    if (t === undefined) {
      const markers = markersFor(args);
      t = templateOf(build(db, ...(markers as A)).compile(), markers);
      byShape.set(shape, t);
    }
    if (t === null) return db.executeQuery(build(db, ...args));
    const parameters = t.slots.map((s) =>
      'value' in s ? s.value : s.key === undefined ? args[s.arg] : (args[s.arg] as Record<string, unknown>)[s.key],
    );
    return db.executeQuery<R>({ sql: t.sql, query: t.query, parameters, queryId: createQueryId() });
  };
}

/**
 * A filter without its empty fields, for a query built by prepared() whose conditions test whether a field is set:
 * the shape says only which fields are given, so '' (or null) must read as absent, as it does when built afresh.
 */
export function givenFields<F extends object>(f: F): F {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as F;
}
