// Checks recorded SQL (server/src/db/record-queries.ts): every community-scoped table a statement reads or writes
// must be pinned to one community, by `community_id = <value>` / `community_id in (...)` in WHERE or JOIN ON, or
// by equality of its community_id with that of a table that is (`b.community_id = a.community_id`), or by the
// community_id an INSERT writes. That is what lets Citus route the statement to one shard (docs/scaling.md), and
// a statement of one community's data without it is a cross-community leak risk. City-wide reads that are meant
// to sweep every community are listed in scripts/community-filter-allowed.ts, each with why.
//
//   node --import tsx scripts/community-filter.ts <recording.jsonl>
//
// The SQL is read with a small tokenizer, not a full parser: it knows the shapes Kysely writes (quoted
// identifiers, `as` aliases, joins, subqueries in parentheses, insert … on conflict, update … from).
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, migrateToLatest } from '../server/src/db/database.ts';
import { ALLOWED, type Allowed } from './community-filter-allowed.ts';

type Tok =
  | { t: 'w'; v: string; quoted: boolean } // a word: keyword or identifier (lower case)
  | { t: 'c' } // a constant: string, number or parameter
  | { t: 'p'; v: string }; // punctuation or operator

export function tokenize(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (/\s/.test(ch)) i++;
    else if (sql.startsWith('--', i)) i = sql.indexOf('\n', i) < 0 ? sql.length : sql.indexOf('\n', i);
    else if (sql.startsWith('/*', i)) i = sql.indexOf('*/', i) < 0 ? sql.length : sql.indexOf('*/', i) + 2;
    else if (ch === '"' || ch === '`') {
      let j = i + 1;
      let v = '';
      while (j < sql.length) {
        if (sql[j] === ch && sql[j + 1] === ch) {
          v += ch;
          j += 2;
        } else if (sql[j] === ch) break;
        else v += sql[j++];
      }
      out.push({ t: 'w', v: v.toLowerCase(), quoted: true });
      i = j + 1;
    } else if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      out.push({ t: 'c' });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0];
      const v = m.toLowerCase();
      out.push(v === 'null' || v === 'true' || v === 'false' ? { t: 'c' } : { t: 'w', v, quoted: false });
      i += m.length;
    } else if (/[0-9]/.test(ch) || ch === '?' || (ch === '$' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      const m = /^(\?|\$[0-9]+|[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?)/i.exec(sql.slice(i))![0];
      out.push({ t: 'c' });
      i += m.length;
    } else {
      const op = ['->>', '::', '<=', '>=', '<>', '!=', '||', '->'].find((o) => sql.startsWith(o, i)) ?? ch;
      out.push({ t: 'p', v: op });
      i += op.length;
    }
  }
  return out;
}

const CLAUSES = new Set([
  'select',
  'from',
  'where',
  'group',
  'having',
  'order',
  'limit',
  'offset',
  'set',
  'values',
  'returning',
  'union',
  'except',
  'intersect',
  'window',
  'into',
  'using',
]);
const NOT_ALIAS = new Set([
  ...CLAUSES,
  'as',
  'on',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'natural',
  'outer',
  'lateral',
  'for',
  'default',
  'do',
  'conflict',
]);

interface Ref {
  table: string;
  alias: string;
  scope: number;
  /** Pinned to one community by a constant, an insert's value, or equality with a pinned ref. */
  pinned: boolean;
  /** A subquery in FROM: the scope inside it (pinned when every community-scoped table in it is). */
  inner?: number;
  /** The table an insert writes: its community_id is given by value or by the select's. */
  target?: boolean;
}

export interface Finding {
  /** Community-scoped tables of the statement not pinned to one community. */
  unpinned: string[];
}

/** The community-scoped tables a statement touches without pinning them to one community. */
export function unpinnedTables(sql: string, scoped: ReadonlySet<string>): string[] {
  return analyse(sql, scoped).unpinned;
}

/**
 * The unpinned tables, and whether the statement's community-scoped tables are all joined on equal community_id
 * (co-located: on Citus a sweep over every community then runs on each shard without moving rows).
 */
