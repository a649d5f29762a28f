// The writers behind a city build's insertInBatches() (see insert.ts): on SQLite, cached prepared multi-row INSERTs
// on the raw better-sqlite3 handle; on PostgreSQL, COPY … FROM STDIN in text format on the one pg client the build's
// Kysely runs on. Both write inside the transaction the seed opened, so a community is all there or not at all.
import type SQLite from 'better-sqlite3';
import type pg from 'pg';
import type { BulkWriter } from './insert.ts';

/** Whether `row`'s defined columns are exactly `columns`, in that order (no allocation: this runs once a row). */
function hasColumns(row: Record<string, unknown>, columns: readonly string[]): boolean {
  let i = 0;
  for (const c in row) {
    if (row[c] === undefined) continue;
    if (columns[i] !== c) return false;
    i++;
  }
  return i === columns.length;
}

/**
 * Rows whose columns are the same set, in the first row's order. A table's rows nearly always share one shape, so a
 * row is first tried against the previous row's group before its key is built.
 */
function groupByColumns(rows: readonly Record<string, unknown>[]): Map<string, Record<string, unknown>[]> {
  const groups = new Map<string, Record<string, unknown>[]>();
  let lastColumns: string[] = [];
  let last: Record<string, unknown>[] | null = null;
  for (const row of rows) {
    if (last && hasColumns(row, lastColumns)) {
      last.push(row);
      continue;
    }
    lastColumns = Object.keys(row).filter((c) => row[c] !== undefined);
    const key = lastColumns.join(',');
    last = groups.get(key) ?? null;
    if (last) last.push(row);
    else groups.set(key, (last = [row]));
  }
  return groups;
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Rows per statement on SQLite: big enough to cross into C++ rarely, under the 32,766 bound values. */
const SQLITE_ROWS = 64;

export function sqliteBulkWriter(sqlite: SQLite.Database): BulkWriter & { rows: Map<string, number> } {
  const statements = new Map<string, SQLite.Statement>();
  const statement = (table: string, columns: string[], n: number): SQLite.Statement => {
    const key = `${table}|${columns.join(',')}|${n}`;
    let s = statements.get(key);
    if (!s) {
      const one = `(${columns.map(() => '?').join(',')})`;
      s = sqlite.prepare(
        `insert into ${quote(table)} (${columns.map(quote).join(',')}) values ${Array(n).fill(one).join(',')}`,
      );
      statements.set(key, s);
    }
    return s;
  };
  const rows = new Map<string, number>();
  return {
    phases: new Map(),
    rows,
    write(table, all) {
      for (const [key, group] of groupByColumns(all)) {
        const columns = key.split(',');
        const n = Math.min(SQLITE_ROWS, Math.floor(30_000 / columns.length));
        const many = statement(table, columns, n);
        const values: unknown[] = [];
        let i = 0;
        for (; i + n <= group.length; i += n) {
          values.length = 0;
          for (let j = i; j < i + n; j++) for (const c of columns) values.push(group[j]![c]);
          many.run(values);
        }
        if (i < group.length) {
          const one = statement(table, columns, 1);
          for (; i < group.length; i++) one.run(columns.map((c) => group[i]![c]));
        }
      }
      rows.set(table, (rows.get(table) ?? 0) + all.length);
    },
  };
}

/** One value in COPY's text format. */
function copyText(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v instanceof Date) return v.toISOString();
  else if (Buffer.isBuffer(v)) return '\\\\x' + v.toString('hex');
  else s = JSON.stringify(v);
  // Backslash first, then the characters COPY's text format reads as delimiters.
  return /[\\\n\r\t]/.test(s)
    ? s.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')
    : s;
}

const CHUNK = 1 << 20;

/**
 * COPY … FROM STDIN by hand on a pg client: pg hands a query object with submit() the connection, and calls its
 * handlers for the server's answers (copyInResponse: send the data; commandComplete; readyForQuery: done).
 */
function copyIn(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let error: unknown = null;
    const query = {
      submit(connection: { query(text: string): void }) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
        let chunk = '';
        for (const line of lines) {
          chunk += line;
          if (chunk.length >= CHUNK) {
            connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
            chunk = '';
          }
        }
        if (chunk) connection.sendCopyFromChunk(Buffer.from(chunk, 'utf8'));
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(err: unknown) {
        error = err;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve();
      },
      // Not expected for COPY FROM; present because pg may call them on any active query.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    (client as unknown as { query(q: unknown): void }).query(query);
  });
}

export function postgresBulkWriter(client: pg.Client): BulkWriter & { rows: Map<string, number> } {
  const rows = new Map<string, number>();
  return {
    phases: new Map(),
    rows,
    async write(table, all) {
      for (const [key, group] of groupByColumns(all)) {
        const columns = key.split(',');
        const lines = group.map((r) => columns.map((c) => copyText(r[c])).join('\t') + '\n');
        await copyIn(client, `copy ${quote(table)} (${columns.map(quote).join(',')}) from stdin`, lines);
      }
      rows.set(table, (rows.get(table) ?? 0) + all.length);
    },
  };
}
