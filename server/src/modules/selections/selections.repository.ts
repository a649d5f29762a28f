// All SQL of selections. A vote is one row keyed by (community, selection, account): the key, not a read before the
// write, is what keeps it to one vote per resident however many arrive at once.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { SelectionNomineeTable, SelectionTable } from '../../db/schema/index.ts';

export function listSelections(db: DbOrTrx, communityId: string, statuses?: readonly string[]) {
  let q = db
    .selectFrom('selection as s')
    .selectAll('s')
    .select((eb) => [
      eb
        .selectFrom('selection_nominee as n')
        .select(sql<number>`count(*)`.as('c'))
        .whereRef('n.community_id', '=', 's.community_id')
        .whereRef('n.selection_id', '=', 's.id')
        .where('n.status', '=', 'accepted')
        .as('nominees'),
      eb
        .selectFrom('selection_vote as v')
        .select(sql<number>`count(*)`.as('c'))
        .whereRef('v.community_id', '=', 's.community_id')
        .whereRef('v.selection_id', '=', 's.id')
        .as('votes'),
    ])
    .where('s.community_id', '=', communityId);
  if (statuses) q = q.where('s.status', 'in', [...statuses]);
  return q.orderBy('s.created_at', 'desc').orderBy('s.id').execute();
}

export function findSelection(db: DbOrTrx, communityId: string, id: string) {
  return db
    .selectFrom('selection')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSelection(db: DbOrTrx, row: SelectionTable) {
  await db.insertInto('selection').values(row).execute();
}

export async function updateSelection(db: DbOrTrx, communityId: string, id: string, set: Partial<SelectionTable>) {
  await db.updateTable('selection').set(set).where('community_id', '=', communityId).where('id', '=', id).execute();
}

export function nominees(db: DbOrTrx, communityId: string, selectionIds: readonly string[]) {
  if (!selectionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('selection_nominee')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('selection_id', 'in', [...selectionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findNominee(db: DbOrTrx, communityId: string, selectionId: string, id: string) {
  return db
    .selectFrom('selection_nominee')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('selection_id', '=', selectionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertNominee(db: DbOrTrx, row: SelectionNomineeTable) {
  await db.insertInto('selection_nominee').values(row).execute();
}

export async function updateNominee(db: DbOrTrx, communityId: string, id: string, set: Partial<SelectionNomineeTable>) {
  await db
    .updateTable('selection_nominee')
    .set(set)
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .execute();
}

/** Votes per nominee of a selection. */
export function voteCounts(db: DbOrTrx, communityId: string, selectionId: string) {
  return db
    .selectFrom('selection_vote')
    .select(['nominee_id', sql<number>`count(*)`.as('n')])
    .where('community_id', '=', communityId)
    .where('selection_id', '=', selectionId)
    .groupBy('nominee_id')
    .execute();
}

export function votesOf(db: DbOrTrx, communityId: string, accountId: string, selectionIds: readonly string[]) {
  if (!selectionIds.length) return Promise.resolve([]);
  return db
    .selectFrom('selection_vote')
    .select(['selection_id', 'nominee_id'])
    .where('community_id', '=', communityId)
    .where('account_id', '=', accountId)
    .where('selection_id', 'in', [...selectionIds])
    .execute();
}

/** True when the vote was counted; false when this account had already voted in the selection. */
export async function insertVote(
  db: DbOrTrx,
  communityId: string,
  selectionId: string,
  accountId: string,
  nomineeId: string,
) {
  const r = await db
    .insertInto('selection_vote')
    .values({
      community_id: communityId,
      selection_id: selectionId,
      account_id: accountId,
      nominee_id: nomineeId,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['community_id', 'selection_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** Published honours: the honoured nominees of published selections, newest first. */
export function honours(db: DbOrTrx, communityId: string) {
  return db
    .selectFrom('selection_nominee as n')
    .innerJoin('selection as s', (j) =>
      j.onRef('s.community_id', '=', 'n.community_id').onRef('s.id', '=', 'n.selection_id'),
    )
    .select(['s.id as selection_id', 's.kind', 's.title', 's.published_at', 'n.name', 'n.minor', 'n.rank'])
    .where('n.community_id', '=', communityId)
    .where('s.status', '=', 'published')
    .where('n.honoured', '=', 1)
    .orderBy('s.published_at', 'desc')
    .orderBy('n.rank')
    .orderBy('n.id')
    .execute();
}
