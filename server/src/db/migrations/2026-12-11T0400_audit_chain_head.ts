// PostgreSQL: the audit chain's lock and its last link in one round trip (platform/audit.ts, lastLink). Every audited
// write took the community's advisory lock in one statement and read the last entry in the next: two round trips
// while the lock is held, and at ten times Baoji's peak hour each round trip waited 5-15 ms on a busy box.
// One statement alone would not do: its snapshot is taken before it waits for the lock, so it could miss an entry
// committed meanwhile and fork the chain. A VOLATILE SQL function takes a fresh snapshot for each of its statements
// (read committed), so its read, after the lock, sees every entry committed before the lock was granted.
// SQLite has one writer at a time and no such function.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function audit_chain_head(community text) returns table (seq integer, hash text)
    language sql volatile as $$
      select pg_advisory_xact_lock(hashtext('audit:' || community));
      select a.seq, a.hash from audit_log a where a.community_id = community order by a.seq desc limit 1;
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function audit_chain_head(text)`.execute(db);
}
