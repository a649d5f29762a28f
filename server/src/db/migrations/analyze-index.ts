// The planner's statistics for an index a migration has just made. PostgreSQL samples the table. SQLite reads the
// whole index, and only where the table has statistics already (an analyzed database): one index with none among
// indexes with some would be misjudged. Not a migration: the migrations that make indexes share it.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function analyzeIndex(db: Kysely<any>, table: string, index: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`analyze ${sql.table(table)}`.execute(db);
    return;
  }
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
  if (!Number(rows[0]?.n)) return;
  const analyzed = await sql`select 1 from sqlite_stat1 where tbl = ${table} limit 1`.execute(db);
  if (analyzed.rows.length) await sql`analyze ${sql.table(index)}`.execute(db);
}
