// Bulk inserts: many rows per INSERT statement, which is what makes seeding thousands of residents fast.
// A statement may carry at most 32,766 bound values on SQLite and 65,535 on PostgreSQL; we stay under
// 30,000 and at 500 rows, whichever is fewer.
//
// A city build (scripts/demo-city.ts) goes faster still: it runs the seed inside withBulkWriter(), and every
// insertInBatches() then hands its rows to that writer (cached prepared statements on SQLite, COPY on PostgreSQL)
// on the same connection and transaction, instead of building an INSERT through Kysely.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';

const MAX_ROWS = 500;
const MAX_VALUES = 30_000;

/** Writes rows of one table on the connection the seed's transaction runs on. */
export interface BulkWriter {
  write(table: string, rows: readonly Record<string, unknown>[]): Promise<void> | void;
  /** Seconds spent per phase of a community's seed (see timed()). */
  phases: Map<string, number>;
}

const current = new AsyncLocalStorage<BulkWriter>();

/** Runs `fn` with every insertInBatches() inside it going to `writer`. */
export function withBulkWriter<T>(writer: BulkWriter, fn: () => Promise<T>): Promise<T> {
  return current.run(writer, fn);
}

/** Whether this runs inside withBulkWriter(). */
export const inBulkBuild = (): boolean => current.getStore() !== undefined;

/** Runs `fn` and, inside a bulk build, adds its time to the phase `name`. */
export async function timed<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const writer = current.getStore();
  if (!writer) return fn();
  const t = performance.now();
  try {
    return await fn();
  } finally {
    writer.phases.set(name, (writer.phases.get(name) ?? 0) + (performance.now() - t) / 1000);
  }
}

export async function insertInBatches<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const writer = current.getStore();
  if (writer) return timed('write', () => writer.write(table, rows as readonly Record<string, unknown>[]));
  const columns = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns)));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot check a generic table's row type here; the caller's `rows` type already did.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