export function analyse(sql: string, scoped: ReadonlySet<string>): { unpinned: string[]; colocated: boolean } {
  const toks = tokenize(sql);
  const first = toks[0];
  if (!first || first.t !== 'w' || !['select', 'with', 'insert', 'update', 'delete', 'replace'].includes(first.v))
    return { unpinned: [], colocated: true };
  const w = (i: number) => {
    const k = toks[i];
    return k && k.t === 'w' ? k : undefined;
  };
  const kw = (i: number, v: string) => {
    const k = toks[i];
    return !!k && k.t === 'w' && !k.quoted && k.v === v;
  };
  const p = (i: number, v: string) => {
    const k = toks[i];
    return !!k && k.t === 'p' && k.v === v;
  };

  // Scopes: the statement, and every parenthesis that opens with select/with (a subquery).
  const scopeOf: number[] = new Array(toks.length);
  const parentScope: number[] = [-1];
  const clauseAt: string[] = new Array(toks.length);
  const stack: { scope: number; clause: string; subquery: boolean }[] = [{ scope: 0, clause: '', subquery: true }];
  for (let i = 0; i < toks.length; i++) {
    const top = stack[stack.length - 1]!;
    const k = toks[i]!;
    if (k.t === 'p' && k.v === '(') {
      scopeOf[i] = top.scope;
      clauseAt[i] = top.clause;
      if (kw(i + 1, 'select') || kw(i + 1, 'with') || kw(i + 1, 'values')) {
        parentScope.push(top.scope);
        stack.push({ scope: parentScope.length - 1, clause: '', subquery: true });
      } else stack.push({ scope: top.scope, clause: top.clause, subquery: false });
      continue;
    }
    if (k.t === 'p' && k.v === ')') {
      if (stack.length > 1) stack.pop();
      const back = stack[stack.length - 1]!;
      scopeOf[i] = back.scope;
      clauseAt[i] = back.clause;
      continue;
    }
    if (k.t === 'w' && !k.quoted) {
      if (k.v === 'on' && kw(i + 1, 'conflict')) top.clause = 'conflict';
      else if (k.v === 'on') top.clause = 'on';
      else if (k.v === 'join') top.clause = 'from';
      else if (k.v === 'update' && !kw(i - 1, 'do') && !kw(i - 1, 'for')) top.clause = 'update';
      else if (k.v === 'delete') top.clause = 'delete';
      else if (CLAUSES.has(k.v)) top.clause = k.v;
    }
    scopeOf[i] = top.scope;
    clauseAt[i] = top.clause;
  }

  // Table references: after from / join / a comma in a from list / update / into / delete from.
  const refs: Ref[] = [];
  const refAt = new Map<number, Ref>();
  for (let i = 0; i < toks.length; i++) {
    const k = toks[i]!;
    const startsRef =
      (k.t === 'w' && !k.quoted && ['from', 'join', 'update', 'into'].includes(k.v) && clauseAt[i] !== 'conflict') ||
      (k.t === 'p' && k.v === ',' && clauseAt[i] === 'from' && depthEq(i));
    if (!startsRef) continue;
    if (k.t === 'w' && k.v === 'update' && (kw(i - 1, 'do') || kw(i - 1, 'for'))) continue;
    let j = i + 1;
    if (kw(j, 'lateral')) j++;
    if (p(j, '(') && (kw(j + 1, 'select') || kw(j + 1, 'with'))) {
      // (select …) as alias: a derived table, whose community_id is that of the tables inside
      let d = 0;
      let m = j;
      for (; m < toks.length; m++) {
        if (p(m, '(')) d++;
        else if (p(m, ')') && --d === 0) break;
      }
      const a = kw(m + 1, 'as') ? m + 2 : m + 1;
      const al = w(a);
      if (al && (al.quoted || !NOT_ALIAS.has(al.v)))
        refs.push({ table: '', alias: al.v, scope: scopeOf[j]!, pinned: false, inner: scopeOf[j + 1]! });
      continue;
    }
    let name = w(j);
    if (!name || (!name.quoted && NOT_ALIAS.has(name.v))) continue;
    if (p(j + 1, '.') && w(j + 2)) {
      j += 2; // schema.table
      name = w(j)!;
    }
    if (p(j + 1, '(') && !(k.t === 'w' && k.v === 'into')) continue; // a table-valued function
    let alias = name.v;
    let a = j + 1;
    if (kw(a, 'as')) a++;
    const al = w(a);
    if (al && (al.quoted || !NOT_ALIAS.has(al.v))) alias = al.v;
    const ref: Ref = { table: name.v, alias, scope: scopeOf[j]!, pinned: false, target: k.t === 'w' && k.v === 'into' };
    refs.push(ref);
    refAt.set(j, ref);
    if (k.t === 'w' && k.v === 'into' && scoped.has(name.v) && p(a === j + 1 ? j + 1 : a + 1, '(')) {
      // insert into t (cols …): pinned when it writes community_id
      let d = 0;
      for (let m = (a === j + 1 ? j + 1 : a + 1) + 1; m < toks.length; m++) {
        if (p(m, '(')) d++;
        else if (p(m, ')') && d-- === 0) break;
        else if (d === 0 && w(m)?.v === 'community_id') ref.pinned = true;
      }
    }
  }

  function depthEq(i: number): boolean {
    // a comma of the from list itself, not inside a function call's parentheses
    let d = 0;
    for (let m = i - 1; m >= 0; m--) {
      if (p(m, ')')) d++;
      else if (p(m, '(')) {
        if (d === 0) return kw(m + 1, 'select') || kw(m + 1, 'with');
        d--;
      } else if (d === 0 && kw(m, 'from')) return true;
    }
    return true;
  }

  /** The refs a community_id column names: by its qualifier, else this scope's community-scoped tables. */
  const resolve = (qualifier: string | null, scope: number): Ref[] => {
    for (let s = scope; s >= 0; s = parentScope[s]!) {
      if (qualifier !== null) {
        const named = refs.find((r) => r.scope === s && r.alias === qualifier);
        if (named) return scoped.has(named.table) || named.inner !== undefined ? [named] : [];
      } else {
        const here = refs.filter((r) => r.scope === s && scoped.has(r.table));
        if (here.length) return here;
      }
    }
    return [];
  };

  // Operands around = and in: a community_id column (qualified or not), or a constant.
  type Operand = { kind: 'col'; refs: Ref[] } | { kind: 'const' } | { kind: 'other' };
  const operandEndingAt = (i: number): Operand => {
    const k = toks[i];
    if (!k) return { kind: 'other' };
    if (k.t === 'c') return { kind: 'const' };
    if (k.t === 'w' && k.v === 'community_id') {
      const q = p(i - 1, '.') ? w(i - 2) : undefined;
      return { kind: 'col', refs: resolve(q ? q.v : null, scopeOf[i]!) };
    }
    return { kind: 'other' };
  };
  const operandStartingAt = (i: number): Operand => {
    const k = toks[i];
    if (!k) return { kind: 'other' };
    if (k.t === 'c') return { kind: 'const' };
    if (k.t === 'w' && p(i + 1, '.') && w(i + 2)?.v === 'community_id' && !p(i + 3, '('))
      return { kind: 'col', refs: resolve(k.v, scopeOf[i]!) };
    if (k.t === 'w' && k.v === 'community_id' && !p(i + 1, '.'))
      return { kind: 'col', refs: resolve(null, scopeOf[i]!) };
    return { kind: 'other' };
  };

  const edges: [Ref[], Ref[]][] = [];
  for (let i = 0; i < toks.length; i++) {
    if (clauseAt[i] !== 'where' && clauseAt[i] !== 'on') continue;
    if (p(i, '=')) {
      const l = operandEndingAt(i - 1);
      const r = operandStartingAt(i + 1);
      if (l.kind === 'col' && r.kind === 'const') l.refs.forEach((x) => (x.pinned = true));
      else if (r.kind === 'col' && l.kind === 'const') r.refs.forEach((x) => (x.pinned = true));
      else if (l.kind === 'col' && r.kind === 'col') edges.push([l.refs, r.refs]);
    } else if (kw(i, 'in') && p(i + 1, '(') && !kw(i - 1, 'not')) {
      const l = operandEndingAt(i - 1);
      if (l.kind !== 'col') continue;
      // in (values…) or in (select … ): the subquery is checked on its own
      l.refs.forEach((x) => (x.pinned = true));
    }
  }
  const within = (scope: number, outer: number): boolean =>
    scope === outer || (scope > 0 && within(parentScope[scope]!, outer));
  for (let changed = true; changed;) {
    changed = false;
    for (const d of refs) {
      if (d.inner === undefined || d.pinned) continue;
      const inside = refs.filter((r) => r !== d && within(r.scope, d.inner!) && scoped.has(r.table));
      if (inside.length && inside.every((r) => r.pinned)) {
        d.pinned = true;
        changed = true;
      }
    }
    for (const [a, b] of edges) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ]) {
        if (from!.some((x) => x.pinned) && to!.some((x) => !x.pinned)) {
          to!.forEach((x) => (x.pinned = true));
          changed = true;
        }
      }
    }
  }
  const mine = refs.filter((r) => scoped.has(r.table) || r.inner !== undefined);
  const group = new Map<Ref, Ref>(mine.map((r) => [r, r]));
  const root = (r: Ref): Ref => (group.get(r) === r ? r : root(group.get(r)!));
  for (const [a, b] of edges) for (const x of a) for (const y of b) group.set(root(x), root(y));
  return {
    unpinned: [...new Set(mine.filter((r) => !r.pinned && r.inner === undefined).map((r) => r.table))],
    colocated: new Set(mine.filter((r) => !r.target).map(root)).size <= 1,
  };
}

