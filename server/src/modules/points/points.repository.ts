// All SQL of points (嘉许回馈) and the love supermarket (爱心超市): balances, per-day earnings, the double-entry
// ledger, items, stock and redemptions.
import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/database.ts';
import type { PointsTxnTable, SupermarketItemTable } from '../../db/schema/index.ts';
import type { Posting } from '../../../../domain/hours/points.ts';

/** Creates the balance row if needed and touches it: on PostgreSQL this locks it for the rest of the transaction. */
export async function lockBalance(db: DbOrTrx, communityId: string, volunteerId: string, now: string) {
  await db
    .insertInto('points_balance')
    .values({ community_id: communityId, volunteer_id: volunteerId, balance: 0, earned: 0, debt: 0, updated_at: now })
    .onConflict((oc) => oc.columns(['community_id', 'volunteer_id']).doUpdateSet({ updated_at: now }))
    .execute();
  return await db
    .selectFrom('points_balance')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirstOrThrow();
}

export const getBalance = (db: DbOrTrx, communityId: string, volunteerId: string) =>
  db
    .selectFrom('points_balance')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .executeTakeFirst();

export async function moveBalance(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  d: { balance: number; earned: number; debt: number },
  now: string,
) {
  await db
    .updateTable('points_balance')
    .set({
      balance: sql`balance + ${d.balance}`,
      earned: sql`earned + ${d.earned}`,
      debt: sql`debt + ${d.debt}`,
      updated_at: now,
    })
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .execute();
}

