// Bulk inserts: many rows per INSERT statement, which is what makes seeding thousands of residents fast.
// A statement may carry at most 32,766 bound values on SQLite and 65,535 on PostgreSQL; we stay under
// 30,000 and at 500 rows, whichever is fewer.
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema/index.ts';

const MAX_ROWS = 500;
const MAX_VALUES = 30_000;

export async function insertInBatches<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
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