/** Tables with a community_id column, read from the migrated schema (an in-memory SQLite). */
export async function communityScopedTables(): Promise<Set<string>> {
  const saved = process.env.LINLI_RECORD_QUERIES;
  delete process.env.LINLI_RECORD_QUERIES;
  const h = openDatabase({});
  if (saved !== undefined) process.env.LINLI_RECORD_QUERIES = saved;
  try {
    await migrateToLatest(h.db);
    const tables = h.sqlite!.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[];
    const scoped = new Set<string>();
    for (const { name } of tables) {
      const cols = h.sqlite!.prepare(`select name from pragma_table_info(?)`).all(name) as { name: string }[];
      if (cols.some((c) => c.name === 'community_id')) scoped.add(name);
    }
    return scoped;
  } finally {
    await h.close();
  }
}

export interface Recorded {
  sql: string;
  origin: string;
}

export interface Report {
  distinct: number;
  checked: number;
  unfiltered: { sql: string; origins: string[]; tables: string[]; colocated: boolean; allowed?: Allowed }[];
}

/** Statements built by tests themselves or by migrations are not the application's and are not checked. */
const notChecked = (origin: string) =>
  origin.startsWith('server/src/db/migrations/') || /(^|\/)test\/|\.test\.ts:/.test(origin);