/** Takes points only if the balance holds them: the guard that keeps concurrent redemptions from overdrawing. */
export async function spend(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  points: number,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('points_balance')
    .set({ balance: sql`balance - ${points}`, updated_at: now })
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('balance', '>=', points)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Adds verified minutes to a day and returns the day as it now stands. */
export async function addDayMinutes(
  db: DbOrTrx,
  communityId: string,
  volunteerId: string,
  date: string,
  minutes: number,
) {
  await db
    .insertInto('points_day')
    .values({ community_id: communityId, volunteer_id: volunteerId, service_date: date, minutes, points: 0 })
    .onConflict((oc) =>
      oc
        .columns(['community_id', 'volunteer_id', 'service_date'])
        .doUpdateSet({ minutes: sql`points_day.minutes + ${minutes}` }),
    )
    .execute();
  return db
    .selectFrom('points_day')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('service_date', '=', date)
    .executeTakeFirstOrThrow();
}

export const setDayPoints = (db: DbOrTrx, communityId: string, volunteerId: string, date: string, points: number) =>
  db
    .updateTable('points_day')
    .set({ points })
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .where('service_date', '=', date)
    .execute();

export async function insertTxn(db: DbOrTrx, txn: PointsTxnTable, postings: readonly Posting[]) {
  await db.insertInto('points_txn').values(txn).execute();
  if (postings.length) {
    await db
      .insertInto('points_posting')
      .values(
        postings.map((p, i) => ({
          community_id: txn.community_id,
          txn_id: txn.id,
          line: i + 1,
          account: p.account,
          amount: p.amount,
        })),
      )
      .execute();
  }
}

export const history = (db: DbOrTrx, communityId: string, volunteerId: string, limit: number) =>
  db
    .selectFrom('points_txn')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('volunteer_id', '=', volunteerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

// ------------------------------------------------------------------------------------------- supermarket

export const insertItem = (db: DbOrTrx, row: SupermarketItemTable) =>
  db.insertInto('supermarket_item').values(row).execute();

export const getItem = (db: DbOrTrx, communityId: string, id: string) =>
  db
    .selectFrom('supermarket_item')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

export const itemsByIds = (db: DbOrTrx, communityId: string, ids: readonly string[]) =>
  db
    .selectFrom('supermarket_item')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('id', 'in', ids)
    .execute();

export const listItems = (db: DbOrTrx, communityId: string, activeOnly: boolean) => {
  let q = db.selectFrom('supermarket_item').selectAll().where('community_id', '=', communityId);
  if (activeOnly) q = q.where('active', '=', 1);
  return q.orderBy('active', 'desc').orderBy('name').execute();
};

export const updateItem = (
  db: DbOrTrx,
  communityId: string,
  id: string,
  set: Partial<Pick<SupermarketItemTable, 'name' | 'price_points' | 'active'>>,
  now: string,
) =>
  db
    .updateTable('supermarket_item')
    .set({ ...set, updated_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .executeTakeFirst();

/** Changes stock by `delta`; a decrease only if the stock holds it. */
export async function moveStock(
  db: DbOrTrx,
  communityId: string,
  itemId: string,
  delta: number,
  now: string,
): Promise<boolean> {
  let q = db
    .updateTable('supermarket_item')
    .set({ stock: sql`stock + ${delta}`, updated_at: now })
    .where('community_id', '=', communityId)
    .where('id', '=', itemId);
  if (delta < 0) q = q.where('stock', '>=', -delta);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export const insertStockMove = (
  db: DbOrTrx,
  row: {
    community_id: string;
    id: string;
    item_id: string;
    quantity: number;
    reason: string;
    redemption_id: string | null;
    note: string | null;
    created_by: string | null;
    created_at: string;
  },
) => db.insertInto('supermarket_stock_move').values(row).execute();

export async function insertRedemption(
  db: DbOrTrx,
  r: {
    community_id: string;
    id: string;
    volunteer_id: string;
    points: number;
    txn_id: string;
    handled_by: string | null;
    handled_by_name: string;
    created_at: string;
  },
  lines: readonly { item_id: string; item_name: string; quantity: number; price_points: number }[],
) {
  await db.insertInto('supermarket_redemption').values(r).execute();
  await db
    .insertInto('supermarket_redemption_line')
    .values(lines.map((l) => ({ community_id: r.community_id, redemption_id: r.id, ...l })))
    .execute();
}

export async function redemptions(
  db: DbOrTrx,
  communityId: string,
  f: { volunteerId?: string },
  page: number,
  pageSize: number,
) {
  let base = db
    .selectFrom('supermarket_redemption as r')
    .innerJoin('volunteer as v', (j) =>
      j.onRef('v.community_id', '=', 'r.community_id').onRef('v.id', '=', 'r.volunteer_id'),
    )
    .where('r.community_id', '=', communityId);
  if (f.volunteerId) base = base.where('r.volunteer_id', '=', f.volunteerId);
  const [items, count] = await Promise.all([
    base
      .selectAll('r')
      .select('v.name as volunteer_name')
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const lines = items.length
    ? await db
        .selectFrom('supermarket_redemption_line')
        .selectAll()
        .where('community_id', '=', communityId)
        .where(
          'redemption_id',
          'in',
          items.map((i) => i.id),
        )
        .execute()
    : [];
  return { items, lines, total: Number(count.n) };
}

/** Sum of all postings and of each transaction: both must be zero in a sound ledger. */
export async function ledgerCheck(db: DbOrTrx, communityId: string) {
  const total = await db
    .selectFrom('points_posting')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), sql<number>`0`).as('s'))
    .where('community_id', '=', communityId)
    .executeTakeFirstOrThrow();
  const unbalanced = await db
    .selectFrom('points_posting')
    .select(['txn_id'])
    .where('community_id', '=', communityId)
    .groupBy('txn_id')
    .having((eb) => eb.fn.sum('amount'), '!=', 0)
    .execute();
  const byVolunteer = await db
    .selectFrom('points_posting')
    .select(['account', (eb) => eb.fn.sum<number>('amount').as('s')])
    .where('community_id', '=', communityId)
    .where('account', 'like', 'volunteer:%')
    .groupBy('account')
    .execute();
  const balances = await db
    .selectFrom('points_balance')
    .select(['volunteer_id', 'balance'])
    .where('community_id', '=', communityId)
    .execute();
  return {
    total: Number(total.s),
    unbalanced: unbalanced.map((u) => u.txn_id),
    byVolunteer: byVolunteer.map((b) => ({ account: b.account, sum: Number(b.s) })),
    balances: balances.map((b) => ({ volunteerId: b.volunteer_id, balance: Number(b.balance) })),
  };
}

/**
 * Points earned per volunteer for service dates in [from, to]: the sum of their account's postings in earn and
 * reverse transactions (a correction's reversal lowers it; spending at the supermarket does not).
 */
export async function earnedByVolunteer(
  db: DbOrTrx,
  communityId: string,
  from: string,
  to: string,
  volunteerIds?: readonly string[],
) {
  if (volunteerIds && !volunteerIds.length) return [];
  let q = db
    .selectFrom('points_txn as t')
    .innerJoin('points_posting as p', (j) =>
      j.onRef('p.community_id', '=', 't.community_id').onRef('p.txn_id', '=', 't.id'),
    )
    .select(['t.volunteer_id', (eb) => eb.fn.sum<number>('p.amount').as('points')])
    .where('t.community_id', '=', communityId)
    .where('t.kind', 'in', ['earn', 'reverse'])
    .where('p.account', 'like', 'volunteer:%')
    .where('t.service_date', '>=', from)
    .where('t.service_date', '<=', to)
    .groupBy('t.volunteer_id');
  if (volunteerIds) q = q.where('t.volunteer_id', 'in', volunteerIds);
  return (await q.execute()).map((r) => ({ volunteerId: r.volunteer_id, points: Number(r.points) }));
}
