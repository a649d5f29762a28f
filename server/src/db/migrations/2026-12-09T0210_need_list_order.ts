// The needs list's order as an index (issue 17): emergencies first, then urgent, then the rest, each the longest
// waiting first. The list sorted every need of the community by its urgency on every page; with the order indexed, a
// page reads only its own rows. An index on the expression itself, not a stored column: every writer of needs (the
// service, the demo, imports) stays right without knowing of it. The expression must stay word for word the one
// needs.repository.ts orders by (URGENCY_RANK), or neither database uses the index.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index need_list_order_ix on need (
      community_id,
      (case urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end),
      created_at,
      id
    )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('need_list_order_ix').execute();
}