/** `Module.find` and `find` name the same function (the stack names it by how it was called). */
const lastName = (s: string) => s.split(/[ .]/).pop();

export function check(recorded: Recorded[], scoped: ReadonlySet<string>, allowed: readonly Allowed[] = ALLOWED) {
  const bySql = new Map<string, Set<string>>();
  for (const r of recorded) {
    if (notChecked(r.origin)) continue;
    const set = bySql.get(r.sql) ?? new Set<string>();
    set.add(r.origin);
    bySql.set(r.sql, set);
  }
  const report: Report = { distinct: bySql.size, checked: 0, unfiltered: [] };
  for (const [sql, origins] of bySql) {
    const { unpinned: tables, colocated } = analyse(sql, scoped);
    report.checked++;
    if (!tables.length) continue;
    const files = [...origins].map((o) => o.replace(/:\d+ /, ' '));
    const hit = allowed.find(
      (a) =>
        files.every((f) => f.startsWith(a.file) && (!a.fn || lastName(f) === lastName(a.fn))) &&
        (a.tables === 'every' || tables.every((t) => a.tables.includes(t))),
    );
    report.unfiltered.push({ sql, origins: [...origins].sort(), tables, colocated, ...(hit ? { allowed: hit } : {}) });
  }
  return report;
}

export function readRecording(file: string): Recorded[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Recorded);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: community-filter.ts <recording.jsonl> [--all]');
  const report = check(readRecording(file), await communityScopedTables());
  const bad = report.unfiltered.filter((u) => !u.allowed);
  const show = process.argv.includes('--all') ? report.unfiltered : bad;
  for (const u of show) {
    const joins = u.colocated ? '' : ' (joined other than on community_id)';
    console.log(
      `\n${u.allowed ? 'allowed' : 'NOT FILTERED'} on ${u.tables.join(', ')}${joins}: ${u.sql.slice(0, 400)}`,
    );
    for (const o of u.origins) console.log(`  from ${o}`);
    if (u.allowed) console.log(`  why: ${u.allowed.why}`);
  }
  console.log(
    `\ncommunity_id filter: ${report.checked} distinct application statements, ` +
      `${report.unfiltered.length} touch a community-scoped table without pinning it ` +
      `(${report.unfiltered.length - bad.length} listed as city-wide in scripts/community-filter-allowed.ts, ` +
      `${bad.length} not)`,
  );
  process.exit(bad.length ? 1 : 0);
}
